/* test_gate.c — the gate's thresholds at their boundaries, failures, significance. */
#include "aztest.h"
#include <stdio.h>
#include <string.h>
#include "gate.h"

static model_metrics head(double rps, double p95, double p99, uint64_t req, uint64_t fails)
{
    model_metrics m;
    memset(&m, 0, sizeof m);
    m.rps = rps;
    m.has_rps = true;
    m.p95 = p95;
    m.has_p95 = true;
    m.p99 = p99;
    m.has_p99 = true;
    m.p50 = p95 / 2;
    m.requests = req;
    m.fails = fails;
    return m;
}

static gate_verdict judge1(model_metrics b, model_metrics c, const gate_limits *l)
{
    gate_run rb = { "b", &b, NULL, false, NULL }, rc = { "c", &c, NULL, false, NULL };
    gate_verdict v;
    assert_int_equal(gate_evaluate(&rb, 1, &rc, 1, l, &v, NULL), 0);
    assert_int_equal(v.samples, GATE_SAMPLES_NONE);
    return v;
}

static void test_defaults(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    assert_double_equal(l.max_rps_drop, 10, 0);
    assert_double_equal(l.max_p95_rise, 20, 0);
    assert_double_equal(l.max_p99_rise, 30, 0);
    assert_double_equal(l.max_fail_ratio, 0.01, 0);
    assert_double_equal(l.alpha, 0.05, 0);
    assert_false(l.allow_new_failures);
}

static void test_rps_boundary(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    gate_verdict v = judge1(head(1000, 100, 100, 1000, 0), head(900, 100, 100, 1000, 0), &l);
    assert_double_equal(v.checks[GATE_RPS].change_pct, -10.0, 1e-9);
    assert_false(v.checks[GATE_RPS].crossed);          /* exactly at the limit: pass */
    assert_false(v.regression);
    v = judge1(head(1000, 100, 100, 1000, 0), head(899.9, 100, 100, 1000, 0), &l);
    assert_true(v.checks[GATE_RPS].crossed);
    assert_true(v.checks[GATE_RPS].regression);        /* no samples: the limit decides */
    assert_true(v.regression);
    /* a rise in RPS is never a regression */
    v = judge1(head(1000, 100, 100, 1000, 0), head(5000, 100, 100, 1000, 0), &l);
    assert_false(v.regression);
}

static void test_latency_boundaries(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    gate_verdict v = judge1(head(10, 100, 100, 10, 0), head(10, 120, 130, 10, 0), &l);
    assert_false(v.checks[GATE_P95].crossed);
    assert_false(v.checks[GATE_P99].crossed);
    assert_false(v.regression);
    v = judge1(head(10, 100, 100, 10, 0), head(10, 120.01, 130, 10, 0), &l);
    assert_true(v.checks[GATE_P95].regression);
    assert_false(v.checks[GATE_P99].regression);
    v = judge1(head(10, 100, 100, 10, 0), head(10, 100, 130.01, 10, 0), &l);
    assert_false(v.checks[GATE_P95].regression);
    assert_true(v.checks[GATE_P99].regression);
    /* latency drops never fail */
    v = judge1(head(10, 100, 100, 10, 0), head(10, 1, 1, 10, 0), &l);
    assert_false(v.regression);
    /* custom limits */
    l.max_p95_rise = 50;
    v = judge1(head(10, 100, 100, 10, 0), head(10, 150, 100, 10, 0), &l);
    assert_false(v.regression);
}

static void test_failures(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    /* 1 of 100 = exactly 1%: the ratio passes, but the baseline had none */
    gate_verdict v = judge1(head(10, 1, 1, 100, 0), head(10, 1, 1, 100, 1), &l);
    assert_false(v.checks[GATE_FAIL_RATIO].crossed);
    assert_true(v.checks[GATE_NEW_FAILS].regression);
    assert_true(v.regression);
    l.allow_new_failures = true;
    v = judge1(head(10, 1, 1, 100, 0), head(10, 1, 1, 100, 1), &l);
    assert_true(v.checks[GATE_NEW_FAILS].crossed);
    assert_false(v.checks[GATE_NEW_FAILS].regression);
    assert_false(v.regression);
    /* 2 of 100 crosses 1% even when the baseline failed too */
    v = judge1(head(10, 1, 1, 100, 5), head(10, 1, 1, 100, 2), &l);
    assert_true(v.checks[GATE_FAIL_RATIO].regression);
    assert_false(v.checks[GATE_NEW_FAILS].crossed);
    assert_double_equal(v.checks[GATE_FAIL_RATIO].cand, 0.02, 1e-12);
}

static run_history series(run_point *pts, const double *rps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        memset(&pts[i], 0, sizeof pts[i]);
        pts[i].t = 1000 + (int64_t)i;
        pts[i].requests = 100 * (i + 1);
        pts[i].rps = rps[i];
        pts[i].p95 = 100;
        pts[i].has_p95 = true;
        pts[i].p99 = 100;
        pts[i].has_p99 = true;
    }
    return (run_history){ pts, n, n };
}

static void test_windows(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    run_point pb[8], pc[8];
    const double low[8] = { 80, 82, 79, 81, 83, 80, 78, 82 };
    const double high[8] = { 100, 101, 99, 102, 98, 100, 103, 97 };
    run_history hb = series(pb, high, 8), hc = series(pc, low, 8);
    model_metrics b = head(100, 100, 100, 800, 0), c = head(80, 100, 100, 640, 0);
    gate_run rb = { "b", &b, &hb, false, NULL }, rc = { "c", &c, &hc, false, NULL };
    gate_verdict v;
    assert_int_equal(gate_evaluate(&rb, 1, &rc, 1, &l, &v, NULL), 0);
    assert_int_equal(v.samples, GATE_SAMPLES_WINDOWS);
    assert_non_null(v.caveat);                         /* windows: optimistic p-values */
    assert_non_null(strstr(v.caveat, "autocorrelated"));
    assert_true(v.checks[GATE_RPS].tested);
    assert_int_equal(v.checks[GATE_RPS].nb, 8);
    assert_true(v.checks[GATE_RPS].p < 0.05);
    assert_true(v.checks[GATE_RPS].regression);
    /* the same 20% drop in the point estimate, but windows that overlap
     * completely: crossed, not significant, so the gate passes */
    hc = series(pc, high, 8);
    assert_int_equal(gate_evaluate(&rb, 1, &rc, 1, &l, &v, NULL), 0);
    assert_true(v.checks[GATE_RPS].crossed);
    assert_true(v.checks[GATE_RPS].tested);
    assert_double_equal(v.checks[GATE_RPS].p, 1.0, 1e-12);
    assert_false(v.checks[GATE_RPS].regression);
    assert_false(v.regression);
    char out[4096] = "";
    FILE *f = fmemopen(out, sizeof out, "w");
    gate_write(f, &v, &l, &rb, 1, &rc, 1);
    fclose(f);
    assert_non_null(strstr(out, "not significant"));
    assert_non_null(strstr(out, "1 (n=8/8) *"));      /* the p-value points at the caveat */
    assert_non_null(strstr(out, "* CAVEAT: p-values are optimistic"));
    assert_non_null(strstr(out, "verdict: PASS"));
}

/* Several runs per side: the runs are the samples even when every run has a
 * history, because per-second windows are not independent. */
static void test_runs_preferred_over_windows(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    run_point pts[5][8];
    const double flat[8] = { 100, 100, 100, 100, 100, 100, 100, 100 };
    run_history h[5];
    model_metrics b[5], c[5];
    gate_run rb[5], rc[5];
    for (int i = 0; i < 5; i++) {
        h[i] = series(pts[i], flat, 8);
        b[i] = head(100 + i, 100, 100, 800, 0);
        c[i] = head(100 + i, 100, 100, 800, 0);
        rb[i] = (gate_run){ "b", &b[i], &h[i], false, NULL };
        rc[i] = (gate_run){ "c", &c[i], &h[i], false, NULL };
    }
    gate_verdict v;
    assert_int_equal(gate_evaluate(rb, 5, rc, 5, &l, &v, NULL), 0);
    assert_int_equal(v.samples, GATE_SAMPLES_RUNS);
    assert_null(v.caveat);
    assert_int_equal(v.checks[GATE_RPS].nb, 5);        /* runs, not 40 windows */
    assert_false(v.regression);
    gate_verdict_free(&v);
}

static void test_runs(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    model_metrics b[5], c[5];
    gate_run rb[5], rc[5];
    for (int i = 0; i < 5; i++) {
        b[i] = head(100 + i, 100, 100, 1000, 0);
        c[i] = head(50 + i, 100, 100, 1000, 0);
        rb[i] = (gate_run){ "b", &b[i], NULL, false, NULL };
        rc[i] = (gate_run){ "c", &c[i], NULL, i == 0, NULL };
    }
    gate_verdict v;
    /* two runs per side: a U test cannot reach p < 0.05 (smallest p ~0.25) */
    assert_int_equal(gate_evaluate(rb, 2, rc, 2, &l, &v, NULL), 0);
    assert_int_equal(v.samples, GATE_SAMPLES_RUNS);
    assert_true(v.checks[GATE_RPS].crossed);
    assert_false(v.checks[GATE_RPS].regression);
    assert_non_null(v.caveat);                         /* says the test cannot fail */
    assert_non_null(strstr(v.caveat, "too few runs"));
    assert_double_equal(v.checks[GATE_RPS].base, 100.5, 1e-12);   /* median of runs */
    /* five runs per side, fully separated: p = 0.0122 (see test_mwu.c) */
    assert_int_equal(gate_evaluate(rb, 5, rc, 5, &l, &v, NULL), 0);
    assert_null(v.caveat);
    assert_double_equal(v.checks[GATE_RPS].p, 0.012185780355344818, 1e-12);
    assert_true(v.checks[GATE_RPS].regression);
    char out[4096] = "";
    FILE *f = fmemopen(out, sizeof out, "w");
    gate_write(f, &v, &l, rb, 5, rc, 5);
    fclose(f);
    assert_non_null(strstr(out, "FAIL rps: dropped 49.02% (limit 10%), significant (p=0.01219 < alpha 0.05)"));
    assert_non_null(strstr(out, "saturated"));
    assert_non_null(strstr(out, "verdict: REGRESSION"));
    assert_int_equal(gate_evaluate(rb, 0, rc, 5, &l, &v, NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_rps_boundary),
        cmocka_unit_test(test_latency_boundaries),
        cmocka_unit_test(test_failures),
        cmocka_unit_test(test_windows),
        cmocka_unit_test(test_runs),
        cmocka_unit_test(test_runs_preferred_over_windows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
