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
    lb_err err = {0};
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
    /* estimated, but ordered and inside the members' range */
    assert_true(g->m.p50 >= 100 && g->m.p50 <= 200);
    assert_true(g->m.p95 >= 200 && g->m.p95 <= 900);
    assert_true(g->m.p50 <= g->m.p95 && g->m.p95 <= g->m.p99);
    assert_string_equal(p.eps[2].name, "/logs?limit=100&offset=3");
    assert_string_equal(p.eps[2].method, "POST");
    assert_false(p.eps[2].m.approx_pct);
    /* the Aggregated row is untouched */
    assert_int_equal(p.head.requests, 52);
    assert_false(p.head.approx_pct);
    model_free(&p);
}

/* Members with one request each are point masses: the mixture's quantiles
 * are then the exact order statistics of the folded row. */
static void test_fold_singletons(void **state)
{
    (void)state;
    lc_row rows[] = {
        synth_row("GET", "/l?o=1", 1, 0, 100, 100, 100, 100, 0),
        synth_row("GET", "/l?o=2", 1, 0, 300, 300, 300, 300, 0),
        synth_row("GET", "/l?o=3", 1, 0, 200, 200, 200, 200, 0),
        synth_row("", "Aggregated", 3, 0, 200, 300, 300, 200, 0),
    };
    for (int i = 0; i < 3; i++)
        rows[i].min = rows[i].max = rows[i].median;
    lc_table t = synth_table("s.csv", rows, 4, 3);
    model_profile p;
    assert_int_equal(model_from_table(&p, &t, NULL), 0);
    assert_int_equal(group_profile(&p, NULL), 0);
    assert_int_equal(p.neps, 1);
    assert_string_equal(p.eps[0].name, "/l?o=*");
    assert_double_equal(p.eps[0].m.p50, 200, 1e-6);
    assert_double_equal(p.eps[0].m.p95, 300, 1e-6);
    assert_double_equal(p.eps[0].m.p99, 300, 1e-6);
    assert_double_equal(p.eps[0].m.avg, 200, 1e-9);
    assert_true(p.eps[0].m.approx_pct);
    model_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_singletons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
