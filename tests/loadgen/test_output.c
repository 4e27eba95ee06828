/* test_output.c — console tables in Locust's exact format, Python repr of
 * failure texts, PREFIX_hdr.csv, and the URL-mode plan with its stats names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "console.h"
#include "hdr_csv.h"
#include "plan.h"
#include "request.h"
#include "scenario.h"
#include "stats.h"

/* Print one table into a tmpfile and return its text (malloc'd). */
static char *capture_stats(const stats_set *s, bool current, int which)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    if (which == 0)
        console_print_stats(f, s, current, 80);
    else if (which == 1)
        console_print_percentiles(f, s, 80);
    else
        console_print_errors(f, s);
    long len = ftell(f);
    rewind(f);
    char *buf = calloc(1, (size_t)len + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    return buf;
}

static stats_set *sample_set(void)
{
    stats_set *s = stats_set_new(1000.0, false);
    stats_entry *ok = stats_set_entry(s, "GET", "/ok");
    stats_entry *missing = stats_set_entry(s, "GET", "/missing");
    for (int i = 0; i < 10; i++)
        stats_set_record(s, ok, 1000.5 + i, 2.0 + i * 0.1, 16, false, NULL);
    stats_set_record(s, missing, 1005.0, 1.5, 23, true,
                     "HTTPError('404 Client Error: Not Found for url: http://127.0.0.1:1/missing')");
    return s;
}

/* Widths and separators as Locust 2.12.1's get_stats_summary prints them. */
static void test_stats_table(void **state)
{
    (void)state;
    stats_set *s = sample_set();
    char *out = capture_stats(s, false, 0);
    char *l1 = out, *l2 = strchr(l1, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
    const char *header =
        "Type     Name                                                                          "
        "# reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s\n";
    assert_int_equal(strncmp(l1, header, strlen(header)), 0);
    const char *sep = "--------|----------------------------------------------------------------------------"
                      "|-------|-------------|-------|-------|-------|-------|--------|-----------\n";
    assert_int_equal(strncmp(l2, sep, strlen(sep)), 0);
    /* rows sorted by name: /missing before /ok; method followed by a space */
    assert_int_equal(strncmp(l3, "GET      /missing ", 18), 0);
    assert_non_null(strstr(l3, "      1   1(100.00%) |      1       1       1      1 |"));
    char *l4 = strchr(l3, '\n') + 1;
    assert_int_equal(strncmp(l4, "GET      /ok ", 13), 0);
    assert_non_null(strstr(l4, "     10     0(0.00%) |      2       2       2      2 |"));
    char *agg = strstr(out, "         Aggregated ");
    assert_non_null(agg);
    assert_non_null(strstr(agg, "     11     1(9.09%) |"));
    size_t n = strlen(out);
    assert_true(n >= 2 && out[n - 1] == '\n' && out[n - 2] == '\n'); /* ends with an empty line */
    free(out);
    stats_set_free(s);
}

static void test_percentile_table(void **state)
{
    (void)state;
    stats_set *s = sample_set();
    char *out = capture_stats(s, false, 1);
    assert_int_equal(strncmp(out, "Response time percentiles (approximated)\n", 41), 0);
    char *h = out + 41;
    char want[512];
    snprintf(want, sizeof want, "%-8s %-80s %8s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n",
             "Type", "Name", "50%", "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%",
             "99.99%", "100%", "# reqs");
    assert_int_equal(strncmp(h, want, strlen(want)), 0);
    char *sep = h + strlen(want);
    assert_int_equal(strncmp(sep, "--------|", 9), 0);
    char *row = strchr(sep, '\n') + 1;
    snprintf(want, sizeof want, "%-8s %-80s %8d", "GET", "/missing", 2);
    assert_int_equal(strncmp(row, want, strlen(want)), 0);
    free(out);
    stats_set_free(s);
}

static void test_error_report(void **state)
{
    (void)state;
    stats_set *s = sample_set();
    char *out = capture_stats(s, false, 2);
    assert_int_equal(strncmp(out, "Error report\n# occurrences      Error", 36), 0);
    assert_non_null(strstr(out, "\n1                  GET /missing: HTTPError('404 Client Error: "
                                "Not Found for url: http://127.0.0.1:1/missing')"));
    stats_set_free(s);
    free(out);
    s = stats_set_new(0, false);
    out = capture_stats(s, false, 2);
    assert_string_equal(out, ""); /* no errors, no report */
    free(out);
    stats_set_free(s);
}

static void test_pyrepr(void **state)
{
    (void)state;
    char buf[128];
    request_pyrepr("404 Client Error: Not Found", buf, sizeof buf);
    assert_string_equal(buf, "'404 Client Error: Not Found'");
    request_pyrepr("Couldn't connect to server", buf, sizeof buf);
    assert_string_equal(buf, "\"Couldn't connect to server\"");
    request_pyrepr("it's \"both\"", buf, sizeof buf);
    assert_string_equal(buf, "'it\\'s \"both\"'");
    request_pyrepr("a\\b\nc", buf, sizeof buf);
    assert_string_equal(buf, "'a\\\\b\\nc'");
}

static void test_hdr_csv(void **state)
{
    (void)state;
    stats_set *s = sample_set();
    char path[] = "/tmp/lg_hdr_test_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    lb_err err;
    assert_int_equal(hdr_csv_write(path, s, &err), 0);
    FILE *f = fopen(path, "rb");
    char text[4096];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    unlink(path);
    text[n] = '\0';
    char want[256];
    snprintf(want, sizeof want, "%s\r\n", HDR_CSV_HEADER);
    assert_int_equal(strncmp(text, want, strlen(want)), 0);
    char *l2 = text + strlen(want);
    assert_int_equal(strncmp(l2, "GET,/missing,1,1500,1500.000,1500,", 34), 0);
    char *l3 = strstr(l2, "\r\n") + 2;
    assert_int_equal(strncmp(l3, "GET,/ok,10,2000,", 16), 0);
    assert_non_null(strstr(l3, ",2900\r\n")); /* max: 2.9 ms */
    assert_non_null(strstr(text, "\r\n,Aggregated,11,1500,"));
    stats_set_free(s);
}

static void test_url_plan(void **state)
{
    (void)state;
    char u1[] = "http://127.0.0.1:8080/healthz", u2[] = "http://127.0.0.1:8080/a?b=1&c={x}";
    char *urls[] = {u1, u2};
    lg_plan p;
    lb_err err;
    assert_int_equal(plan_from_urls(&p, urls, 2, &err), 0);
    assert_int_equal(p.ntasks, 2);
    assert_int_equal(p.wait.kind, LG_WAIT_NONE);
    char url[256], name[256];
    assert_true(request_expand(p.tasks[1], "http://ignored", NULL, NULL, url, sizeof url, name,
                               sizeof name));
    assert_string_equal(url, u2);
    assert_string_equal(name, "/a?b=1&c={x}");
    assert_true(request_expand(p.tasks[0], "", NULL, NULL, url, sizeof url, name, sizeof name));
    assert_string_equal(name, "/healthz");
    plan_free(&p);
    char bad[] = "127.0.0.1:8080/x";
    char *b[] = {bad};
    assert_int_equal(plan_from_urls(&p, b, 1, &err), -1);
    assert_non_null(strstr(err.msg, bad));
    plan_free(&p);
}

/* --show-task-ratio in Locust 2.12.1's layout. The class line is byte for
 * byte what real Locust printed for a WebUser with tasks index (3) and
 * about (1); loadgen names tasks "METHOD name". */
static void test_task_ratio(void **state)
{
    (void)state;
    const char *y = "name: WebUser\ntasks:\n  - {path: /, name: index, weight: 3}\n"
                    "  - {path: /about, name: about, weight: 1}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", y, strlen(y), &p, &err), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    console_print_task_ratio(f, &p, 0);
    fclose(f);
    const char *want =
        "\n Task ratio per User class\n"
        "--------------------------------------------------------------------------------\n"
        " 100.0      WebUser                                           \n"
        "   75.0       GET index                                       \n"
        "   25.0       GET about                                       \n"
        "\n Total task ratio\n"
        "--------------------------------------------------------------------------------\n"
        " 100.0      WebUser                                           \n"
        "   75.0       GET index                                       \n"
        "   25.0       GET about                                       \n";
    assert_string_equal(buf, want);
    free(buf);
    plan_free(&p);
}

/* The final summary's exact table: sub-millisecond times keep 3 decimals
 * where Locust's table rounds them to 0. */
static void test_exact_table(void **state)
{
    (void)state;
    stats_set *set = stats_set_new(1000.0, false);
    stats_entry *e = stats_set_entry(set, "GET", "/fast");
    for (int i = 1; i <= 100; i++)
        stats_set_record(set, e, 1000.5, i * 0.004, 10, false, NULL); /* 4..400 us */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    console_print_exact(f, set, 20);
    fclose(f);
    assert_non_null(strstr(buf, "Response time percentiles (exact, ms, from loadgen's HDR histograms)"));
    assert_non_null(strstr(buf, "GET      /fast                    0.200     0.360     0.380     0.396     0.400     0.400    100"));
    free(buf);
    stats_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_table),
        cmocka_unit_test(test_percentile_table),
        cmocka_unit_test(test_error_report),
        cmocka_unit_test(test_pyrepr),
        cmocka_unit_test(test_hdr_csv),
        cmocka_unit_test(test_url_plan),
        cmocka_unit_test(test_task_ratio),
        cmocka_unit_test(test_exact_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
