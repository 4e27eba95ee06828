/* model.h — a profile: one run's statistics, reduced to what analyze reports.
 *
 * A profile is built from an lc_table (common/locust_csv.h) of the stats or
 * web-UI layout plus the labels a manifest gives it. The headline metrics come
 * from the Aggregated row: requests, fails, p50 (Locust's Median column), p95,
 * p99, average and RPS (the web-UI layout's "Current RPS", the stats layout's
 * total "Requests/s"). Endpoints are copied out of the table, so the table
 * can be freed once the profile is built. */
#ifndef AZ_MODEL_H
#define AZ_MODEL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lberr.h"
#include "locust_csv.h"

/* Headline metric indices, in the order every table prints them. */
enum {
    MODEL_REQUESTS, MODEL_FAILS, MODEL_P50, MODEL_P95, MODEL_P99, MODEL_AVG,
    MODEL_RPS, MODEL_NMETRICS
};
/* CSV names: "requests", "fails", "p50_ms", "p95_ms", "p99_ms", "avg_ms", "rps". */
extern const char *const model_metric_names[MODEL_NMETRICS];

typedef struct model_metrics {
    uint64_t requests, fails;
    double p50, p95, p99, avg, rps;
    bool has_p95, has_p99;   /* false when the layout lacks them or they are N/A */
    bool has_rps;
    bool approx_pct;         /* p50/p95/p99 merged approximately (grouped names) */
} model_metrics;

typedef struct model_endpoint {
    char *method, *name;
    model_metrics m;
    double min, max, avg_size;
    size_t members;          /* rows folded into this one (1 unless grouped) */
} model_endpoint;

typedef struct model_profile {
    char *name;              /* model_basename() of the path */
    char *path;              /* as given */
    lc_layout layout;
    const char *users, *config, *commit, *tags;  /* manifest labels or NULL (not owned) */
    model_metrics head;      /* from the Aggregated row */
    model_endpoint *eps;     /* every non-Aggregated row, sorted by (name, method) */
    size_t neps;
    uint64_t listed_requests;  /* sum of requests over the listed rows */
    bool exact_pct;          /* p50/p95/p99 from PREFIX_hdr.csv (us), not Locust's rounding */
    char *tag;               /* PREFIX_meta.json's "tag" (loadgen --tag), or NULL */
} model_profile;

/* More unique request names than this earns a warning and a suggestion to
 * fold them with --group-names. */
#define MODEL_MANY_NAMES 100

/* Value of headline metric i (MODEL_*) of m; *has is false when the value
 * is absent (p95/p99 N/A, no RPS column). */
double model_metric(const model_metrics *m, int i, bool *has);

/* Fill *m from one statistics row. */
void model_metrics_from_row(const lc_row *r, model_metrics *m);

/* Base name of path without directories and without a trailing ".csv", or
 * without "_stats.csv" for a run's stats file (runs/base-1_stats.csv is
 * "base-1": one name for a run in table, compare, gate and report). Freshly
 * allocated; NULL on OOM. */
char *model_basename(const char *path);

/* Build *p from table t (stats or web-UI layout). The table is only read.
 * Returns 0, or -1 with err naming the file when t has no Aggregated row,
 * is of another layout, or memory runs out (p is then left empty). */
int model_from_table(model_profile *p, const lc_table *t, lb_err *err);

/* Sort p's endpoints by (name, method) in code-point order, as Locust does. */
void model_sort_endpoints(model_profile *p);

/* True when the Aggregated row covers requests of rows that are not listed
 * (the web UI's 500-row truncation): listed rows sum to fewer requests. */
bool model_truncated(const model_profile *p);

/* Share of the total response time (requests x average) spent in endpoint e,
 * in percent of the Aggregated row's requests x average; 0 when that is 0. */
double model_time_share(const model_profile *p, const model_endpoint *e);

/* Free everything p owns and zero it (p may be empty). */
void model_free(model_profile *p);

#endif
