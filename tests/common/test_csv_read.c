/* test_csv_read.c — the reader: the nine reference web-UI profiles, a
 * writer -> reader round trip, the other layouts, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "locust_csv.h"

static char tmpdir[] = "/tmp/lbcsvrXXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write text to tmpdir/name; returns the path (static buffer). */
static const char *put_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* ---- the nine reference profiles (values from the files' Aggregated rows,
 * matching the table in shared/docs/seed/Performance-Story.md) ---- */
static void test_reference_profiles(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        uint64_t requests, fails;
        double median, p95, p99, avg, rps;
        size_t rows;
    } p[] = {
        {"profile_fb69a06.csv", 396672, 0, 100, 1900, 2900, 465.03, 963.6, 501},
        {"profile_1500_fb69a06.csv", 232648, 0, 690, 6500, 9500, 1773.51, 880.4, 501},
        {"profile_1500_notracing_fb69a06.csv", 277214, 0, 340, 5700, 8400, 1489.08, 992.7, 501},
        {"profile_1500_notracing_12_workers_fb69a06.csv", 308024, 0, 700, 2700, 4200, 929.88,
         1585.1, 501},
        {"profile_1500_notracing_single_core_fb69a06.csv", 3532, 0, 270, 115000, 122000,
         21728.92, 46.2, 202},
        {"profile_255c2e5.csv", 1042, 514, 6700, 150000, 186000, 58835.59, 2.3, 26},
        {"profile_2dd86fb.csv", 6012, 0, 240, 134000, 194000, 16217.04, 2.4, 313},
        {"profile_3106d0313507f016_locust.csv", 7410, 20, 740, 87000, 187000, 12999.71, 5.5, 334},
        {"profile_e967aaa.csv", 259381, 0, 300, 1600, 2200, 514.41, 934.3, 501},
    };
    const char *shared = getenv("LB_SHARED_DIR");
    assert_non_null(shared);
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/decnet-profiles/%s", shared, p[i].file);
        lc_table t;
        lb_err err = {0};
        if (lc_read_file(path, &t, &err) < 0)
            fail_msg("%s", err.msg);
        assert_int_equal(t.layout, LC_LAYOUT_WEBUI);
        assert_int_equal(t.nrows, p[i].rows);
        assert_int_equal(t.aggregated, (long)p[i].rows - 1);
        const lc_row *a = &t.rows[t.aggregated];
        assert_string_equal(a->name, "Aggregated");
        assert_string_equal(a->method, "");
        assert_int_equal(a->line, (long)p[i].rows + 1);
        assert_int_equal(a->requests, p[i].requests);
        assert_int_equal(a->failures, p[i].fails);
        assert_true(a->median == p[i].median);
        assert_true(a->has_pct[5] && a->pct[5] == p[i].p95);
        assert_true(a->has_pct[7] && a->pct[7] == p[i].p99);
        assert_false(a->has_pct[0] || a->has_pct[4] || a->has_pct[10]);
        assert_true(a->avg == p[i].avg);
        assert_true(a->has_rps && a->rps == p[i].rps);
        /* every row has its Type (the request method) except Aggregated */
        for (size_t r = 0; r + 1 < t.nrows; r++)
            assert_true(t.rows[r].method[0] != '\0');
        lc_table_free(&t);
    }
}

/* A row of the first profile in full: GET /api/v1/attackers. */
static void test_profile_first_row(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/decnet-profiles/profile_1500_fb69a06.csv",
             getenv("LB_SHARED_DIR"));
    lc_table t;
    lb_err err = {0};
    assert_int_equal(lc_read_file(path, &t, &err), 0);
    /* GET	/api/v1/attackers	27857	0	2200	7300	10000	2807.22	1	20651	43	107.3	0 */
    const lc_row *r = &t.rows[0];
    assert_string_equal(r->method, "GET");
    assert_string_equal(r->name, "/api/v1/attackers");
    assert_int_equal(r->line, 2);
    assert_int_equal(r->requests, 27857);
    assert_true(r->median == 2200 && r->pct[5] == 7300 && r->pct[7] == 10000);
    assert_true(r->avg == 2807.22 && r->min == 1 && r->max == 20651 && r->avg_size == 43);
    assert_true(r->rps == 107.3 && r->fail_per_s == 0);
    lc_table_free(&t);
}

/* ---- round trip: everything the writer puts in, the reader gets back ---- */
static void check_row(const lc_row *r, const stats_entry *e, const stats_entry *total)
{
    bool is_int;
    assert_string_equal(r->method, e->method);
    assert_string_equal(r->name, e->name);
    assert_int_equal(r->requests, e->num_requests);
    assert_int_equal(r->failures, e->num_failures);
    assert_true(r->median == stats_entry_median(e, &is_int));
    assert_true(r->avg == stats_entry_avg(e));
    assert_true(r->min == (e->has_min ? e->min_response_time : 0));
    assert_true(r->max == e->max_response_time);
    assert_true(r->avg_size == stats_entry_avg_content(e));
    assert_true(r->has_rps);
    for (int i = 0; i < STATS_NPCT; i++) {
        assert_int_equal(r->has_pct[i], e->num_requests > 0);
        if (e->num_requests)
            assert_true(r->pct[i] == (double)stats_entry_percentile(e, stats_pcts[i]));
    }
    (void)total;
}

static void test_round_trip(void **state)
{
    (void)state;
    stats_set *s = stats_set_new(1700000000.25, false);
    stats_entry *e[5] = {
        stats_set_entry(s, "GET", "/api/v1/logs?limit=100&offset=5"),
        stats_set_entry(s, "POST", "/login, \"quoted\""),
        stats_set_entry(s, "GET", "/empty"),
        stats_set_entry(s, "DELETE", "/x/\xc3\xa9"),
        stats_set_entry(s, "GET", "/slow"),
    };
    for (int i = 0; i < 500; i++) {
        int k = i % 5 == 2 ? 0 : i % 5;
        double rt = k == 4 ? 12000.0 + i * 97.3 : 0.37 + (i * 7919 % 3000) / 3.0;
        const char *err = i % 9 == 0 ? "ConnectionError('refused')" : NULL;
        if (i % 17 == 0)
            rt = -1;
        assert_int_equal(stats_set_record(s, e[k], 1700000000.3 + i * 0.05, rt,
                                          (uint64_t)(i * 31 % 5000), err != NULL, err), 0);
    }
    lc_writer *w = NULL;
    char prefix[600];
    snprintf(prefix, sizeof prefix, "%s/rt/run", tmpdir);
    lb_err err = {0};
    w = lc_writer_open(prefix, true, &err);
    assert_non_null(w);
    assert_int_equal(lc_writer_close(w, s, 1700000030.5, 7, &err), 0);

    char path[700];
    lc_table t;
    snprintf(path, sizeof path, "%s_stats.csv", prefix);
    if (lc_read_file(path, &t, &err) < 0)
        fail_msg("%s", err.msg);
    assert_int_equal(t.layout, LC_LAYOUT_STATS);
    assert_int_equal(t.nrows, 6);
    const stats_entry *sorted[5];
    stats_set_sorted(s, sorted);
    const stats_entry *total = stats_set_total_c(s);
    for (int i = 0; i < 5; i++) {
        check_row(&t.rows[i], sorted[i], total);
        assert_true(t.rows[i].rps == stats_entry_total_rps(sorted[i], total));
        assert_true(t.rows[i].fail_per_s == stats_entry_total_fail_per_sec(sorted[i], total));
    }
    check_row(&t.rows[5], total, total);
    assert_int_equal(t.aggregated, 5);
    assert_string_equal(t.rows[1].name, "/empty");
    assert_int_equal(t.rows[1].requests, 0);
    lc_table_free(&t);

    snprintf(path, sizeof path, "%s_stats_history.csv", prefix);
    assert_int_equal(lc_read_file(path, &t, &err), 0);
    assert_int_equal(t.layout, LC_LAYOUT_HISTORY);
    assert_int_equal(t.nrows, 6);
    for (int i = 0; i < 6; i++) {
        const stats_entry *x = i < 5 ? sorted[i] : total;
        assert_int_equal(t.rows[i].timestamp, 1700000030);
        assert_int_equal(t.rows[i].user_count, 7);
        assert_int_equal(t.rows[i].requests, x->num_requests);
        assert_true(fabs(t.rows[i].rps - stats_entry_current_rps(x, total)) <= 5e-7);
    }
    lc_table_free(&t);

    snprintf(path, sizeof path, "%s_failures.csv", prefix);
    assert_int_equal(lc_read_file(path, &t, &err), 0);
    assert_int_equal(t.layout, LC_LAYOUT_FAILURES);
    assert_int_equal(t.nfailures, stats_set_error_count(s));
    assert_true(t.nfailures >= 3);
    for (size_t i = 0; i < t.nfailures; i++) {
        const stats_error *x = stats_set_error_at(s, i);
        assert_string_equal(t.failures[i].method, x->method);
        assert_string_equal(t.failures[i].name, x->name);
        assert_string_equal(t.failures[i].error, x->error);
        assert_int_equal(t.failures[i].occurrences, x->occurrences);
    }
    lc_table_free(&t);

    snprintf(path, sizeof path, "%s_exceptions.csv", prefix);
    assert_int_equal(lc_read_file(path, &t, &err), 0);
    assert_int_equal(t.layout, LC_LAYOUT_EXCEPTIONS);
    assert_int_equal(t.nfailures, 0);
    lc_table_free(&t);
    stats_set_free(s);
}

/* ---- other layouts ---- */
static void test_failures_latest_and_exceptions(void **state)
{
    (void)state;
    lc_table t;
    lb_err err = {0};
    const char *p = put_file("f6.csv",
        "Method,Name,Error,Occurrences,First Seen,Last Seen\r\n"
        "GET,/x,\"HTTPError('404, gone')\",3,2026-01-01 10:00:00,2026-01-01 10:00:05\r\n");
    assert_int_equal(lc_read_file(p, &t, &err), 0);
    assert_int_equal(t.layout, LC_LAYOUT_FAILURES);
    assert_int_equal(t.nfailures, 1);
    assert_string_equal(t.failures[0].error, "HTTPError('404, gone')");
    assert_int_equal(t.failures[0].occurrences, 3);
    lc_table_free(&t);

    p = put_file("exc.csv",
        "Count,Message,Traceback,Nodes\r\n"
        "5,division by zero,\"  File \"\"x.py\"\", line 3, in task\n    1/0\n\",local\r\n"
        "2,boom,\"  File \"\"y.py\"\"\n\",\"w1, w2\"\r\n");
    assert_int_equal(lc_read_file(p, &t, &err), 0);
    assert_int_equal(t.layout, LC_LAYOUT_EXCEPTIONS);
    assert_int_equal(t.nfailures, 2);
    assert_int_equal(t.failures[0].occurrences, 5);
    assert_string_equal(t.failures[0].error, "division by zero");
    assert_string_equal(t.failures[0].traceback, "  File \"x.py\", line 3, in task\n    1/0\n");
    assert_null(t.failures[0].method);
    assert_int_equal(t.failures[1].line, 5);   /* the first row spans lines 2-4 */
    lc_table_free(&t);
}

typedef struct { long rows; int64_t last_ts; } count_ctx;
static int count_row(void *vc, const lc_row *row, lb_err *err)
{
    count_ctx *c = vc;
    (void)err;
    c->rows++;
    c->last_ts = row->timestamp;
    return 0;
}
static int stop_at_3(void *vc, const lc_row *row, lb_err *err)
{
    count_ctx *c = vc;
    if (++c->rows == 3)
        return lb_err_set(err, "stop at line %ld", row->line);
    return 0;
}

static void test_stream_history(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/h.csv", tmpdir);
    FILE *f = fopen(path, "wb");
    fprintf(f, "%s\r\n", LC_HISTORY_HEADER);
    for (int i = 0; i < 1000; i++)
        fprintf(f, "%d,10,,Aggregated,%d.500000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,"
                   "N/A,%d,0,0,0.0,0,0,0\r\n", 1700000000 + i, i, i);
    fclose(f);
    count_ctx c = {0, 0};
    lc_layout layout;
    lb_err err = {0};
    assert_int_equal(lc_read_stream(path, &layout, count_row, &c, &err), 0);
    assert_int_equal(layout, LC_LAYOUT_HISTORY);
    assert_int_equal(c.rows, 1000);
    assert_int_equal(c.last_ts, 1700000999);
    /* a callback error stops the stream and comes back unchanged */
    c.rows = 0;
    assert_int_equal(lc_read_stream(path, &layout, stop_at_3, &c, &err), -1);
    assert_string_equal(err.msg, "stop at line 4");
    assert_int_equal(c.rows, 3);
}

/* ---- bad input: -1 and a message naming file:line[:column] ---- */
static void expect_error(const char *name, const char *text, const char *where,
                         const char *what)
{
    lc_table t;
    lb_err err = {0};
    const char *p = put_file(name, text);
    char want[1024];
    snprintf(want, sizeof want, "%s%s", p, where);
    assert_int_equal(lc_read_file(p, &t, &err), -1);
    if (!strstr(err.msg, want) || !strstr(err.msg, what))
        fail_msg("error for %s was \"%s\"; wanted \"%s\" and \"%s\"", name, err.msg, want, what);
    assert_int_equal(t.nrows, 0);
    assert_null(t.rows);
    /* streaming reports the same error */
    count_ctx c = {0, 0};
    lc_layout layout;
    lb_err err2 = {0};
    assert_int_equal(lc_read_stream(p, &layout, count_row, &c, &err2), -1);
}

static void test_bad_input(void **state)
{
    (void)state;
    char stats_row_ok[] = "GET,/a,3,0,20,63.3,10.0,160.0,13.0,0.75,0.0,20,20,160,160,160,160,"
                          "160,160,160,160,160\r\n";
    char text[2048];
    expect_error("empty.csv", "", ":1:", "empty file");
    expect_error("blank.csv", "\r\n\r\n", ":1:", "empty file");
    expect_error("unknown.csv", "Foo,Bar,Baz\r\n1,2,3\r\n", ":1:", "unknown header");
    expect_error("unknown_webui.tsv", "Type\tName\t# Requests\t# Fails\tBogus (ms)\n", ":1:5:",
                 "Bogus (ms)");
    snprintf(text, sizeof text, "%s\r\n%sGET,/b,1,0\r\n", LC_STATS_HEADER, stats_row_ok);
    expect_error("ragged.csv", text, ":3:", "expected 22 fields like the header, got 4");
    snprintf(text, sizeof text, "%s\r\n%sGET,/b,1,0,abc,1.0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER, stats_row_ok);
    expect_error("nonnum.csv", text, ":3:5:",
                 "expected a number in column \"Median Response Time\", got \"abc\"");
    snprintf(text, sizeof text, "%s\r\nGET,/b,1,0,N/A,1.0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER);
    expect_error("na.csv", text, ":2:5:", "got \"N/A\"");
    snprintf(text, sizeof text, "%s\r\nGET,/b,N/A,0,1,1.0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER);
    expect_error("na_count.csv", text, ":2:3:", "Request Count");
    snprintf(text, sizeof text, "%s\r\nGET,/b,1,0,1,-1.5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER);
    expect_error("negative.csv", text, ":2:6:", "negative number");
    snprintf(text, sizeof text, "%s\r\nGET,/b,1.5,0,1,1.5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER);
    expect_error("fraction_count.csv", text, ":2:3:", "whole number");
    snprintf(text, sizeof text, "%s\r\nGET,/b,1,0,1,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER);
    expect_error("emptycell.csv", text, ":2:6:", "got \"\"");
    snprintf(text, sizeof text, "%s\r\nGET,/b,1,0,1,nan,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\r\n",
             LC_STATS_HEADER);
    expect_error("nan.csv", text, ":2:6:", "got \"nan\"");
    expect_error("webui_neg.tsv",
                 "Type\tName\t# Requests\t# Fails\tMedian (ms)\t95%ile (ms)\n"
                 "GET\t/a\t3\t0\t12\t-4\n", ":2:6:", "negative");
    expect_error("fail_occ.csv", "Method,Name,Error,Occurrences\r\nGET,/a,E,many\r\n", ":2:4:",
                 "Occurrences");
    /* missing file */
    lc_table t;
    lb_err err = {0};
    char missing[600];
    snprintf(missing, sizeof missing, "%s/does-not-exist.csv", tmpdir);
    assert_int_equal(lc_read_file(missing, &t, &err), -1);
    assert_non_null(strstr(err.msg, missing));
    assert_non_null(strstr(err.msg, "No such file"));
}

/* N/A percentiles are fine; a file without an Aggregated row loads. */
static void test_lenient_where_locust_is(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text, "%s\r\nGET,/\xc3\xa9,0,0,0,0.0,0,0,0,0.0,0.0,"
             "N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\r\n", LC_STATS_HEADER);
    const char *p = put_file("utf8.csv", text);
    lc_table t;
    lb_err err = {0};
    assert_int_equal(lc_read_file(p, &t, &err), 0);
    assert_string_equal(t.rows[0].name, "/\xc3\xa9");
    assert_false(t.rows[0].has_pct[0]);
    assert_int_equal(t.aggregated, -1);
    lc_table_free(&t);
    /* a UTF-8 BOM before the header (spreadsheet re-save) is ignored */
    p = put_file("bom.csv", "\xef\xbb\xbfMethod,Name,Error,Occurrences\r\nGET,/a,E(),2\r\n");
    assert_int_equal(lc_read_file(p, &t, &err), 0);
    assert_int_equal(t.layout, LC_LAYOUT_FAILURES);
    assert_int_equal(t.failures[0].occurrences, 2);
    lc_table_free(&t);
}

/* ---- what no Locust file holds (issue 13): each is file:line, never a
 * silently wrong table ---- */
static const char *put_bytes(const char *name, const char *bytes, size_t n)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
    return path;
}

static void expect_bytes_error(const char *name, const char *bytes, size_t n,
                               const char *where, const char *what)
{
    const char *p = put_bytes(name, bytes, n);
    char want[1024];
    snprintf(want, sizeof want, "%s%s", p, where);
    lc_table t;
    lb_err err = {0};
    assert_int_equal(lc_read_file(p, &t, &err), -1);
    if (!strstr(err.msg, want) || !strstr(err.msg, what))
        fail_msg("error for %s was \"%s\"; wanted \"%s\" and \"%s\"", name, err.msg, want, what);
    count_ctx c = {0, 0};
    lc_layout layout;
    lb_err err2 = {0};
    assert_int_equal(lc_read_stream(p, &layout, count_row, &c, &err2), -1);
    assert_string_equal(err.msg, err2.msg);
}

static void test_impossible_input(void **state)
{
    (void)state;
    char text[2048];
    static const char cells[] = "20,63.3,10.0,160.0,13.0,0.75,0.0,20,20,160,160,160,160,160,160,"
                                "160,160,160\r\n";
    /* more failures than requests */
    snprintf(text, sizeof text, "%s\r\nGET,/a,3,4,%s", LC_STATS_HEADER, cells);
    expect_error("fail_gt_req.csv", text, ":2:", "failure count 4 exceeds request count 3");
    expect_error("webui_fail_gt.tsv", "Type\tName\t# Requests\t# Fails\nGET\t/a\t1\t2\n", ":2:",
                 "failure count 2 exceeds request count 1");
    /* a count no cast to a 64-bit integer can hold (found by fuzz_locust_csv) */
    snprintf(text, sizeof text, "%s\r\nGET,/a,1%055d,0,%s", LC_STATS_HEADER, 0, cells);
    expect_error("huge_count.csv", text, ":2:3:", "whole number too large");
    /* two Aggregated rows in a stats table (history files have one per tick) */
    snprintf(text, sizeof text, "%s\r\n,Aggregated,3,0,%s,Aggregated,3,0,%s", LC_STATS_HEADER,
             cells, cells);
    expect_error("two_agg.csv", text, ":3:", "second Aggregated row (the first is on line 2)");
    /* NUL bytes */
    int n = snprintf(text, sizeof text, "%s\r\nGET,/a,3,0,%s", LC_STATS_HEADER, cells);
    text[strlen(LC_STATS_HEADER) + 2 + 5] = '\0';   /* inside the name "/a" */
    expect_bytes_error("nul.csv", text, (size_t)n, ":2:6:", "NUL byte");
    /* invalid UTF-8: a stray continuation byte, an overlong, a surrogate, a truncation */
    static const char *const bad[] = {"/\xff", "/\xc0\xaf", "/\xed\xa0\x80", "/\xe2\x82"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "%s\r\nGET,%s,3,0,%s", LC_STATS_HEADER, bad[i], cells);
        expect_error("bad_utf8.csv", text, ":2:6:", "invalid UTF-8");
    }
    /* a directory is not an empty file */
    char dir[600];
    snprintf(dir, sizeof dir, "%s/empty file", tmpdir);
    assert_int_equal(mkdir(dir, 0700), 0);
    lc_table t;
    lb_err err = {0};
    assert_int_equal(lc_read_file(dir, &t, &err), -1);
    if (!strstr(err.msg, dir) || !strstr(err.msg, "is a directory"))
        fail_msg("error for a directory was \"%s\"", err.msg);
    rmdir(dir);
}

/* ---- never crash: 3000 deterministic random mutations of valid files ----
 * Each mutant must either load (and then be consistent: Aggregated index in
 * range) or fail with a message that names the file. Run under ASan this is
 * a small fuzz pass over the reader. */
static void test_mutations(void **state)
{
    (void)state;
    char base[4][1024];
    snprintf(base[0], sizeof base[0], "%s\r\nGET,\"/a,b\",3,0,20,63.3,10.0,160.0,13.0,0.75,0.0,"
             "20,20,160,160,160,160,160,160,160,160,160\r\n,Aggregated,3,0,20,63.3,10.0,160.0,"
             "13.0,0.75,0.0,20,20,160,160,160,160,160,160,160,160,160\r\n", LC_STATS_HEADER);
    snprintf(base[1], sizeof base[1], "Type\tName\t# Requests\t# Fails\tMedian (ms)\t95%%ile (ms)\t"
             "99%%ile (ms)\tAverage (ms)\tMin (ms)\tMax (ms)\tAverage size (bytes)\tCurrent RPS\t"
             "Current Failures/s\nGET\t/a\t5\t1\t60.16\t60\t60\t60.16\t60\t60\t43\t0.1\t0\n"
             "\tAggregated\t5\t1\t60.16\t60\t60\t60.16\t60\t60\t43\t0.1\t0\n");
    snprintf(base[2], sizeof base[2], "Count,Message,Traceback,Nodes\r\n3,boom,\"  File \"\"x\"\"\n"
             "  raise\n\",local\r\n");
    snprintf(base[3], sizeof base[3], "%s\r\n1700000000,3,,Aggregated,1.500000,0.000000,N/A,N/A,"
             "N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,0,0,0\r\n", LC_HISTORY_HEADER);
    static const char alphabet[] = ",\t\r\n\"N/A-.e0123456789x\xff ";
    uint64_t r = 12345;
    int loaded = 0, rejected = 0;
    for (int i = 0; i < 3000; i++) {
        char text[1100];
        const char *src = base[i % 4];
        size_t len = strlen(src);
        memcpy(text, src, len + 1);
        int edits = 1 + (int)(r % 4);
        for (int k = 0; k < edits; k++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            size_t pos = (size_t)(r >> 33) % len;
            int op = (int)((r >> 20) % 3);
            char c = alphabet[(r >> 40) % (sizeof alphabet - 1)];
            if (op == 0) {                       /* replace */
                text[pos] = c;
            } else if (op == 1 && len + 1 < sizeof text) {   /* insert */
                memmove(text + pos + 1, text + pos, len - pos + 1);
                text[pos] = c;
                len++;
            } else if (len > 1) {                /* delete */
                memmove(text + pos, text + pos + 1, len - pos);
                len--;
            }
        }
        text[len] = '\0';
        const char *p = put_file("mutant.csv", text);
        lc_table t;
        lb_err err = {0};
        if (lc_read_file(p, &t, &err) == 0) {
            loaded++;
            assert_true(t.aggregated < (long)t.nrows);
            lc_table_free(&t);
        } else {
            rejected++;
            assert_non_null(strstr(err.msg, p));
        }
    }
    /* both outcomes occur, so the loop exercised both paths */
    print_message("mutants: %d loaded, %d rejected\n", loaded, rejected);
    assert_true(loaded > 20 && rejected > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_profiles),
        cmocka_unit_test(test_profile_first_row),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_failures_latest_and_exceptions),
        cmocka_unit_test(test_stream_history),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_lenient_where_locust_is),
        cmocka_unit_test(test_impossible_input),
        cmocka_unit_test(test_mutations),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
