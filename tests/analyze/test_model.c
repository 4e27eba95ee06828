/* test_model.c — headline metrics, endpoint order, truncation and time share. */
#include "aztest.h"
#include <string.h>
#include "model.h"
#include "synth.h"

static void test_headline_from_aggregated(void **state)
{
    (void)state;
    lc_row rows[] = {
        synth_row("POST", "/login", 10, 1, 300, 500, 900, 310.5, 1.5),
        synth_row("GET", "/a", 90, 0, 100, 200, 250, 120.25, 9.5),
        synth_row("", "Aggregated", 100, 1, 110, 480, 880, 139.27, 11.0),
    };
    lc_table t = synth_table("dir/profile_x.csv", rows, 3, 2);
    model_profile p;
    lb_err err = {0};
    assert_int_equal(model_from_table(&p, &t, &err), 0);
    assert_string_equal(p.name, "profile_x");
    assert_int_equal(p.head.requests, 100);
    assert_int_equal(p.head.fails, 1);
    assert_double_equal(p.head.p50, 110, 0);
    assert_double_equal(p.head.p95, 480, 0);
    assert_double_equal(p.head.p99, 880, 0);
    assert_double_equal(p.head.avg, 139.27, 0);
    assert_double_equal(p.head.rps, 11.0, 0);
    assert_int_equal(p.neps, 2);
    /* sorted by (name, method): "/a" before "/login" */
    assert_string_equal(p.eps[0].name, "/a");
    assert_string_equal(p.eps[1].method, "POST");
    assert_false(model_truncated(&p));
    bool has;
    assert_double_equal(model_metric(&p.head, MODEL_P95, &has), 480, 0);
    assert_true(has);
    assert_string_equal(model_metric_names[MODEL_AVG], "avg_ms");
    /* /login: 10 * 310.5 / (100 * 139.27) */
    assert_double_equal(model_time_share(&p, &p.eps[1]), 3105.0 / 13927.0 * 100.0, 1e-9);
    model_free(&p);
    assert_null(p.eps);
}

static void test_truncated_and_missing_pct(void **state)
{
    (void)state;
    lc_row rows[] = {
        synth_row("GET", "/a", 40, 0, 100, 200, 250, 120, 9.5),
        synth_row("", "Aggregated", 100, 0, 110, 480, 880, 139, 11.0),
    };
    rows[1].has_pct[5] = false;   /* N/A */
    rows[1].has_rps = false;
    lc_table t = synth_table("p.csv", rows, 2, 1);
    model_profile p;
    assert_int_equal(model_from_table(&p, &t, NULL), 0);
    assert_true(model_truncated(&p));
    assert_int_equal(p.listed_requests, 40);
    bool has = true;
    model_metric(&p.head, MODEL_P95, &has);
    assert_false(has);
    model_metric(&p.head, MODEL_RPS, &has);
    assert_false(has);
    model_free(&p);
}

static void test_no_aggregated(void **state)
{
    (void)state;
    lc_row rows[] = { synth_row("GET", "/a", 40, 0, 100, 200, 250, 120, 9.5) };
    rows[0].line = 2;
    lc_table t = synth_table("noagg.csv", rows, 1, -1);
    model_profile p;
    lb_err err = {0};
    assert_int_equal(model_from_table(&p, &t, &err), -1);
    assert_non_null(strstr(err.msg, "noagg.csv:2: file ends without an Aggregated row"));
    t.nrows = 0;
    assert_int_equal(model_from_table(&p, &t, &err), -1);
    assert_non_null(strstr(err.msg, "noagg.csv: no rows at all"));
    t.nrows = 1;
    t.layout = LC_LAYOUT_HISTORY;
    t.aggregated = 0;
    assert_int_equal(model_from_table(&p, &t, &err), -1);
    assert_non_null(strstr(err.msg, "not a statistics table"));
}

static void test_basename(void **state)
{
    (void)state;
    char *b = model_basename("/x/y/profile_1500_fb69a06.csv");
    assert_string_equal(b, "profile_1500_fb69a06");
    free(b);
    b = model_basename("run_stats.tsv");
    assert_string_equal(b, "run_stats.tsv");
    free(b);
    b = model_basename("out/base-1_stats.csv");   /* a run: its PREFIX */
    assert_string_equal(b, "base-1");
    free(b);
    b = model_basename("_stats.csv");             /* nothing left: keep the name */
    assert_string_equal(b, "_stats");
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headline_from_aggregated),
        cmocka_unit_test(test_truncated_and_missing_pct),
        cmocka_unit_test(test_no_aggregated),
        cmocka_unit_test(test_basename),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
