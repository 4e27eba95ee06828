/* report.h — the regenerated performance report: Markdown plus gnuplot charts.
 *
 * report_write builds DIR/Performance-Story.md and DIR/plots/ in a fresh
 * temporary folder beside DIR and only then swaps it in (rename), so a
 * failure never leaves a partial report over a good one. DIR is owned by the
 * report: whatever was there before is replaced. Same inputs, same bytes: no
 * timestamps, no absolute paths, fixed number formatting. */
#ifndef AZ_REPORT_H
#define AZ_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "lberr.h"
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

/* Write the report into outdir (whose parent must exist). Returns 0; 1 when
 * the report was written but plots were skipped because gnuplot is missing;
 * -2 when gnuplot ran but failed to make an image, -1 on any other failure
 * (both with err filled and outdir untouched). */
int report_write(const char *outdir, const report_input *in, const report_opts *o,
                 lb_err *err);

/* PREFIX + a profile name as a chart's base file name in out: anything but
 * [A-Za-z0-9._-] becomes '_', so names from a manifest cannot reach outside
 * plots/. */
void report_plot_name(char *out, size_t cap, const char *prefix, const char *name);

/* Write the Markdown body of the report to f (report_md.c). plots_ok says
 * whether the charts were made, so the body links them or says they were
 * skipped; in->hist[i] non-NULL means profile i has an over-time chart.
 * Returns 0, or -1 on OOM or a write error. */
int report_md_write(FILE *f, const report_input *in, const report_opts *o, bool plots_ok);

/* "Throughput: A (`name`) served **Nx** the RPS of B ...": the line under a
 * comparison; nothing when either side has no positive RPS. */
void report_md_ratio(FILE *f, const model_profile *a, const model_profile *b);

/* The sections that exist only with our reruns (report_story.c), written by
 * report_md_write: both headline tables side by side (each run next to its
 * `original =`), the comparisons that both manifests define, as deltas side
 * by side with both throughput ratios and the notes; and the server-side view
 * from in->server. Each returns 0, or -1 on OOM or a write error. */
int report_story_side_by_side(FILE *f, const report_input *in);
int report_story_compares(FILE *f, const report_input *in);
int report_story_server(FILE *f, const report_input *in);

#endif
