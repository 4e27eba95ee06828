/* gate.h — the CI regression gate: is the candidate measurably worse?
 *
 * Checks, each against a documented default threshold:
 *   rps        fails when it drops by more than max_rps_drop percent (10)
 *   p95_ms     fails when it rises by more than max_p95_rise percent (20)
 *   p99_ms     fails when it rises by more than max_p99_rise percent (30)
 *   fail_ratio fails when the candidate's failures / requests exceeds
 *              max_fail_ratio (0.01)
 *   new_fails  fails when the candidate has failures and the baseline none
 *              (unless allow_new_failures)
 * A change exactly at its threshold passes. Point estimates are the median
 * over a side's runs (fail_ratio pools the counts). Load tests are noisy, so
 * when samples exist the rps/p95/p99 checks also need significance, as
 * benchstat does: Mann-Whitney U (mwu.h) at level alpha (0.05) over the
 * per-second history windows when every run has a history, else over the
 * runs' values when each side has at least two runs; with neither, the
 * threshold alone decides and the output says so. */
#ifndef AZ_GATE_H
#define AZ_GATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "lberr.h"
#include "model.h"
#include "runfiles.h"

typedef struct gate_limits {
    double max_rps_drop;     /* percent */
    double max_p95_rise;     /* percent */
    double max_p99_rise;     /* percent */
    double max_fail_ratio;   /* fraction of requests, 0..1 */
    double alpha;            /* significance level */
    bool allow_new_failures;
} gate_limits;

/* One run given to the gate. */
typedef struct gate_run {
    const char *path;
    const model_metrics *head;
    const run_history *hist; /* NULL when the run has no history */
    bool saturated;          /* from its _meta.json */
} gate_run;

typedef enum gate_samples {
    GATE_SAMPLES_NONE, GATE_SAMPLES_RUNS, GATE_SAMPLES_WINDOWS
} gate_samples;

enum { GATE_RPS, GATE_P95, GATE_P99, GATE_FAIL_RATIO, GATE_NEW_FAILS, GATE_NCHECKS };

typedef struct gate_check {
    const char *metric;      /* "rps", "p95_ms", "p99_ms", "fail_ratio", "new_fails" */
    double base, cand;       /* point estimates */
    double change_pct;       /* (cand - base) / base * 100 when has_change */
    bool has_change;
    double limit;            /* the threshold this check used */
    bool crossed;            /* beyond the threshold */
    bool tested;             /* a significance test ran */
    double p;                /* its two-sided p-value */
    size_t nb, nc;           /* sample sizes of the test */
    bool regression;         /* crossed and (significant or untestable) */
} gate_check;

typedef struct gate_verdict {
    gate_check checks[GATE_NCHECKS];
    gate_samples samples;
    size_t nbase, ncand;
    bool regression;         /* any check is a regression */
} gate_verdict;

/* The defaults listed above. */
void gate_limits_default(gate_limits *l);

/* Evaluate candidate runs against baseline runs (at least one each).
 * Returns 0 with *out filled, or -1 with err filled (no runs, OOM). */
int gate_evaluate(const gate_run *base, size_t nb, const gate_run *cand, size_t nc,
                  const gate_limits *l, gate_verdict *out, lb_err *err);

/* Print the verdict table, one line per failed check naming the metric,
 * and warnings for saturated runs. Returns 0 or -1 on a write error. */
int gate_write(FILE *f, const gate_verdict *v, const gate_limits *l,
               const gate_run *base, size_t nb, const gate_run *cand, size_t nc);

#endif
