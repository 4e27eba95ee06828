/* gate.c — thresholds, point estimates and significance for the regression gate. */
#include "gate.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "fmt.h"
#include "mwu.h"

/* Floating-point slack so a change exactly at its threshold passes even when
 * the division rounds a hair past it (-100/1000*100 may print -10). */
#define GATE_EPS 1e-9

void gate_limits_default(gate_limits *l)
{
    l->max_rps_drop = 10.0;
    l->max_p95_rise = 20.0;
    l->max_p99_rise = 30.0;
    l->max_fail_ratio = 0.01;
    l->alpha = 0.05;
    l->allow_new_failures = false;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of v[0..n) (sorts v). */
static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* Value of check c (GATE_RPS/P95/P99) for a run, or a history window. */
static bool run_value(const gate_run *r, int c, double *out)
{
    switch (c) {
    case GATE_RPS: *out = r->head->rps; return r->head->has_rps;
    case GATE_P95: *out = r->head->p95; return r->head->has_p95;
    default:       *out = r->head->p99; return r->head->has_p99;
    }
}

static bool window_value(const run_point *pt, int c, double *out)
{
    if (pt->requests == 0)   /* before the first request: not a measurement */
        return false;
    switch (c) {
    case GATE_RPS: *out = pt->rps; return true;
    case GATE_P95: *out = pt->p95; return pt->has_p95;
    default:       *out = pt->p99; return pt->has_p99;
    }
}

/* Collect the values of check c over one side: per run, or per window. */
static double *collect(const gate_run *runs, size_t n, int c, bool windows, size_t *count)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        cap += windows ? runs[i].hist->n : 1;
    double *v = malloc((cap ? cap : 1) * sizeof *v);
    *count = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!windows) {
            if (run_value(&runs[i], c, &v[*count]))
                (*count)++;
            continue;
        }
        for (size_t k = 0; k < runs[i].hist->n; k++)
            if (window_value(&runs[i].hist->pts[k], c, &v[*count]))
                (*count)++;
    }
    return v;
}

static bool all_have_history(const gate_run *runs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!runs[i].hist || runs[i].hist->n == 0)
            return false;
    return true;
}

/* Threshold check, point estimates and (when possible) the U test for one
 * of rps/p95/p99. */
static int check_metric(gate_check *ck, int c, const gate_run *base, size_t nb,
                        const gate_run *cand, size_t nc, gate_samples samples,
                        const gate_limits *l)
{
    size_t kb, kc;
    double *vb = collect(base, nb, c, false, &kb);
    double *vc = collect(cand, nc, c, false, &kc);
    if (!vb || !vc) {
        free(vb);
        free(vc);
        return -1;
    }
    if (kb && kc) {
        ck->base = median(vb, kb);
        ck->cand = median(vc, kc);
        ck->change_pct = compare_delta_pct(ck->base, ck->cand, &ck->has_change);
    }
    free(vb);
    free(vc);
    ck->limit = c == GATE_RPS ? l->max_rps_drop : c == GATE_P95 ? l->max_p95_rise
                                                                 : l->max_p99_rise;
    if (ck->has_change)
        ck->crossed = c == GATE_RPS ? ck->change_pct < -ck->limit - GATE_EPS
                                    : ck->change_pct > ck->limit + GATE_EPS;
    if (samples != GATE_SAMPLES_NONE) {
        bool windows = samples == GATE_SAMPLES_WINDOWS;
        vb = collect(base, nb, c, windows, &kb);
        vc = collect(cand, nc, c, windows, &kc);
        if (!vb || !vc) {
            free(vb);
            free(vc);
            return -1;
        }
        mwu_result mr;
        if (kb && kc && mwu_test(vb, kb, vc, kc, &mr) == 0) {
            ck->tested = true;
            ck->p = mr.p;
            ck->nb = kb;
            ck->nc = kc;
        }
        free(vb);
        free(vc);
    }
    ck->regression = ck->crossed && (!ck->tested || ck->p < l->alpha);
    return 0;
}

int gate_evaluate(const gate_run *base, size_t nb, const gate_run *cand, size_t nc,
                  const gate_limits *l, gate_verdict *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    if (nb == 0 || nc == 0)
        return lb_err_set(err, "the gate needs at least one baseline and one candidate run");
    out->nbase = nb;
    out->ncand = nc;
    if (all_have_history(base, nb) && all_have_history(cand, nc))
        out->samples = GATE_SAMPLES_WINDOWS;
    else if (nb >= 2 && nc >= 2)
        out->samples = GATE_SAMPLES_RUNS;
    static const char *const names[GATE_NCHECKS] = {
        "rps", "p95_ms", "p99_ms", "fail_ratio", "new_fails"
    };
    for (int c = 0; c < GATE_NCHECKS; c++)
        out->checks[c].metric = names[c];
    for (int c = GATE_RPS; c <= GATE_P99; c++)
        if (check_metric(&out->checks[c], c, base, nb, cand, nc, out->samples, l))
            return lb_err_set(err, "out of memory in the gate");

    /* Failures are counted, not sampled: pooled ratios, no significance test. */
    double breq = 0, bfail = 0, creq = 0, cfail = 0;
    for (size_t i = 0; i < nb; i++) {
        breq += (double)base[i].head->requests;
        bfail += (double)base[i].head->fails;
    }
    for (size_t i = 0; i < nc; i++) {
        creq += (double)cand[i].head->requests;
        cfail += (double)cand[i].head->fails;
    }
    gate_check *fr = &out->checks[GATE_FAIL_RATIO];
    fr->base = breq > 0 ? bfail / breq : 0.0;
    fr->cand = creq > 0 ? cfail / creq : 0.0;
    fr->limit = l->max_fail_ratio;
    fr->crossed = fr->regression = fr->cand > l->max_fail_ratio + GATE_EPS;
    gate_check *nf = &out->checks[GATE_NEW_FAILS];
    nf->base = bfail;
    nf->cand = cfail;
    nf->crossed = bfail == 0 && cfail > 0;
    nf->regression = nf->crossed && !l->allow_new_failures;

    for (int c = 0; c < GATE_NCHECKS; c++)
        out->regression |= out->checks[c].regression;
    return 0;
}

/* ---------------------------------------------------------------- output */

static const char *samples_text(gate_samples s)
{
    switch (s) {
    case GATE_SAMPLES_WINDOWS: return "Mann-Whitney U over per-second history windows";
    case GATE_SAMPLES_RUNS:    return "Mann-Whitney U over the runs";
    default:                   return "none (one run on a side and no history: "
                                      "thresholds alone decide)";
    }
}

static void write_check(FILE *f, const gate_check *ck, int c, const gate_limits *l)
{
    char b[FMT_NUM_MAX], d[FMT_NUM_MAX], lim[FMT_NUM_MAX];
    fprintf(f, "| %s | ", ck->metric);
    if (c == GATE_FAIL_RATIO) {
        fprintf(f, "%s%% | ", fmt_num(b, sizeof b, ck->base * 100.0, 3, true));
        fprintf(f, "%s%% | — | > %s%% | — |", fmt_num(b, sizeof b, ck->cand * 100.0, 3, true),
                fmt_num(lim, sizeof lim, ck->limit * 100.0, 3, true));
    } else if (c == GATE_NEW_FAILS) {
        fprintf(f, "%s | ", fmt_num(b, sizeof b, ck->base, 0, true));
        fprintf(f, "%s | — | %s | — |", fmt_num(b, sizeof b, ck->cand, 0, true),
                l->allow_new_failures ? "allowed" : "any where baseline had none");
    } else {
        fprintf(f, "%s | ", fmt_num(b, sizeof b, ck->base, 2, true));
        fprintf(f, "%s | %s | %s %s%% | ", fmt_num(b, sizeof b, ck->cand, 2, true),
                fmt_delta(d, sizeof d, ck->change_pct, ck->has_change, FMT_MD),
                c == GATE_RPS ? "drop >" : "rise >", fmt_num(lim, sizeof lim, ck->limit, 2, true));
        if (ck->tested)
            fprintf(f, "%.4g (n=%zu/%zu) |", ck->p, ck->nb, ck->nc);
        else
            fputs("— |", f);
    }
    const char *verdict = ck->regression ? "REGRESSION"
                        : ck->crossed ? (c == GATE_NEW_FAILS ? "allowed" : "not significant")
                        : "ok";
    fprintf(f, " %s |\n", verdict);
}

static void write_reason(FILE *f, const gate_check *ck, int c, const gate_limits *l)
{
    char a[FMT_NUM_MAX], b[FMT_NUM_MAX];
    switch (c) {
    case GATE_FAIL_RATIO:
        fprintf(f, "FAIL fail_ratio: %s%% of candidate requests failed (limit %s%%)\n",
                fmt_num(a, sizeof a, ck->cand * 100.0, 3, false),
                fmt_num(b, sizeof b, ck->limit * 100.0, 3, false));
        return;
    case GATE_NEW_FAILS:
        fprintf(f, "FAIL new_fails: candidate has %s failures, baseline had none "
                "(--allow-new-failures to accept)\n", fmt_num(a, sizeof a, ck->cand, 0, false));
        return;
    default:
        fprintf(f, "FAIL %s: %s %s%% (limit %s%%)", ck->metric,
                c == GATE_RPS ? "dropped" : "rose",
                fmt_num(a, sizeof a, fabs(ck->change_pct), 2, false),
                fmt_num(b, sizeof b, ck->limit, 2, false));
        if (ck->tested)
            fprintf(f, ", significant (p=%.4g < alpha %g)", ck->p, l->alpha);
        fputc('\n', f);
    }
}

static void warn_saturated(FILE *f, const char *side, const gate_run *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].saturated)
            fprintf(f, "WARNING %s run %s: the load generator was saturated (its _meta.json "
                    "says so); its latencies include client-side queueing\n", side, r[i].path);
}

int gate_write(FILE *f, const gate_verdict *v, const gate_limits *l,
               const gate_run *base, size_t nb, const gate_run *cand, size_t nc)
{
    fprintf(f, "gate: %zu baseline run(s), %zu candidate run(s); significance: %s "
            "(alpha %g)\n\n", v->nbase, v->ncand, samples_text(v->samples), l->alpha);
    fputs("| Check | Baseline | Candidate | Change | Limit | p-value | Verdict |\n"
          "|---|---:|---:|---:|---|---|---|\n", f);
    for (int c = 0; c < GATE_NCHECKS; c++)
        write_check(f, &v->checks[c], c, l);
    fputc('\n', f);
    warn_saturated(f, "baseline", base, nb);
    warn_saturated(f, "candidate", cand, nc);
    for (int c = 0; c < GATE_NCHECKS; c++)
        if (v->checks[c].regression)
            write_reason(f, &v->checks[c], c, l);
    fprintf(f, "verdict: %s\n", v->regression ? "REGRESSION" : "PASS");
    return ferror(f) ? -1 : 0;
}
