/* test_runfiles.c — sibling paths of a run, and keeping only the Aggregated
 * rows of a full history (read through common's reader from a temp file). */
#include "aztest.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "runfiles.h"

static void test_sibling(void **state)
{
    (void)state;
    char *s = runfiles_sibling("runs/a/run1_stats.csv", "_meta.json");
    assert_string_equal(s, "runs/a/run1_meta.json");
    free(s);
    s = runfiles_sibling("_stats.csv", "_stats_history.csv");
    assert_string_equal(s, "_stats_history.csv");
    free(s);
    assert_null(runfiles_sibling("profile_1500_fb69a06.csv", "_meta.json"));
    assert_null(runfiles_sibling("run_stats.csv.bak", "_meta.json"));
    assert_false(runfiles_exists("/nonexistent/file"));
    assert_false(runfiles_exists("/tmp"));   /* a folder is not a run file */
}

static const char HEADER[] =
    "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,"
    "99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response "
    "Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,"
    "Total Average Content Size\r\n";

static void test_history(void **state)
{
    (void)state;
    char path[] = "/tmp/az_hist_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(HEADER, f);
    fputs("1700000000,0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,"
          "N/A,N/A,0,0,0,0.0,0,0,0\r\n", f);
    for (int t = 1; t <= 3; t++) {
        fprintf(f, "%d,10,GET,/a,5.000000,0.000000,10,11,12,13,15,20,30,40,50,60,70,%d,0,10,"
                "12.5,1.0,70.0,47.0\r\n", 1700000000 + t, 5 * t);
        fprintf(f, "%d,10,,Aggregated,%d.500000,0.000000,10,11,12,13,15,%d,30,%d,50,60,70,%d,0,"
                "10,12.5,1.0,70.0,47.0\r\n", 1700000000 + t, 10 * t, 20 + t, 40 + t, 10 * t);
    }
    fclose(f);
    run_history h;
    lb_err err = {0};
    assert_int_equal(runfiles_load_history(path, &h, &err), 0);
    assert_int_equal(h.n, 4);                    /* the GET /a rows are dropped */
    assert_int_equal(h.pts[0].requests, 0);
    assert_false(h.pts[0].has_p95);              /* N/A */
    assert_int_equal(h.pts[3].t, 1700000003);
    assert_int_equal(h.pts[3].users, 10);
    assert_double_equal(h.pts[3].rps, 30.5, 1e-12);
    assert_double_equal(h.pts[3].p95, 23, 0);
    assert_double_equal(h.pts[3].p99, 43, 0);
    assert_int_equal(h.pts[3].requests, 30);
    runfiles_history_free(&h);
    /* a stats table is not a history */
    model_profile p;
    assert_int_equal(runfiles_load_profile(path, &p, &err), -1);
    assert_non_null(strstr(err.msg, path));
    unlink(path);
    assert_int_equal(runfiles_load_history(path, &h, &err), -1);
    assert_non_null(strstr(err.msg, path));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sibling),
        cmocka_unit_test(test_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
