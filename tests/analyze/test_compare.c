/* test_compare.c — delta signs, zero baselines, endpoint merge of two runs. */
#include "aztest.h"
#include <string.h>
#include "compare.h"
#include "synth.h"

static void test_delta_signs(void **state)
{
    (void)state;
    bool def;
    /* the story's tracing tax: requests +19%, p50 -51%, RPS +13% */
    assert_double_equal(compare_delta_pct(232648, 277214, &def), 19.1559, 1e-3);
    assert_true(def);
    double d = compare_delta_pct(690, 340, &def);
    assert_true(d < 0);
    assert_double_equal(d, -50.7246, 1e-3);
    assert_double_equal(compare_delta_pct(880.4, 992.7, &def), 12.7556, 1e-3);
    assert_double_equal(compare_delta_pct(100, 100, &def), 0.0, 0);
    assert_true(def);
    assert_double_equal(compare_delta_pct(0, 0, &def), 0.0, 0);
    assert_true(def);
    compare_delta_pct(0, 5, &def);
    assert_false(def);
    assert_double_equal(compare_delta_pct(-10, -5, &def), -50.0, 1e-12);
}

static const compare_row *row(const compare_result *r, const char *metric)
{
    for (size_t i = 0; i < r->nrows; i++)
        if (!strcmp(r->rows[i].metric, metric))
            return &r->rows[i];
    fail_msg("no row %s", metric);
    return NULL;
}

static void test_build(void **state)
{
    (void)state;
    lc_row ra[] = {
        synth_row("GET", "/a", 100, 0, 10, 20, 30, 12, 5),
        synth_row("GET", "/only-a", 5, 0, 1, 2, 3, 1.5, 0.1),
        synth_row("", "Aggregated", 105, 0, 10, 20, 30, 11.5, 5.1),
    };
    lc_row rb[] = {
        synth_row("GET", "/a", 80, 4, 15, 20, 60, 18, 4),
        synth_row("POST", "/only-b", 7, 0, 3, 4, 5, 3.5, 0),
        synth_row("", "Aggregated", 87, 4, 15, 20, 60, 16.4, 4.0),
    };
    lc_table ta = synth_table("a.csv", ra, 3, 2), tb = synth_table("b.csv", rb, 3, 2);
    model_profile a, b;
    assert_int_equal(model_from_table(&a, &ta, NULL), 0);
    assert_int_equal(model_from_table(&b, &tb, NULL), 0);
    compare_result r;
    assert_int_equal(compare_build(&a, &b, &r, NULL), 0);
    assert_int_equal(r.nhead, MODEL_NMETRICS);
    assert_int_equal(r.nrows, MODEL_NMETRICS * 4);   /* headline + /a, /only-a, /only-b */
    for (int m = 0; m < MODEL_NMETRICS; m++)
        assert_string_equal(r.rows[m].metric, model_metric_names[m]);
    const compare_row *x = row(&r, "requests");
    assert_double_equal(x->delta_pct, (87.0 - 105.0) / 105.0 * 100.0, 1e-12);
    assert_true(x->delta_pct < 0);
    x = row(&r, "fails");
    assert_false(x->has_delta);                    /* 0 -> 4: no percent */
    x = row(&r, "p95_ms");
    assert_true(x->has_delta);
    assert_double_equal(x->delta_pct, 0.0, 0);
    x = row(&r, "p99_ms");
    assert_double_equal(x->delta_pct, 100.0, 1e-12);
    x = row(&r, "GET /a:avg_ms");
    assert_double_equal(x->delta_pct, 50.0, 1e-12);
    x = row(&r, "GET /only-a:requests");
    assert_true(x->has_a);
    assert_false(x->has_b);
    assert_false(x->has_delta);
    x = row(&r, "POST /only-b:rps");
    assert_false(x->has_a);
    assert_true(x->has_b);
    /* endpoint rows in (name, method) order: /a, /only-a, /only-b */
    assert_string_equal(r.rows[MODEL_NMETRICS].metric, "GET /a:requests");
    assert_string_equal(r.rows[3 * MODEL_NMETRICS].metric, "POST /only-b:requests");
    compare_free(&r);
    model_free(&a);
    model_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_delta_signs),
        cmocka_unit_test(test_build),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
