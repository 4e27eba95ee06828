/* gate.h — the CI regression gate: is the candidate measurably worse?
 *
 * Checks of the Aggregated row, each against a documented default threshold:
 *   rps        fails when it drops by more than max_rps_drop percent (10)
 *   p95_ms     fails when it rises by more than max_p95_rise percent (20)
 *   p99_ms     fails when it rises by more than max_p99_rise percent (30)
 *   fail_ratio fails when the candidate's failures / requests exceeds
 *              max_fail_ratio (0.01)
 *   new_fails  fails when the candidate has failures and the baseline none
 *              (unless allow_new_failures)
 * plus, per endpoint named by a rule (gate_rules.h), rps/p95/p99 checks
 * with the rule's own limits. A change exactly at its threshold passes.
 * Point estimates are the median over a side's runs (fail_ratio pools the
 * counts).
 *
 * Load tests are noisy, so when samples exist the rps/p95/p99 checks also
 * need significance, as benchstat does: a two-sided Mann-Whitney U (mwu.h)
 * at level alpha (0.05). The samples are the runs' values whenever each
 * side has at least two runs: runs with a fresh server each are independent,
 * which the test assumes. Only with one run per side does it fall back to
 * the per-second history windows, whose p-values are optimistic (windows of
 * one run are autocorrelated); the verdict then carries a caveat. With
 * neither, the threshold alone decides and the output says so. */
#ifndef AZ_GATE_H
#define AZ_GATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "lberr.h"
#include "model.h"
#include "runfiles.h"

/* Limits of one endpoint: its rps/p95/p99 checks; a limit < 0 is not checked. */
typedef struct gate_rule {
    char *method;            /* NULL: the name's only method */
    char *name;              /* the endpoint's name as in _stats.csv */
    double max_rps_drop, max_p95_rise, max_p99_rise;
} gate_rule;

typedef struct gate_limits {
    double max_rps_drop;     /* percent */
    double max_p95_rise;     /* percent */
    double max_p99_rise;     /* percent */
    double max_fail_ratio;   /* fraction of requests, 0..1 */
    double alpha;            /* significance level */
    bool allow_new_failures;
    const gate_rule *rules;  /* per-endpoint checks (not owned) */
    size_t nrules;
} gate_limits;

/* One run given to the gate. */
typedef struct gate_run {
    const char *path;
    const model_metrics *head;
    const run_history *hist; /* NULL when the run has no history */
    bool saturated;          /* from its _meta.json */
    const model_profile *prof;  /* its endpoints, for rules; NULL: none */
} gate_run;

typedef enum gate_samples {
    GATE_SAMPLES_NONE, GATE_SAMPLES_RUNS, GATE_SAMPLES_WINDOWS
} gate_samples;

enum { GATE_RPS, GATE_P95, GATE_P99, GATE_FAIL_RATIO, GATE_NEW_FAILS, GATE_NCHECKS };

typedef struct gate_check {
    const char *endpoint;    /* NULL: the Aggregated row, else "METHOD NAME" */
    const char *metric;      /* "rps", "p95_ms", "p99_ms", "fail_ratio", "new_fails" */
    int kind;                /* GATE_RPS ... GATE_NEW_FAILS */
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
    gate_check *eps;         /* per-endpoint checks, in rule order (owned) */
    size_t neps;
    gate_samples samples;
    const char *caveat;      /* why the p-values deserve less trust, or NULL */
    size_t nbase, ncand;
    size_t nexact;           /* runs whose percentiles came from _hdr.csv */
    bool regression;         /* any check is a regression */
} gate_verdict;

/* The defaults listed above (no rules). */
void gate_limits_default(gate_limits *l);

/* Evaluate candidate runs against baseline runs (at least one each).
 * Returns 0 with *out filled (free with gate_verdict_free; a verdict without
 * rules owns no memory), or -1 with err
 * filled: no runs, OOM, a rule's endpoint missing from every run of a side,
 * or a rule without method whose name has several. */
int gate_evaluate(const gate_run *base, size_t nb, const gate_run *cand, size_t nc,
                  const gate_limits *l, gate_verdict *out, lb_err *err);

void gate_verdict_free(gate_verdict *v);

/* "METHOD NAME" of check, or "Aggregated". */
const char *gate_check_where(const gate_check *ck);

/* The verdict word of a check: "ok", "not significant", "allowed", "REGRESSION". */
const char *gate_check_verdict(const gate_check *ck);

/* Which samples the test used, in words. */
const char *gate_samples_text(gate_samples s);

/* Output (gate_out.c). Each returns 0, or -1 on a write error.
 * Markdown: the verdict table, caveats, warnings for saturated runs, one
 * FAIL line per failed check naming the endpoint and metric, then
 * "verdict: PASS" or "verdict: REGRESSION". */
int gate_write(FILE *f, const gate_verdict *v, const gate_limits *l,
               const gate_run *base, size_t nb, const gate_run *cand, size_t nc);
/* One JSON object (jansson): verdict, test, caveat, percentiles, runs, checks. */
int gate_write_json(FILE *f, const gate_verdict *v, const gate_limits *l,
                    const gate_run *base, size_t nb, const gate_run *cand, size_t nc);
/* JUnit XML: one testcase per check (classname = where), a <failure> for
 * each regression, the Markdown verdict in <system-out>. */
int gate_write_junit(FILE *f, const gate_verdict *v, const gate_limits *l,
                     const gate_run *base, size_t nb, const gate_run *cand, size_t nc);

#endif
