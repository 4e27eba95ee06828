/* test_profile.c — the per-request profile rollup of `analyze profile`:
 * percentiles against hand-computed values (exact and bucketed), shares,
 * endpoint order, top phases, the reader's errors with file:line, the
 * directory listing, and the exact CSV rendering. */
#include "aztest.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "profile_rollup.h"
#include "profile_write.h"

/* A record of method/route with total t and phases p[0..6] (parse..write). */
static pr_record rec(const char *method, const char *route, uint64_t total,
                     const uint64_t p[PR_NPHASES])
{
    pr_record r = { .method = method, .route = route, .status = 200,
                    .timestamp_us = 1700000000000000ull };
    r.us[PR_TOTAL] = total;
    for (int i = 0; i < PR_NPHASES; i++)
        r.us[PR_PARSE + i] = p ? p[i] : 0;
    return r;
}

static void add(pr_rollup *r, const pr_record *x)
{
    lb_err err = {0};
    assert_int_equal(pr_add(r, x, &err), 0);
}

static const pr_endpoint *find(const pr_rollup *r, const char *method, const char *route)
{
    for (size_t i = 0; i < r->neps; i++)
        if (!strcmp(r->eps[i].method, method) && !strcmp(r->eps[i].route, route))
            return &r->eps[i];
    fail_msg("no endpoint %s %s", method, route);
    return NULL;
}

/* Totals 100, 200, ..., 2000 us: below 2048 us every value has its own
 * counter, so p50 is the 10th value and p95 the ceil(0.95*20) = 19th. */
static void test_percentiles_exact(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    for (uint64_t v = 2000; v >= 100; v -= 100) {   /* order must not matter */
        uint64_t p[PR_NPHASES] = { 0, 0, 0, v / 2, 0, 0, 0 };
        pr_record x = rec("GET", "/a", v, p);
        add(&r, &x);
    }
    const pr_endpoint *e = find(&r, "GET", "/a");
    assert_int_equal(e->count, 20);
    assert_double_equal(pr_quantile_ms(e, PR_TOTAL, 0.50), 1.0, 1e-12);
    assert_double_equal(pr_quantile_ms(e, PR_TOTAL, 0.95), 1.9, 1e-12);
    assert_double_equal(pr_quantile_ms(e, PR_DB, 0.50), 0.5, 1e-12);
    assert_double_equal(pr_quantile_ms(e, PR_DB, 0.95), 0.95, 1e-12);
    /* phases that never happened: all-zero distribution */
    assert_double_equal(pr_quantile_ms(e, PR_BCRYPT, 0.95), 0.0, 1e-12);
    assert_int_equal(e->sum[PR_TOTAL], 21000);
    assert_int_equal(e->sum[PR_DB], 10500);
    pr_free(&r);
}

/* Totals 1000, 2000, ..., 10000 us. p50 is the 5th value, 5000 us, which
 * above 4096 us shares a counter of width 4 with 5001..5003 and is reported
 * as the counter's top: 5.003 ms (hdr.h's < 0.1% rule). p95 is the 10th,
 * 10000 us, whose counter top 10007 is clamped to the exact maximum. */
static void test_percentiles_bucketed(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    for (uint64_t v = 1000; v <= 10000; v += 1000) {
        pr_record x = rec("GET", "/b", v, NULL);
        add(&r, &x);
    }
    const pr_endpoint *e = find(&r, "GET", "/b");
    assert_double_equal(pr_quantile_ms(e, PR_TOTAL, 0.50), 5.003, 1e-12);
    assert_double_equal(pr_quantile_ms(e, PR_TOTAL, 0.95), 10.0, 1e-12);
    assert_double_equal(pr_quantile_ms(e, PR_TOTAL, 0.0), 1.0, 1e-12);
    pr_free(&r);
}

/* Server share, phase shares and "other", including phases that add up to
 * more than the total (bcrypt's wall time, per-phase rounding). */
static void test_shares(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    uint64_t p1[PR_NPHASES] = { 10, 20, 0, 500, 0, 100, 70 };      /* sum 700 */
    pr_record a = rec("GET", "/logs", 1000, p1);
    add(&r, &a);
    add(&r, &a);                                                   /* 2000 us */
    uint64_t p2[PR_NPHASES] = { 0, 0, 0, 300, 5800, 0, 0 };        /* sum 6100 */
    pr_record b = rec("POST", "/login", 6000, p2);
    add(&r, &b);
    assert_int_equal(r.rows, 3);
    assert_int_equal(r.total_sum, 8000);
    const pr_endpoint *logs = find(&r, "GET", "/logs"), *login = find(&r, "POST", "/login");
    assert_double_equal(pr_server_share(&r, logs), 25.0, 1e-9);
    assert_double_equal(pr_server_share(&r, login), 75.0, 1e-9);
    assert_double_equal(pr_phase_share(logs, PR_DB), 50.0, 1e-9);
    assert_double_equal(pr_phase_share(logs, PR_WRITE), 7.0, 1e-9);
    assert_double_equal(pr_phase_share(logs, PR_CACHE), 0.0, 1e-9);
    assert_double_equal(pr_other_share(logs), 30.0, 1e-9);
    assert_double_equal(pr_phase_share(login, PR_BCRYPT), 5800.0 / 60.0, 1e-9);
    assert_double_equal(pr_other_share(login), 0.0, 1e-9);           /* clamped */

    /* an endpoint whose totals are all 0 has no shares, not NaN */
    pr_record z = rec("GET", "/zero", 0, NULL);
    add(&r, &z);
    const pr_endpoint *zero = find(&r, "GET", "/zero");
    assert_double_equal(pr_server_share(&r, zero), 0.0, 0.0);
    assert_double_equal(pr_phase_share(zero, PR_DB), 0.0, 0.0);
    assert_double_equal(pr_other_share(zero), 0.0, 0.0);
    pr_free(&r);

    pr_init(&r);   /* an empty rollup: server share of anything is 0 */
    pr_endpoint none = { 0 };
    assert_double_equal(pr_server_share(&r, &none), 0.0, 0.0);
}

/* Sorted by summed total time, largest first; ties by route, then method. */
static void test_sorting(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    pr_record xs[] = {
        rec("GET", "/small", 10, NULL),
        rec("POST", "/tie", 500, NULL),
        rec("GET", "/tie", 500, NULL),
        rec("GET", "/big", 400, NULL),
        rec("GET", "/atie", 500, NULL),
        rec("GET", "/big", 400, NULL),        /* /big: 800 in two requests */
    };
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
        add(&r, &xs[i]);
    assert_int_equal(r.neps, 5);
    const pr_endpoint *out[5];
    pr_sorted(&r, out);
    const char *want[5][2] = { { "GET", "/big" }, { "GET", "/atie" }, { "GET", "/tie" },
                               { "POST", "/tie" }, { "GET", "/small" } };
    for (int i = 0; i < 5; i++) {
        assert_string_equal(out[i]->method, want[i][0]);
        assert_string_equal(out[i]->route, want[i][1]);
    }
    assert_int_equal(out[0]->count, 2);
    pr_free(&r);
}

/* Top phases: only phases with time, largest first, ties in file order. */
static void test_top_phases(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    uint64_t p[PR_NPHASES] = { 5, 0, 40, 40, 0, 90, 5 };
    pr_record x = rec("GET", "/t", 200, p);
    add(&r, &x);
    pr_time top[PR_NPHASES];
    size_t n = pr_top_phases(&r.eps[0], top);
    pr_time want[] = { PR_SERIALIZE, PR_CACHE, PR_DB, PR_PARSE, PR_WRITE };
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(top[i], want[i]);
    pr_record none = rec("GET", "/none", 7, NULL);
    add(&r, &none);
    assert_int_equal(pr_top_phases(find(&r, "GET", "/none"), top), 0);
    pr_free(&r);
}

/* Many endpoints: the index grows and every record lands on its own one. */
static void test_many_endpoints(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    char route[32];
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 1000; i++) {
            snprintf(route, sizeof route, "/r/%d", i);
            pr_record x = rec(i % 2 ? "GET" : "POST", route, (uint64_t)i, NULL);
            add(&r, &x);
        }
    assert_int_equal(r.neps, 1000);
    assert_int_equal(r.rows, 3000);
    for (size_t i = 0; i < r.neps; i++)
        assert_int_equal(r.eps[i].count, 3);
    assert_int_equal(find(&r, "GET", "/r/999")->sum[PR_TOTAL], 3 * 999);
    pr_free(&r);
}

static void test_overflow(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    pr_record x = rec("GET", "/o", UINT64_MAX - 5, NULL);
    add(&r, &x);
    pr_record y = rec("GET", "/o", 10, NULL);
    lb_err err = {0};
    assert_int_equal(pr_add(&r, &y, &err), -1);
    assert_non_null(strstr(err.msg, "overflows 64 bits"));
    assert_int_equal(r.rows, 1);
    assert_int_equal(find(&r, "GET", "/o")->count, 1);
    pr_free(&r);
}

/* ---------------------------------------------------------------- files */

static char dir[] = "/tmp/az_profile_XXXXXX";
#define HDR "timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us," \
            "db_us,bcrypt_us,serialize_us,write_us\n"

static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static int setup_dir(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_read_file(void **state)
{
    (void)state;
    const char *path = write_file("requests-1.csv", HDR
        "1700000000000000,GET,/api/v1/logs,200,1000,10,20,0,500,0,100,70\n"
        "1700000000000001,GET,/api/v1/logs,200,1000,10,20,0,500,0,100,70\n"
        "\n"                                               /* blank lines are skipped */
        "1700000000000002,POST,\"/a,b\",503,6000,0,0,0,300,5800,0,0\r\n");
    pr_rollup r;
    pr_init(&r);
    lb_err err = {0};
    assert_int_equal(pr_read_file(&r, path, NULL, NULL, &err), 0);
    assert_int_equal(r.rows, 3);
    assert_int_equal(r.neps, 2);
    assert_int_equal(find(&r, "POST", "/a,b")->sum[PR_BCRYPT], 5800);
    assert_int_equal(find(&r, "GET", "/api/v1/logs")->sum[PR_WRITE], 140);
    /* a header-only file adds nothing and is fine */
    path = write_file("requests-2.csv", HDR);
    assert_int_equal(pr_read_file(&r, path, NULL, NULL, &err), 0);
    assert_int_equal(r.rows, 3);
    pr_free(&r);
}

static void count_progress(void *ctx, uint64_t rows)
{
    uint64_t *calls = ctx;
    calls[0]++;
    calls[1] = rows;
}

/* Progress is reported every PR_PROGRESS_ROWS records of a file, with the
 * count so far (a short-rowed file just past one interval, ~27 MB). */
static void test_read_progress(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/requests-big.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(HDR, f);
    for (unsigned i = 0; i < PR_PROGRESS_ROWS + 5; i++)
        fputs("1,G,/,200,1,0,0,0,0,0,0,0\n", f);
    assert_int_equal(fclose(f), 0);
    pr_rollup r;
    pr_init(&r);
    lb_err err = {0};
    uint64_t calls[2] = { 0, 0 };
    assert_int_equal(pr_read_file(&r, path, count_progress, calls, &err), 0);
    assert_int_equal(calls[0], 1);
    assert_int_equal(calls[1], PR_PROGRESS_ROWS);
    assert_int_equal(r.rows, PR_PROGRESS_ROWS + 5);
    assert_int_equal(r.eps[0].sum[PR_TOTAL], PR_PROGRESS_ROWS + 5);
    pr_free(&r);
    unlink(path);
}

/* Every bad input is an error naming file:line (and column for a cell). */
static void test_read_errors(void **state)
{
    (void)state;
    static const struct { const char *text, *want; } cases[] = {
        { "", "bad.csv:1: empty file" },
        { "a,b,c\n1,2,3\n", "bad.csv:1: unknown header" },
        { "timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,"
          "db_us,bcrypt_us,serialize_us\n", "bad.csv:1: unknown header" },
        { HDR "1,GET,/a,200,5,0,0\n", "bad.csv:2: ragged row: 7 fields, the header has 12" },
        { HDR "1,GET,/a,200,5,0,0,0,0,0,0,0\n1,GET,/a,200,5,0,0,0,0,0,0,0,9\n",
          "bad.csv:3: ragged row: 13 fields" },
        { HDR "1,GET,/a,200,5,0,0,0,abc,0,0,0\n", "bad.csv:2:9: db_us 'abc' is not a whole number" },
        { HDR "1,GET,/a,200,5,0,0,0,1.5,0,0,0\n", "bad.csv:2:9: db_us '1.5' is not a whole number" },
        { HDR "1,GET,/a,200,5,-3,0,0,0,0,0,0\n", "bad.csv:2:6: parse_us '-3' is negative" },
        { HDR "1,GET,/a,200,,0,0,0,0,0,0,0\n", "bad.csv:2:5: total_us '' is not a whole number" },
        { HDR "1,GET,/a,200,99999999999999999999,0,0,0,0,0,0,0\n",
          "bad.csv:2:5: total_us '99999999999999999999' does not fit 64 bits" },
        { HDR "x,GET,/a,200,5,0,0,0,0,0,0,0\n", "bad.csv:2:1: timestamp_us 'x'" },
        { HDR "1,GET,/a,99,5,0,0,0,0,0,0,0\n", "bad.csv:2:4: status '99' is not an HTTP status" },
        { HDR "1,GET,/a,600,5,0,0,0,0,0,0,0\n", "bad.csv:2:4: status '600'" },
        { HDR "1,GET,,200,5,0,0,0,0,0,0,0\n", "bad.csv:2:3: empty route" },
        { HDR "1,,/a,200,5,0,0,0,0,0,0,0\n", "bad.csv:2:2: empty method" },
        { HDR "1,GET,\"/a,200,5,0,0,0,0,0,0,0\n", "bad.csv" },   /* unterminated quote */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = write_file("bad.csv", cases[i].text);
        pr_rollup r;
        pr_init(&r);
        lb_err err = {0};
        int rc = pr_read_file(&r, path, NULL, NULL, &err);
        if (rc != -1 || !strstr(err.msg, cases[i].want) || strncmp(err.msg, dir, strlen(dir)))
            fail_msg("case %zu: rc %d, message '%s', want '%s'", i, rc, err.msg, cases[i].want);
        pr_free(&r);
    }
    pr_rollup r;
    pr_init(&r);
    lb_err err = {0};
    assert_int_equal(pr_read_file(&r, "/nonexistent/requests-1.csv", NULL, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/requests-1.csv: No such file"));
    pr_free(&r);
}

static void test_list_files(void **state)
{
    (void)state;
    char sub[300];
    snprintf(sub, sizeof sub, "%s/list", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    char **paths;
    size_t n;
    lb_err err = {0};
    assert_int_equal(pr_list_files(sub, &paths, &n, &err), -1);   /* empty folder */
    assert_non_null(strstr(err.msg, "no requests-*.csv files"));
    const char *names[] = { "requests-2.csv", "requests-10.csv", "other.csv",
                            "requests-3.csv.bak", "requests-1.txt", "requests-a.csv" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char p[400];
        snprintf(p, sizeof p, "list/%s", names[i]);
        write_file(p, HDR);
    }
    assert_int_equal(pr_list_files(sub, &paths, &n, &err), 0);
    assert_int_equal(n, 3);
    const char *want[] = { "requests-10.csv", "requests-2.csv", "requests-a.csv" };
    for (size_t i = 0; i < n; i++) {
        char p[400];
        snprintf(p, sizeof p, "%s/%s", sub, want[i]);
        assert_string_equal(paths[i], p);
    }
    pr_paths_free(paths, n);
    assert_int_equal(pr_list_files("/nonexistent/dir", &paths, &n, &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/dir: No such file"));
}

/* ---------------------------------------------------------------- output */

static char out[65536];

static void test_write_csv(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    uint64_t p1[PR_NPHASES] = { 10, 20, 0, 500, 0, 100, 70 };
    pr_record a = rec("GET", "/logs", 1000, p1);
    add(&r, &a);
    add(&r, &a);
    uint64_t p2[PR_NPHASES] = { 12, 0, 0, 300, 5800, 0, 0 };
    pr_record b = rec("POST", "/log,in", 6000, p2);
    add(&r, &b);
    memset(out, 0, sizeof out);
    FILE *f = fmemopen(out, sizeof out - 1, "w");
    assert_int_equal(pr_write(f, &r, 1, FMT_CSV, 1), 0);
    fclose(f);
    assert_string_equal(out,
        "method,route,requests,share_pct,total_ms,p50_ms,p95_ms,"
        "parse_p50_ms,parse_p95_ms,parse_pct,auth_p50_ms,auth_p95_ms,auth_pct,"
        "cache_p50_ms,cache_p95_ms,cache_pct,db_p50_ms,db_p95_ms,db_pct,"
        "bcrypt_p50_ms,bcrypt_p95_ms,bcrypt_pct,serialize_p50_ms,serialize_p95_ms,"
        "serialize_pct,write_p50_ms,write_p95_ms,write_pct,other_pct,top_phases\n"
        /* 6000 of 8000 us; bcrypt 5800/6000; phases sum past the total: other 0 */
        "POST,\"/log,in\",1,75,6,6,6,0.012,0.012,0.2,0,0,0,0,0,0,0.3,0.3,5,"
        "5.8,5.8,96.67,0,0,0,0,0,0,0,bcrypt;db;parse\n"
        "GET,/logs,2,25,2,1,1,0.01,0.01,1,0.02,0.02,2,0,0,0,0.5,0.5,50,"
        "0,0,0,0.1,0.1,10,0.07,0.07,7,30,db;serialize;write;auth;parse\n");
    pr_free(&r);
}

static void test_write_md(void **state)
{
    (void)state;
    pr_rollup r;
    pr_init(&r);
    uint64_t p[PR_NPHASES] = { 1, 0, 0, 0, 0, 0, 0 };
    pr_record big = rec("GET", "/big", 999000, p);         /* parse is 0.0001% */
    add(&r, &big);
    pr_record mid = rec("GET", "/mid", 800, NULL);
    add(&r, &mid);
    pr_record small = rec("GET", "/small", 200, NULL);
    add(&r, &small);
    memset(out, 0, sizeof out);
    FILE *f = fmemopen(out, sizeof out - 1, "w");
    assert_int_equal(pr_write(f, &r, 2, FMT_MD, 1), 0);
    fclose(f);
    assert_non_null(strstr(out, "**3 requests** in 2 files, 3 endpoints, 1 s of server time"));
    assert_non_null(strstr(out, "| `GET /big` | 1 | 99.9% | 999 | 999 | parse <0.1% |\n"));
    assert_null(strstr(out, "/mid"));
    assert_non_null(strstr(out, "2 more endpoints not shown (0.1% of server time"));
    assert_non_null(strstr(out, "| `GET /big` | 0.001 / 0.001 (<0.1%) | — | — | — | — | — | — | 100% |\n"));
    pr_free(&r);

    pr_init(&r);   /* nothing recorded: a sentence, no empty tables */
    memset(out, 0, sizeof out);
    f = fmemopen(out, sizeof out - 1, "w");
    assert_int_equal(pr_write(f, &r, 1, FMT_MD, 0), 0);
    fclose(f);
    assert_non_null(strstr(out, "**0 requests** in 1 file, 0 endpoints"));
    assert_non_null(strstr(out, "No requests recorded."));
    assert_null(strstr(out, "| Endpoint"));
    pr_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentiles_exact),
        cmocka_unit_test(test_percentiles_bucketed),
        cmocka_unit_test(test_shares),
        cmocka_unit_test(test_sorting),
        cmocka_unit_test(test_top_phases),
        cmocka_unit_test(test_many_endpoints),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_read_progress),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_list_files),
        cmocka_unit_test(test_write_csv),
        cmocka_unit_test(test_write_md),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
