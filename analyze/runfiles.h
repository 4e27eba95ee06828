/* runfiles.h — one run on disk: its statistics table, history and siblings.
 *
 * A run is named by the path of its _stats.csv (or of a web-UI table). Its
 * other files are found by replacing the "_stats.csv" suffix: PREFIX_meta.json
 * and PREFIX_stats_history.csv. All CSV reading goes through
 * common/locust_csv.h; this file only decides which files to read and keeps
 * what analyze needs from them. */
#ifndef AZ_RUNFILES_H
#define AZ_RUNFILES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lberr.h"
#include "model.h"

/* One Aggregated row of a history file: a per-second window. */
typedef struct run_point {
    int64_t t;               /* Unix seconds */
    long users;
    uint64_t requests;       /* cumulative request count */
    double rps;              /* current (windowed) requests/s */
    double p50, p95, p99;
    bool has_p95, has_p99;
} run_point;

/* The Aggregated time series of a _stats_history.csv (other rows dropped,
 * so memory follows what is kept, not the file's size). */
typedef struct run_history {
    run_point *pts;
    size_t n, cap;
} run_history;

/* PREFIX + suffix for a path ending in "_stats.csv" (freshly allocated), or
 * NULL when the path has another ending (web-UI tables have no siblings) or
 * memory runs out. */
char *runfiles_sibling(const char *stats_path, const char *suffix);

/* True when path names an existing regular file. */
bool runfiles_exists(const char *path);

/* Read a stats or web-UI table into *p (see model_from_table). Returns 0, or
 * -1 with err naming the file (and line, for malformed input). */
int runfiles_load_profile(const char *path, model_profile *p, lb_err *err);

/* Stream a history file, keeping its Aggregated rows. Returns 0, or -1 with
 * err filled (h left empty). A history without Aggregated rows is an error. */
int runfiles_load_history(const char *path, run_history *h, lb_err *err);

void runfiles_history_free(run_history *h);

#endif
