/* test_group.c — --group-names: keys, exact sums, approximate percentiles. */
#include "aztest.h"
#include <stdlib.h>
#include <string.h>
#include "group.h"
#include "synth.h"

static void key_is(const char *name, const char *want)
{
    char *k = group_key(name);
    assert_non_null(k);
    assert_string_equal(k, want);
    free(k);
}

static void test_keys(void **state)
{
    (void)state;
    key_is("/api/v1/logs?limit=100&offset=159", "/api/v1/logs?limit=*&offset=*");
    key_is("/api/v1/logs?limit=100&offset=250", "/api/v1/logs?limit=*&offset=*");
    key_is("/api/v1/logs", "/api/v1/logs");
    key_is("/x?flag&a=", "/x?flag&a=*");
    key_is("/x?a=&b=&c=", "/x?a=*&b=*&c=*");
    key_is("/x?", "/x?");
    /* different parameter names stay apart */
    key_is("/api/v1/logs?limit=100&search=ssh", "/api/v1/logs?limit=*&search=*");
}

static void test_fold(void **state)
{
    (void)state;
    lc_row rows[] = {
        synth_row("GET", "/logs?limit=100&offset=1", 10, 1, 100, 200, 300, 110, 1.0),
        synth_row("GET", "/logs?limit=100&offset=2", 30, 0, 200, 400, 500, 210, 2.0),
        synth_row("POST", "/logs?limit=100&offset=3", 5, 0, 50, 60, 70, 55, 0.5),
        synth_row("GET", "/health", 7, 0, 2, 3, 4, 2.5, 0.7),
        synth_row("", "Aggregated", 52, 1, 150, 380, 490, 170.96, 4.2),
    };
    rows[0].min = 3; rows[0].max = 900;
    rows[1].min = 1; rows[1].max = 800;
    lc_table t = synth_table("g.csv", rows, 5, 4);
    model_profile p;
    lb_err err = { "" };
    assert_int_equal(model_from_table(&p, &t, &err), 0);
    assert_int_equal(group_profile(&p, &err), 0);
    assert_int_equal(p.neps, 3);
    /* sorted by (name, method): /health, then the GET group, then lone POST (own name) */
    assert_string_equal(p.eps[0].name, "/health");
    assert_false(p.eps[0].m.approx_pct);
    const model_endpoint *g = &p.eps[1];
    assert_string_equal(g->method, "GET");
    assert_string_equal(g->name, "/logs?limit=*&offset=*");
    assert_int_equal(g->members, 2);
    assert_int_equal(g->m.requests, 40);
    assert_int_equal(g->m.fails, 1);
    assert_double_equal(g->m.avg, (10 * 110.0 + 30 * 210.0) / 40.0, 1e-9);   /* exact */
    assert_double_equal(g->min, 1, 0);
    assert_double_equal(g->max, 900, 0);
    assert_double_equal(g->m.rps, 3.0, 1e-12);
    assert_true(g->m.approx_pct);
    assert_double_equal(g->m.p95, (10 * 200.0 + 30 * 400.0) / 40.0, 1e-9);
    assert_string_equal(p.eps[2].name, "/logs?limit=100&offset=3");
    assert_string_equal(p.eps[2].method, "POST");
    assert_false(p.eps[2].m.approx_pct);
    /* the Aggregated row is untouched */
    assert_int_equal(p.head.requests, 52);
    assert_false(p.head.approx_pct);
    model_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_fold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
