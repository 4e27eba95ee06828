/* gate.c — thresholds, point estimates and significance for the regression gate. */
#include "gate.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "mwu.h"

/* Floating-point slack so a change exactly at its threshold passes even when
 * the division rounds a hair past it (-100/1000*100 may print -10). */
#define GATE_EPS 1e-9

static const char *const metric_names[GATE_NCHECKS] = {
    "rps", "p95_ms", "p99_ms", "fail_ratio", "new_fails"
};

void gate_limits_default(gate_limits *l)
{
    memset(l, 0, sizeof *l);
    l->max_rps_drop = 10.0;
    l->max_p95_rise = 20.0;
    l->max_p99_rise = 30.0;
    l->max_fail_ratio = 0.01;
    l->alpha = 0.05;
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

/* Which row of a run a check reads: the Aggregated row (method NULL) or
 * one endpoint. */
typedef struct gate_sel {
    const char *method, *name;
} gate_sel;

static const model_metrics *run_row(const gate_run *r, const gate_sel *sel)
{
    if (!sel->name)
        return r->head;
    for (size_t i = 0; r->prof && i < r->prof->neps; i++) {
        const model_endpoint *e = &r->prof->eps[i];
        if (!strcmp(e->name, sel->name) && !strcmp(e->method, sel->method))
            return e->m.requests ? &e->m : NULL;   /* no requests: no latency */
    }
    return NULL;
}

static bool metrics_value(const model_metrics *m, int c, double *out)
{
    switch (c) {
    case GATE_RPS: *out = m->rps; return m->has_rps;
    case GATE_P95: *out = m->p95; return m->has_p95;
    default:       *out = m->p99; return m->has_p99;
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

/* The values of check c over one side: one per run, or per history window
 * (Aggregated only). */
static double *collect(const gate_run *runs, size_t n, const gate_sel *sel, int c,
                       bool windows, size_t *count)
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
            const model_metrics *m = run_row(&runs[i], sel);
            if (m && metrics_value(m, c, &v[*count]))
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
 * of rps/p95/p99 of the row sel picks. */
static int check_metric(gate_check *ck, int c, const gate_sel *sel, double limit,
                        const gate_run *base, size_t nb, const gate_run *cand, size_t nc,
                        gate_samples samples, double alpha)
{
    ck->metric = metric_names[c];
    ck->kind = c;
    ck->limit = limit;
    size_t kb, kc;
    double *vb = collect(base, nb, sel, c, false, &kb);
    double *vc = collect(cand, nc, sel, c, false, &kc);
    if (!vb || !vc)
        goto oom;
    if (kb && kc) {
        ck->base = median(vb, kb);
        ck->cand = median(vc, kc);
        ck->change_pct = compare_delta_pct(ck->base, ck->cand, &ck->has_change);
    }
    if (ck->has_change)
        ck->crossed = c == GATE_RPS ? ck->change_pct < -limit - GATE_EPS
                                    : ck->change_pct > limit + GATE_EPS;
    /* per-second windows exist for the Aggregated row only */
    if (samples == GATE_SAMPLES_WINDOWS && sel->name)
        samples = GATE_SAMPLES_NONE;
    if (samples == GATE_SAMPLES_WINDOWS) {
        free(vb);
        free(vc);
        vb = collect(base, nb, sel, c, true, &kb);
        vc = collect(cand, nc, sel, c, true, &kc);
        if (!vb || !vc)
            goto oom;
    }
    mwu_result mr;
    if (samples != GATE_SAMPLES_NONE && kb && kc && mwu_test(vb, kb, vc, kc, &mr) == 0) {
        ck->tested = true;
        ck->p = mr.p;
        ck->nb = kb;
        ck->nc = kc;
    }
    free(vb);
    free(vc);
    ck->regression = ck->crossed && (!ck->tested || ck->p < alpha);
    return 0;
oom:
    free(vb);
    free(vc);
    return -1;
}

/* The method of rule r: its own, or the one method its name has in the runs.
 * Also checks that each side has the endpoint in some run. */
static int rule_method(const gate_rule *r, const gate_run *base, size_t nb,
                       const gate_run *cand, size_t nc, const char **method, lb_err *err)
{
    *method = r->method;
    bool in_base = false, in_cand = false;
    for (size_t i = 0; i < nb + nc; i++) {
        const gate_run *run = i < nb ? &base[i] : &cand[i - nb];
        for (size_t k = 0; run->prof && k < run->prof->neps; k++) {
            const model_endpoint *e = &run->prof->eps[k];
            if (strcmp(e->name, r->name) || (r->method && strcmp(e->method, r->method)))
                continue;
            if (!*method)
                *method = e->method;
            else if (strcmp(*method, e->method))
                return lb_err_set(err, "endpoint '%s' has several methods (%s, %s): name one, "
                                  "as 'METHOD NAME'", r->name, *method, e->method);
            *(i < nb ? &in_base : &in_cand) = true;
        }
    }
    if (!in_base || !in_cand)
        return lb_err_set(err, "endpoint '%s%s%s' is in no %s run", r->method ? r->method : "",
                          r->method ? " " : "", r->name, in_base ? "candidate" : "baseline");
    return 0;
}

static int check_rules(gate_verdict *out, const gate_run *base, size_t nb,
                       const gate_run *cand, size_t nc, const gate_limits *l, lb_err *err)
{
    if (l->nrules == 0)
        return 0;   /* nothing allocated: a verdict without rules owns no memory */
    out->eps = calloc(l->nrules * 3, sizeof *out->eps);
    if (!out->eps)
        return lb_err_set(err, "out of memory in the gate");
    for (size_t i = 0; i < l->nrules; i++) {
        const gate_rule *r = &l->rules[i];
        gate_sel sel = { NULL, r->name };
        if (rule_method(r, base, nb, cand, nc, &sel.method, err))
            return -1;
        const double lim[3] = { r->max_rps_drop, r->max_p95_rise, r->max_p99_rise };
        size_t len = strlen(sel.method) + strlen(r->name) + 2;
        char *where = NULL;
        for (int c = GATE_RPS; c <= GATE_P99; c++) {
            if (lim[c] < 0)
                continue;
            gate_check *ck = &out->eps[out->neps++];
            if (!where) {   /* the first check of a rule owns the text */
                if (!(where = malloc(len)))
                    return lb_err_set(err, "out of memory in the gate");
                snprintf(where, len, "%s %s", sel.method, r->name);
                ck->endpoint = where;
            }
            ck->endpoint = where;
            if (check_metric(ck, c, &sel, lim[c], base, nb, cand, nc, out->samples, l->alpha))
                return lb_err_set(err, "out of memory in the gate");
        }
    }
    return 0;
}

/* The smallest two-sided p a U test over nb vs nc distinct values can give. */
static double smallest_p(size_t nb, size_t nc)
{
    double x[64], y[64];
    if (nb > 64 || nc > 64)
        return 0.0;
    for (size_t i = 0; i < nb; i++)
        x[i] = (double)i;
    for (size_t i = 0; i < nc; i++)
        y[i] = (double)(nb + i);
    mwu_result r;
    return mwu_test(x, nb, y, nc, &r) ? 0.0 : r.p;
}

int gate_evaluate(const gate_run *base, size_t nb, const gate_run *cand, size_t nc,
                  const gate_limits *l, gate_verdict *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    if (nb == 0 || nc == 0)
        return lb_err_set(err, "the gate needs at least one baseline and one candidate run");
    out->nbase = nb;
    out->ncand = nc;
    if (nb >= 2 && nc >= 2) {
        out->samples = GATE_SAMPLES_RUNS;
        if (smallest_p(nb, nc) >= l->alpha)
            out->caveat = "too few runs: with this many runs per side no change can reach "
                          "p < alpha, so the rps/p95/p99 checks cannot fail (use 5 or more)";
    } else if (all_have_history(base, nb) && all_have_history(cand, nc)) {
        out->samples = GATE_SAMPLES_WINDOWS;
        out->caveat = "p-values are optimistic: per-second windows of one run are "
                      "autocorrelated, not independent samples (and without "
                      "--csv-full-history their percentiles are cumulative); give several "
                      "runs per side, e.g. scripts/compare-commits, for a test that holds";
    }
    for (size_t i = 0; i < nb + nc; i++) {
        const gate_run *r = i < nb ? &base[i] : &cand[i - nb];
        out->nexact += r->prof && r->prof->exact_pct;
    }
    const gate_sel agg = { NULL, NULL };
    const double lim[3] = { l->max_rps_drop, l->max_p95_rise, l->max_p99_rise };
    for (int c = GATE_RPS; c <= GATE_P99; c++)
        if (check_metric(&out->checks[c], c, &agg, lim[c], base, nb, cand, nc,
                         out->samples, l->alpha))
            return lb_err_set(err, "out of memory in the gate");
    if (check_rules(out, base, nb, cand, nc, l, err)) {
        gate_verdict_free(out);
        return -1;
    }

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
    fr->metric = metric_names[GATE_FAIL_RATIO];
    fr->kind = GATE_FAIL_RATIO;
    fr->base = breq > 0 ? bfail / breq : 0.0;
    fr->cand = creq > 0 ? cfail / creq : 0.0;
    fr->limit = l->max_fail_ratio;
    fr->crossed = fr->regression = fr->cand > l->max_fail_ratio + GATE_EPS;
    gate_check *nf = &out->checks[GATE_NEW_FAILS];
    nf->metric = metric_names[GATE_NEW_FAILS];
    nf->kind = GATE_NEW_FAILS;
    nf->base = bfail;
    nf->cand = cfail;
    nf->crossed = bfail == 0 && cfail > 0;
    nf->regression = nf->crossed && !l->allow_new_failures;

    for (int c = 0; c < GATE_NCHECKS; c++)
        out->regression |= out->checks[c].regression;
    for (size_t i = 0; i < out->neps; i++)
        out->regression |= out->eps[i].regression;
    return 0;
}

void gate_verdict_free(gate_verdict *v)
{
    for (size_t i = 0; v->eps && i < v->neps; i++)
        if (i == 0 || v->eps[i].endpoint != v->eps[i - 1].endpoint)
            free((char *)v->eps[i].endpoint);
    free(v->eps);
    v->eps = NULL;
    v->neps = 0;
}

const char *gate_check_where(const gate_check *ck)
{
    return ck->endpoint ? ck->endpoint : "Aggregated";
}

const char *gate_check_verdict(const gate_check *ck)
{
    if (ck->regression)
        return "REGRESSION";
    if (ck->crossed)
        return ck->kind == GATE_NEW_FAILS ? "allowed" : "not significant";
    return "ok";
}

const char *gate_samples_text(gate_samples s)
{
    switch (s) {
    case GATE_SAMPLES_RUNS:    return "Mann-Whitney U over the runs";
    case GATE_SAMPLES_WINDOWS: return "Mann-Whitney U over per-second history windows";
    default:                   return "none (one run on a side and no history: "
                                      "thresholds alone decide)";
    }
}
