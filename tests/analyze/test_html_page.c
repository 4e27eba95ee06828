/* test_html_page.c — common's page pieces that analyze's report and loadgen's --html
 * share: svg_bars (log axis past two decades, linear otherwise, a forced log axis starting
 * below 1 ms, escaped and wrapped labels) and html_run_write (settings, statistics with
 * exact percentiles, failures, both charts, nothing fetched). */
#include "aztest.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "html_run.h"
#include "svgchart.h"

static char *chart(const svg_bars *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    svg_bars_write(f, c);
    fclose(f);
    return buf;
}

static void test_svg_axes(void **state)
{
    (void)state;
    const char *labels[] = { "profile_3106d0313507f016_locust", "a<b & \"c\"" };
    const double rps[] = { 5.5, 1585.1 }, close_[] = { 800, 1585.1 };
    svg_bars c = { "RPS", "RPS", labels, 2, { NULL }, { rps }, 1, false };
    char *s = chart(&c);
    assert_non_null(strstr(s, "RPS (log scale)</text>"));     /* 288x apart: log axis */
    assert_non_null(strstr(s, ">1</text>"));                  /* first decade below 5.5 */
    assert_non_null(strstr(s, ">10000</text>"));
    assert_non_null(strstr(s, ">3106d0313507</text>"));       /* "profile_" dropped, wrapped */
    assert_non_null(strstr(s, ">f016_locust</text>"));
    assert_non_null(strstr(s, "a&lt;b &amp; &quot;c&quot;"));
    assert_null(strstr(s, "<script"));
    free(s);
    c.values[0] = close_;                                     /* 2x apart: linear from 0 */
    s = chart(&c);
    assert_null(strstr(s, "log scale"));
    assert_non_null(strstr(s, ">0</text>"));
    free(s);
    const double p50[] = { 0.043, 0.2 }, p99[] = { 30000, 12 };
    svg_bars l = { "lat", "ms", labels, 2, { "p50", "p99" }, { p50, p99 }, 2, true };
    s = chart(&l);
    assert_non_null(strstr(s, ">0.01</text>"));               /* a 43 us p50 is on the axis */
    assert_non_null(strstr(s, ">100000</text>"));
    assert_non_null(strstr(s, "<title>p50 0.043</title>"));
    assert_non_null(strstr(s, ">p99</text>"));                /* legend */
    free(s);
}

static void test_run_page(void **state)
{
    (void)state;
    stats_set *set = stats_set_new(1000.0, false);
    assert_non_null(set);
    stats_entry *a = stats_set_entry(set, "GET", "/api/<x>");
    stats_entry *b = stats_set_entry(set, "POST", "/login");
    for (int i = 1; i <= 100; i++)
        assert_int_equal(stats_set_record(set, a, 1000.0 + i * 0.01, 0.1 * i, 10, false, NULL), 0);
    assert_int_equal(stats_set_record(set, b, 1001.0, 250.0, 0, true,
                                      "HTTPError('500 Server Error')"), 0);
    char path[] = "/tmp/az_run_html_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    const char *keys[] = { "host" }, *vals[] = { "http://127.0.0.1:9" };
    html_run_info info = { "loadgen run: http://127.0.0.1:9", keys, vals, 1 };
    lb_err err = {0};
    assert_int_equal(html_run_write(path, set, &info, &err), 0);
    FILE *f = fopen(path, "r");
    char page[65536];
    size_t n = fread(page, 1, sizeof page - 1, f);
    page[n] = '\0';
    fclose(f);
    assert_non_null(strstr(page, "<title>loadgen run: http://127.0.0.1:9</title>"));
    assert_non_null(strstr(page, "<td>/api/&lt;x&gt;</td><td class=\"n\">100</td><td class=\"n\">0</td>"));
    /* p50/p95/p99 of 0.1 .. 10 ms in 0.1 ms steps from the precise histogram: 5, 9.5
     * and 9.9 ms within its 0.1 % above 2,048 us (a counter's top), not Locust's 5/9.5/9.9
     * rounded buckets */
    assert_non_null(strstr(page, "<td class=\"n\">5.003</td><td class=\"n\">9.503</td><td class=\"n\">9.903</td>"));
    assert_non_null(strstr(page, "<td>Aggregated</td><td class=\"n\">101</td><td class=\"n\">1</td>"));
    assert_non_null(strstr(page, "HTTPError(&#39;500 Server Error&#39;)"));
    assert_non_null(strstr(page, "<figure id=\"fig-latency\">"));
    assert_non_null(strstr(page, "<figure id=\"fig-requests\">"));
    assert_null(strstr(page, "<script"));
    assert_int_equal(html_run_write("/nonexistent/x.html", set, &info, &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/x.html: cannot write"));
    remove(path);
    stats_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg_axes),
        cmocka_unit_test(test_run_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
