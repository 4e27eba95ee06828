/* report_input.h — what `analyze report` is made of (the manifest, its loaded
 * profiles and histories, our reruns, the server-side rollup) and its options.
 * Shared by report.c (the folder), report_md.c (the Markdown) and
 * report_story.c (the sections with our reruns); it includes none of them. */
#ifndef AZ_REPORT_INPUT_H
#define AZ_REPORT_INPUT_H
#include <stdbool.h>
#include <stddef.h>
#include "manifest.h"
#include "model.h"
#include "profile_rollup.h"
#include "runfiles.h"

/* Progress and warnings go through callbacks: the caller decides where
 * (analyze prints them to stderr). */
typedef void (*report_note_fn)(void *ctx, const char *msg);

typedef struct report_opts {
    const char *gnuplot;     /* program to run; "gnuplot" by default */
    size_t top;              /* endpoints per profile table (0 = all) */
    bool grouped;            /* names were folded with --group-names */
    report_note_fn progress, warn;
    void *ctx;
    bool html;               /* also write Performance-Story.html (report_html.h) */
} report_opts;

/* What the report is made of: the manifest and its profiles, in manifest
 * order, with labels filled. */
typedef struct report_input {
    const manifest *m;
    const model_profile *ps;
    size_t n;
    const run_history *const *hist;  /* per profile; NULL entries when none */
    const size_t *names_before;      /* per profile: unique names before grouping */
    const char *plot_prefix;         /* chart file name prefix; NULL = none */
    /* Optional, for the primary input only: our reruns of the same story
     * (`--compare-manifest`; their charts are prefixed "ours-") and the
     * per-request profile rollup of one of them (`--server-profile`). */
    const struct report_input *ours;
    const pr_rollup *server;
    size_t server_files;             /* requests-*.csv files read into server */
    const char *server_dir;          /* as given, quoted in the report */
} report_input;

#endif
