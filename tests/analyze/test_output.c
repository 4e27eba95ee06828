/* test_output.c — table, compare and report renderings of synthetic profiles:
 * the exact CSV the scripts rely on, Markdown grouping, approximate marks,
 * and the report's computed ratio and time shares. */
#include "aztest.h"
#include <stdio.h>
#include <string.h>
#include "compare.h"
#include "group.h"
#include "manifest.h"
#include "report_md.h"
#include "synth.h"
#include "table.h"

static char buf[65536];

static FILE *open_buf(void)
{
    memset(buf, 0, sizeof buf);
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    assert_non_null(f);
    return f;
}

/* Profiles "fast" (1585.1 RPS) and "slow" (46.2 RPS), like 12 workers vs one core. */
static void make(model_profile *fast, model_profile *slow, bool group)
{
    static lc_row rf[3], rs[4];
    rf[0] = synth_row("GET", "/logs?limit=1&offset=1", 1000, 0, 100, 200, 300, 120, 10);
    rf[1] = synth_row("POST", "/login", 200, 0, 300, 900, 1200, 400, 5);
    rf[2] = synth_row("", "Aggregated", 308024, 0, 700, 2700, 4200, 929.88, 1585.1);
    rs[0] = synth_row("GET", "/logs?limit=1&offset=1", 10, 0, 100, 200, 300, 150, 0.1);
    rs[1] = synth_row("GET", "/logs?limit=1&offset=2", 30, 0, 300, 400, 500, 350, 0.3);
    rs[2] = synth_row("POST", "/login", 90, 2, 64000, 121000, 124000, 64480.35, 5.9);
    rs[3] = synth_row("", "Aggregated", 130, 2, 270, 115000, 122000, 44800.5, 46.2);
    lc_table tf = synth_table("d/fast.csv", rf, 3, 2), ts = synth_table("d/slow.csv", rs, 4, 3);
    assert_int_equal(model_from_table(fast, &tf, NULL), 0);
    assert_int_equal(model_from_table(slow, &ts, NULL), 0);
    if (group) {
        assert_int_equal(group_profile(fast, NULL), 0);
        assert_int_equal(group_profile(slow, NULL), 0);
    }
    fast->users = "1500";
    fast->config = "tracing OFF, 12 workers";
}

static void test_table_csv_md(void **state)
{
    (void)state;
    model_profile p[2];
    make(&p[0], &p[1], false);
    FILE *f = open_buf();
    assert_int_equal(table_write(f, p, 2, FMT_CSV), 0);
    fclose(f);
    assert_string_equal(buf,
        "profile,users,config,requests,fails,p50_ms,p95_ms,p99_ms,avg_ms,rps\n"
        "fast,1500,\"tracing OFF, 12 workers\",308024,0,700,2700,4200,929.88,1585.1\n"
        "slow,,,130,2,270,115000,122000,44800.5,46.2\n");
    f = open_buf();
    assert_int_equal(table_write(f, p, 2, FMT_MD), 0);
    fclose(f);
    assert_non_null(strstr(buf, "| `fast` | 1500 | tracing OFF, 12 workers | 308,024 | 0 | 700 | "
                                "2,700 | 4,200 | 929.88 | 1,585.1 |\n"));
    model_free(&p[0]);
    model_free(&p[1]);
}

static void test_compare_csv(void **state)
{
    (void)state;
    model_profile a, b;
    make(&a, &b, true);
    compare_result r;
    assert_int_equal(compare_build(&a, &b, &r, NULL), 0);
    FILE *f = open_buf();
    assert_int_equal(compare_write(f, &a, &b, &r, FMT_CSV, 0), 0);
    fclose(f);
    assert_non_null(strstr(buf, "metric,a,b,delta_pct\nrequests,308024,130,-99.96\n"));
    assert_non_null(strstr(buf, "\nrps,1585.1,46.2,-97.09\n"));
    /* fast has one /logs row (exact), slow two (folded): approximate on one side */
    assert_non_null(strstr(buf, "\nGET /logs?limit=*&offset=*:requests,,40,\n"));
    assert_non_null(strstr(buf, "\nGET /logs?limit=*&offset=*:p95_ms_approx,,"));
    assert_non_null(strstr(buf, "\nGET /logs?limit=1&offset=1:requests,1000,,\n"));
    assert_non_null(strstr(buf, "\nPOST /login:fails,0,2,\n"));   /* 0 -> 2: no percent */
    f = open_buf();
    assert_int_equal(compare_write(f, &a, &b, &r, FMT_MD, 1), 0);
    fclose(f);
    assert_non_null(strstr(buf, "| rps | 1,585.1 | 46.2 | -97.1% |"));
    assert_non_null(strstr(buf, "Per endpoint (1 of 3"));
    assert_non_null(strstr(buf, "2 more endpoints not shown"));
    compare_free(&r);
    model_free(&a);
    model_free(&b);
}

static void test_report_md(void **state)
{
    (void)state;
    manifest m;
    assert_int_equal(manifest_parse("[profile fast]\nfile=fast.csv\ncommit=abc\n"
                                    "[profile slow]\nfile=slow.csv\n"
                                    "[compare cores]\ntitle=Workers vs one core\na=fast\nb=slow\n",
                                    "x/m.manifest", &m, NULL), 0);
    model_profile p[2];
    make(&p[0], &p[1], false);
    size_t names[2] = { 2, 150 };
    report_input in = { &m, p, 2, NULL, names, NULL, NULL, NULL, 0, NULL };
    report_opts o = { "gnuplot", 10, false, NULL, NULL, NULL, false };
    FILE *f = open_buf();
    assert_int_equal(report_md_write(f, &in, &o, false), 0);
    fclose(f);
    assert_non_null(strstr(buf, "manifest `m.manifest` (2 profiles)"));
    assert_non_null(strstr(buf, "Plots were skipped"));
    assert_null(strstr(buf, "plots/"));
    assert_non_null(strstr(buf, "### Workers vs one core"));
    assert_non_null(strstr(buf, "A (`fast`) served **34.3x** the RPS of B (`slow`): 1,585.1 / 46.2."));
    /* login share in slow: 90 * 64480.35 / (130 * 44800.5) = 99.6% */
    assert_non_null(strstr(buf, "| `slow` | `POST /login` | 99.6% | 90 | 64,480.35 |"));
    /* fast lists 1,200 of 308,024 requests: truncated, and said so */
    assert_non_null(strstr(buf, "`fast`: the Aggregated row covers 308,024 requests but the listed "
                                "rows only 1,200 (0.4%)"));
    assert_non_null(strstr(buf, "`slow` has 150 unique request names (more than 100)"));
    assert_non_null(strstr(buf, "| `fast` | `fast.csv` | abc |"));
    model_free(&p[0]);
    model_free(&p[1]);
    manifest_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_csv_md),
        cmocka_unit_test(test_compare_csv),
        cmocka_unit_test(test_report_md),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
