/* test_gate_out.c — per-endpoint rules (parsing and checks), the JSON and JUnit
 * verdicts, and exact percentiles from PREFIX_hdr.csv. */
#include "aztest.h"
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "gate.h"
#include "gate_rules.h"
#include "hdrfile.h"

static model_metrics metrics(double rps, double p95, uint64_t req)
{
    model_metrics m;
    memset(&m, 0, sizeof m);
    m.rps = rps;
    m.has_rps = true;
    m.p95 = m.p99 = p95;
    m.has_p95 = m.has_p99 = true;
    m.requests = req;
    return m;
}

/* A profile with two endpoints: GET /a (latency a95) and GET /b (b95). */
typedef struct prof2 {
    model_profile p;
    model_endpoint eps[2];
} prof2;

static void make_prof(prof2 *x, double a95, double b95)
{
    memset(x, 0, sizeof *x);
    x->eps[0] = (model_endpoint){ .method = "GET", .name = "/a", .m = metrics(50, a95, 500) };
    x->eps[1] = (model_endpoint){ .method = "GET", .name = "/b", .m = metrics(50, b95, 500) };
    x->p.head = metrics(100, (a95 + b95) / 2, 1000);
    x->p.eps = x->eps;
    x->p.neps = 2;
}

static void test_rules_parse(void **state)
{
    (void)state;
    gate_limits l;
    gate_limits_default(&l);
    gate_rules rs = { NULL, 0, 0 };
    lb_err err = {0};
    assert_int_equal(gate_rules_add(&rs, &l, "/api/v1/logs:max-p95-rise=25,max-rps-drop=15", &err), 0);
    assert_null(rs.v[0].method);
    assert_string_equal(rs.v[0].name, "/api/v1/logs");
    assert_double_equal(rs.v[0].max_p95_rise, 25, 0);
    assert_double_equal(rs.v[0].max_rps_drop, 15, 0);
    assert_true(rs.v[0].max_p99_rise < 0);               /* not checked */
    assert_int_equal(gate_rules_add(&rs, &l, "POST /x?a=1:b:max-p99-rise=5", &err), 0);
    assert_string_equal(rs.v[1].method, "POST");
    assert_string_equal(rs.v[1].name, "/x?a=1:b");      /* the last ':' splits */
    assert_int_equal(gate_rules_add(&rs, &l, "Aggregated:max-p95-rise=40,max-fail-ratio=0.5", &err), 0);
    assert_int_equal(rs.n, 2);                           /* headline limits, not a rule */
    assert_double_equal(l.max_p95_rise, 40, 0);
    assert_double_equal(l.max_fail_ratio, 0.5, 0);
    const char *bad[] = { "/a", ":max-p95-rise=1", "/a:", "/a:max-p95-rise", "/a:max-p50-rise=3",
                          "/a:max-p95-rise=-1", "/a:max-p95-rise=x", "/a:max-fail-ratio=0.1",
                          "Aggregated:max-fail-ratio=2", "GET :max-p95-rise=1" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.msg[0] = '\0';
        assert_int_equal(gate_rules_add(&rs, &l, bad[i], &err), -1);
        assert_true(err.msg[0] != '\0');
    }
    assert_int_equal(rs.n, 2);
    char path[] = "/tmp/az_rules_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# limits\n\n  /c:max-p95-rise=10  \r\n/d:max-rps-drop=nope\n", f);
    fclose(f);
    assert_int_equal(gate_rules_read(&rs, &l, path, &err), -1);
    assert_non_null(strstr(err.msg, ":4: max-rps-drop: 'nope'"));
    assert_int_equal(rs.n, 3);
    assert_string_equal(rs.v[2].name, "/c");
    remove(path);
    gate_rules_free(&rs);
}

static void judge(const prof2 *b, const prof2 *c, size_t n, const gate_limits *l,
                  gate_verdict *v, int want_rc)
{
    gate_run rb[5], rc[5];
    for (size_t i = 0; i < n; i++) {
        rb[i] = (gate_run){ "b", &b[i].p.head, NULL, false, &b[i].p };
        rc[i] = (gate_run){ "c", &c[i].p.head, NULL, false, &c[i].p };
    }
    lb_err err = {0};
    assert_int_equal(gate_evaluate(rb, n, rc, n, l, v, &err), want_rc);
}

static void test_endpoint_checks(void **state)
{
    (void)state;
    prof2 b[5], c[5];
    for (int i = 0; i < 5; i++) {
        make_prof(&b[i], 10 + i * 0.1, 10 + i * 0.1);
        make_prof(&c[i], 10 + i * 0.1, 15 + i * 0.1);  /* /b +50 %, all runs apart */
    }
    gate_limits l;
    gate_limits_default(&l);
    l.max_p95_rise = 1000;     /* the headline must not decide */
    l.max_p99_rise = 1000;
    gate_rule rules[2] = { { NULL, "/a", -1, 20, -1 }, { "GET", "/b", -1, 20, -1 } };
    l.rules = rules;
    l.nrules = 2;
    gate_verdict v;
    judge(b, c, 5, &l, &v, 0);
    assert_int_equal(v.neps, 2);
    assert_string_equal(v.eps[0].endpoint, "GET /a");
    assert_false(v.eps[0].regression);
    assert_string_equal(v.eps[1].endpoint, "GET /b");
    assert_string_equal(v.eps[1].metric, "p95_ms");
    assert_double_equal(v.eps[1].change_pct, (15.2 / 10.2 - 1) * 100, 1e-9);  /* medians */
    assert_true(v.eps[1].tested);
    assert_true(v.eps[1].p < 0.05);
    assert_true(v.eps[1].regression);
    assert_true(v.regression);
    gate_verdict_free(&v);
    /* a looser limit on /b passes */
    rules[1].max_p95_rise = 60;
    judge(b, c, 5, &l, &v, 0);
    assert_false(v.regression);
    gate_verdict_free(&v);
    /* an endpoint in no run is bad input, not a pass */
    gate_rule missing = { NULL, "/zzz", 10, -1, -1 };
    l.rules = &missing;
    l.nrules = 1;
    judge(b, c, 5, &l, &v, -1);
}

static char *capture(int (*fn)(FILE *, const gate_verdict *, const gate_limits *,
                               const gate_run *, size_t, const gate_run *, size_t),
                     const gate_verdict *v, const gate_limits *l, const gate_run *rb,
                     const gate_run *rc, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(fn(f, v, l, rb, n, rc, n), 0);
    fclose(f);
    return buf;
}

static void test_json_and_junit(void **state)
{
    (void)state;
    prof2 b[5], c[5];
    gate_run rb[5], rc[5];
    for (int i = 0; i < 5; i++) {
        make_prof(&b[i], 10 + i * 0.1, 10);
        make_prof(&c[i], 10 + i * 0.1, 30 + i);  /* /b and the headline p95 rise */
        b[i].p.exact_pct = c[i].p.exact_pct = true;
        rb[i] = (gate_run){ "base<1>", &b[i].p.head, NULL, false, &b[i].p };
        rc[i] = (gate_run){ "cand&1", &c[i].p.head, NULL, i == 0, &c[i].p };
    }
    gate_limits l;
    gate_limits_default(&l);
    gate_rule rule = { NULL, "/b", -1, 20, -1 };
    l.rules = &rule;
    l.nrules = 1;
    gate_verdict v;
    assert_int_equal(gate_evaluate(rb, 5, rc, 5, &l, &v, NULL), 0);
    char *js = capture(gate_write_json, &v, &l, rb, rc, 5);
    json_error_t je;
    json_t *o = json_loads(js, 0, &je);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "verdict")), "REGRESSION");
    assert_string_equal(json_string_value(json_object_get(o, "samples")), "runs");
    assert_true(json_is_null(json_object_get(o, "caveat")));
    assert_string_equal(json_string_value(json_object_get(o, "percentiles")),
                        "exact (us, from _hdr.csv)");
    assert_string_equal(json_string_value(json_object_get(
        json_array_get(json_object_get(o, "baseline_runs"), 0), "path")), "base<1>");
    json_t *checks = json_object_get(o, "checks");
    assert_int_equal(json_array_size(checks), GATE_NCHECKS + 1);
    json_t *p95 = json_array_get(checks, GATE_P95), *ep = json_array_get(checks, GATE_NCHECKS);
    assert_string_equal(json_string_value(json_object_get(p95, "endpoint")), "Aggregated");
    assert_string_equal(json_string_value(json_object_get(p95, "verdict")), "REGRESSION");
    assert_double_equal(json_real_value(json_object_get(p95, "p_value")), 0.012185780355344818, 1e-9);
    assert_int_equal(json_integer_value(json_object_get(p95, "n_baseline")), 5);
    assert_string_equal(json_string_value(json_object_get(ep, "endpoint")), "GET /b");
    assert_true(json_is_true(json_object_get(ep, "regression")));
    json_t *nf = json_array_get(checks, GATE_NEW_FAILS);
    assert_true(json_is_null(json_object_get(nf, "p_value")));
    json_decref(o);
    free(js);

    char *x = capture(gate_write_junit, &v, &l, rb, rc, 5);
    assert_non_null(strstr(x, "<testsuites name=\"analyze gate\" tests=\"6\" failures=\"3\">"));
    assert_non_null(strstr(x, "<testcase classname=\"gate.Aggregated\" name=\"rps\"/>"));
    assert_non_null(strstr(x, "<testcase classname=\"gate.GET /b\" name=\"p95_ms\">"));
    assert_non_null(strstr(x, "<failure message=\"FAIL GET /b p95_ms: rose "));
    assert_non_null(strstr(x, "verdict: REGRESSION\n</system-out>"));
    /* the saturation warning names the run; XML-escaped */
    assert_non_null(strstr(x, "WARNING candidate run cand&amp;1:"));
    assert_null(strstr(x, "cand&1"));
    free(x);
    gate_verdict_free(&v);
}

static void test_hdr(void **state)
{
    (void)state;
    char path[] = "/tmp/az_hdr_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("Type,Name,Request Count,Min (us),Mean (us),50%,66%,75%,80%,90%,95%,98%,99%,"
          "99.9%,99.99%,100%,Max (us)\r\n"
          "GET,/a,10,100,450.5,412,500,500,500,600,731,800,905,950,950,950,950\r\n"
          "GET,/gone,3,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n"
          ",Aggregated,20,100,450.5,377,500,500,500,600,1250,1300,1400,1500,1500,1500,1500\r\n", f);
    fclose(f);
    prof2 x;
    make_prof(&x, 1, 1);
    x.p.head.has_p95 = false;
    lb_err err = {0};
    assert_int_equal(hdrfile_apply(path, &x.p, &err), 0);
    assert_true(x.p.exact_pct);
    assert_double_equal(x.eps[0].m.p50, 0.412, 1e-12);
    assert_double_equal(x.eps[0].m.p95, 0.731, 1e-12);
    assert_double_equal(x.eps[0].m.p99, 0.905, 1e-12);
    assert_double_equal(x.eps[1].m.p95, 1, 0);          /* not in the file: unchanged */
    assert_double_equal(x.p.head.p95, 1.25, 1e-12);
    assert_true(x.p.head.has_p95);
    /* bad input names file:line:column */
    f = fopen(path, "w");
    fputs("Type,Name,Request Count,Min (us),Mean (us),50%,66%,75%,80%,90%,95%,98%,99%,"
          "99.9%,99.99%,100%,Max (us)\nGET,/a,10,1,1,1,1,1,1,1,-5,1,1,1,1,1,1\n", f);
    fclose(f);
    assert_int_equal(hdrfile_apply(path, &x.p, &err), -1);
    assert_non_null(strstr(err.msg, ":2:11: 95% '-5' is not a whole number"));
    f = fopen(path, "w");
    fputs("Type,Name,Request Count\n", f);
    fclose(f);
    assert_int_equal(hdrfile_apply(path, &x.p, &err), -1);
    assert_non_null(strstr(err.msg, ":1: unknown header"));
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_parse),
        cmocka_unit_test(test_endpoint_checks),
        cmocka_unit_test(test_json_and_junit),
        cmocka_unit_test(test_hdr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
