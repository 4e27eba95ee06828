/* manifest.h — the profile manifest: which files make up a report and what they mean.
 *
 * An INI-like text file (documented in docs/analyze.md):
 *
 *     # comment
 *     [profile profile_1500_fb69a06]      one section per profile, in report order
 *     file   = profile_1500_fb69a06.csv   relative to --data-dir (default: the manifest's folder)
 *     users  = 1500                        free-text labels for the tables
 *     config = tracing ON
 *     commit = fb69a06
 *     tags   = tracing=on workers=default  space-separated key=value roles
 *     original = profile_1500_fb69a06     optional: the profile of another manifest
 *                                          this run reproduces (report --compare-manifest)
 *
 *     [compare tracing]                    a derived comparison, A against B
 *     title  = What OpenTelemetry cost us
 *     a      = profile_1500_fb69a06        profile section names
 *     b      = profile_1500_notracing_fb69a06
 *     note   = free text printed under the comparison (optional)
 *
 * Keys are case-sensitive; whitespace around keys and values is trimmed;
 * unknown keys, duplicate sections and references to unknown profiles are
 * errors naming the file and line. */
#ifndef AZ_MANIFEST_H
#define AZ_MANIFEST_H
#include <stddef.h>
#include "lberr.h"

typedef struct manifest_profile {
    char *name;              /* section name */
    char *file;              /* required */
    char *users, *config, *commit, *tags;  /* "" when not given */
    char *original;          /* "" when not given: the other manifest's profile it reruns */
    long line;               /* line of the section header */
} manifest_profile;

typedef struct manifest_compare {
    char *name, *title;      /* title defaults to the name */
    char *a, *b;             /* profile names, both required */
    char *note;              /* "" when not given */
    long line;
} manifest_compare;

typedef struct manifest {
    char *path;              /* as given */
    char *dir;               /* folder holding the manifest ("." if none) */
    manifest_profile *profiles;
    size_t nprofiles;
    manifest_compare *compares;
    size_t ncompares;
} manifest;

/* Parse manifest text; `path` names the source in error messages and sets
 * m->path/m->dir. Returns 0, or -1 with err "PATH:LINE: why" (m left empty). */
int manifest_parse(const char *text, const char *path, manifest *m, lb_err *err);

/* Read and parse the file at path. Returns 0, or -1 with err filled. */
int manifest_read(const char *path, manifest *m, lb_err *err);

/* The profile whose section name equals name, or whose file's base name
 * without ".csv" equals it; NULL when none. */
const manifest_profile *manifest_find(const manifest *m, const char *name);

/* Free everything m owns and zero it. */
void manifest_free(manifest *m);

#endif
