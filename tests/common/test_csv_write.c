/* test_csv_write.c — the writer's bytes, checked against Locust 2.12.1 itself.
 *
 * The expected bytes were produced by Debian's Locust 2.12.1 (its own
 * StatsCSV code with time.time mocked, fixtures/make_golden.py and the small
 * script quoted above test_golden_small) fed the same request sequences that
 * these tests replay through our stats core. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "locust_csv.h"

/* Read a whole stream into a malloc'ed string. */
static char *slurp(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    char *buf = malloc((size_t)n + 1);
    rewind(f);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    return buf;
}

static char *slurp_path(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    char *s = slurp(f);
    fclose(f);
    return s;
}

/* The small set: /a three successes, /b,"q" one failure, /empty unused.
 * Locust: log_request at 1001, 1002, 1003 (GET /a: 10.0, 20.0, 160.0 ms,
 * 13 bytes), 1004 (POST '/b,"q"' 5.5 ms, 0 bytes, HTTPError('500 Server
 * Error')); stats.get('/empty', 'GET'); start 1000.0. */
static stats_set *small_set(void)
{
    stats_set *s = stats_set_new(1000.0, false);
    stats_entry *a = stats_set_entry(s, "GET", "/a");
    stats_entry *b = stats_set_entry(s, "POST", "/b,\"q\"");
    assert_non_null(stats_set_entry(s, "GET", "/empty"));
    stats_set_record(s, a, 1001.0, 10.0, 13, false, NULL);
    stats_set_record(s, a, 1002.0, 20.0, 13, false, NULL);
    stats_set_record(s, a, 1003.0, 160.0, 13, false, NULL);
    stats_set_record(s, b, 1004.0, 5.5, 0, true, "HTTPError('500 Server Error')");
    return s;
}

static void test_golden_small(void **state)
{
    (void)state;
    stats_set *s = small_set();
    FILE *f = tmpfile();
    assert_int_equal(lc_write_stats(f, s), 0);
    char *got = slurp(f);
    assert_string_equal(got,
        "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
        "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
        "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\r\n"
        "GET,/a,3,0,20,63.333333333333336,10.0,160.0,13.0,0.75,0.0,20,20,160,160,160,160,160,160,160,160,160\r\n"
        "POST,\"/b,\"\"q\"\"\",1,1,5.5,5.5,5.5,5.5,0.0,0.25,0.25,6,6,6,6,6,6,6,6,6,6,6\r\n"
        "GET,/empty,0,0,0,0.0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\r\n"
        ",Aggregated,4,1,10,48.875,5.5,160.0,9.75,1.0,0.25,20,20,160,160,160,160,160,160,160,160,160\r\n");
    free(got);
    fclose(f);

    f = tmpfile();
    assert_int_equal(lc_write_failures(f, s), 0);
    got = slurp(f);
    assert_string_equal(got, "Method,Name,Error,Occurrences\r\n"
                             "POST,\"/b,\"\"q\"\"\",HTTPError('500 Server Error'),1\r\n");
    free(got);
    fclose(f);

    f = tmpfile();
    assert_int_equal(lc_write_history_rows(f, s, 1005.0, 0, false), 0);
    got = slurp(f);
    assert_string_equal(got, "1005,0,,Aggregated,0.500000,0.000000,20,20,160,160,160,160,160,"
                             "160,160,160,160,4,1,10,48.875,5.5,160.0,9.75\r\n");
    free(got);
    fclose(f);

    f = tmpfile();
    assert_int_equal(lc_write_exceptions(f), 0);
    got = slurp(f);
    assert_string_equal(got, "Count,Message,Traceback,Nodes\r\n");
    free(got);
    fclose(f);
    stats_set_free(s);
}

/* The first history row of a run, as observed from real Locust (§1.3). */
static void test_golden_first_history_row(void **state)
{
    (void)state;
    stats_set *s = stats_set_new(1795938099.2, false);
    FILE *f = tmpfile();
    assert_int_equal(lc_write_history_rows(f, s, 1795938099.7, 0, false), 0);
    char *got = slurp(f);
    assert_string_equal(got, "1795938099,0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,"
                             "N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,0,0,0\r\n");
    free(got);
    fclose(f);
    stats_set_free(s);
}

/* fixtures/make_golden.py's sequence, replayed: 300 requests 83 ms apart,
 * three names x two methods, None times, >10 s times, two error kinds. */
static void test_golden_full_history(void **state)
{
    (void)state;
    const char *src = getenv("LB_SOURCE_DIR");
    assert_non_null(src);
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/common/fixtures/locust_2.12.1_full_history.golden", src);
    char *want = slurp_path(path);

    stats_set *s = stats_set_new(1000.0, true);
    static const char *names[] = {"/a", "/b", "/c?x=1"};
    for (int i = 0; i < 300; i++) {
        double now = 1000.0 + i * 0.083;
        const char *m = i % 5 == 0 ? "POST" : "GET";
        double rt = i % 11 == 0 ? -1 : ((i * 37) % 1000) * 1.37 + 0.25;
        if (i % 13 == 0 && rt >= 0)
            rt = rt * 40;
        stats_entry *e = stats_set_entry(s, m, names[i % 3]);
        assert_int_equal(stats_set_record(s, e, now, rt, (uint64_t)(i % 50), i % 7 == 0,
                                          i % 2 ? "HTTPError('1')" : "HTTPError('0')"), 0);
    }
    FILE *f = tmpfile();
    assert_int_equal(lc_write_stats(f, s), 0);
    assert_int_equal(lc_write_failures(f, s), 0);
    static const double ticks[] = {1025.0, 1030.0, 1034.0, 1036.0};
    for (int i = 0; i < 4; i++)
        assert_int_equal(lc_write_history_rows(f, s, ticks[i], 0, true), 0);
    char *got = slurp(f);
    /* compare line by line for a readable failure */
    char *gs, *ws, *g = strtok_r(got, "\n", &gs), *w = strtok_r(want, "\n", &ws);
    int line = 1;
    for (; g && w; g = strtok_r(NULL, "\n", &gs), w = strtok_r(NULL, "\n", &ws), line++)
        if (strcmp(g, w))
            fail_msg("golden line %d differs:\n got: %s\nwant: %s", line, g, w);
    assert_null(g);
    assert_null(w);
    free(got);
    free(want);
    fclose(f);
    stats_set_free(s);
}

static void test_put_field(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } t[] = {
        {"plain", "plain"}, {"", ""}, {"a,b", "\"a,b\""}, {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""}, {"cr\rhere", "\"cr\rhere\""},
        {"semi;colon tab\t", "semi;colon tab\t"}, {"'single'", "'single'"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        FILE *f = tmpfile();
        assert_int_equal(lc_put_field(f, t[i].in), 0);
        char *got = slurp(f);
        assert_string_equal(got, t[i].out);
        free(got);
        fclose(f);
    }
}

/* lc_writer: parent dirs, truncating rewrites, appended history, final state. */
static void test_writer_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/lbcsvXXXXXX";
    assert_non_null(mkdtemp(dir));
    char prefix[256], path[300];
    snprintf(prefix, sizeof prefix, "%s/deep/er/run", dir);
    lb_err err = {0};
    stats_set *s = small_set();
    lc_writer *w = lc_writer_open(prefix, false, &err);
    assert_non_null(w);
    snprintf(path, sizeof path, "%s_stats_history.csv", prefix);
    char *h = slurp_path(path);
    assert_string_equal(h, "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,"
                           "80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total "
                           "Failure Count,Total Median Response Time,Total Average Response "
                           "Time,Total Min Response Time,Total Max Response Time,Total Average "
                           "Content Size\r\n");
    free(h);
    assert_int_equal(lc_writer_tick(w, s, 1005.0, 3, &err), 0);
    snprintf(path, sizeof path, "%s_stats.csv", prefix);
    char *first = slurp_path(path);
    /* a reset makes the next rewrite shorter: the file must be truncated */
    stats_set_reset(s, 1006.0);
    assert_int_equal(lc_writer_tick(w, s, 1006.0, 3, &err), 0);
    char *second = slurp_path(path);
    assert_true(strlen(second) < strlen(first));
    assert_non_null(strstr(second, ",Aggregated,0,0,0,0.0,0,0,0,0.0,0.0,N/A"));
    assert_string_equal(second + strlen(second) - 5, "N/A\r\n");
    assert_null(strstr(second, "GET,/a,3,"));   /* nothing left of the longer content */
    free(first);
    free(second);
    stats_set_record(s, stats_set_entry(s, "GET", "/a"), 1007.5, 42.0, 1, false, NULL);
    assert_int_equal(lc_writer_tick(w, s, 1008.2, 5, &err), 0);
    /* the close lands in the same second as the last tick: it replaces that
     * tick's row (user count 5 -> 2) instead of repeating the timestamp */
    assert_int_equal(lc_writer_close(w, s, 1008.9, 2, &err), 0);
    snprintf(path, sizeof path, "%s_stats_history.csv", prefix);
    h = slurp_path(path);
    /* header + 3 rows: two ticks, then the close replacing the third tick */
    int lines = 0;
    for (char *p = h; (p = strstr(p, "\r\n")); p += 2)
        lines++;
    assert_int_equal(lines, 4);
    assert_non_null(strstr(h, "1005,3,,Aggregated,"));
    assert_null(strstr(h, "1008,5,"));
    assert_non_null(strstr(h, "1008,2,,Aggregated,0.000000,0.000000,42,42,42,42,42,42,42,42,42,"
                              "42,42,1,0,42,42.0,42.0,42.0,1.0\r\n"));
    free(h);
    snprintf(path, sizeof path, "%s_stats.csv", prefix);
    h = slurp_path(path);
    assert_non_null(strstr(h, "GET,/a,1,0,42,42.0,42.0,42.0,1.0,"));
    free(h);
    snprintf(path, sizeof path, "%s_failures.csv", prefix);
    h = slurp_path(path);
    assert_string_equal(h, "Method,Name,Error,Occurrences\r\n");   /* reset cleared errors */
    free(h);
    stats_set_free(s);
    /* an impossible prefix is reported with its path */
    assert_null(lc_writer_open("/proc/no/such/dir/run", false, &err));
    assert_non_null(strstr(err.msg, "/proc/no"));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_small),
        cmocka_unit_test(test_golden_first_history_row),
        cmocka_unit_test(test_golden_full_history),
        cmocka_unit_test(test_put_field),
        cmocka_unit_test(test_writer_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
