/* test_reqlog.c — the --profile-requests row format (docs/analyze.md
 * "Per-request profiles"): rounding to whole µs, field order, quoting only
 * when needed, refusing a row that does not fit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "lens/reqlog.h"

static void test_row_fields_in_order(void **state)
{
    (void)state;
    rs_phase ph = {.parse_ns = 1499, .auth_ns = 1500, .cache_ns = 0, .db_ns = 2000000,
                   .bcrypt_ns = 999, .serialize_ns = 7000, .write_ns = 12345};
    char buf[256];
    size_t n = reqlog_format(buf, sizeof buf, 1700000000123456ull, "GET", "/api/v1/logs", 200,
                             2500400, &ph);
    const char *want = "1700000000123456,GET,/api/v1/logs,200,2500,1,2,0,2000,1,7,12\n";
    assert_int_equal(n, strlen(want));
    assert_string_equal(buf, want);
}

static void test_quoting_only_when_needed(void **state)
{
    (void)state;
    rs_phase ph = {0};
    char buf[256];
    size_t n = reqlog_format(buf, sizeof buf, 1, "GET", "/a,\"b\"", 404, 0, &ph);
    assert_true(n > 0);
    assert_string_equal(buf, "1,GET,\"/a,\"\"b\"\"\",404,0,0,0,0,0,0,0,0\n");
    n = reqlog_format(buf, sizeof buf, 1, "POST", "(no route)", 405, 0, &ph);
    assert_string_equal(buf, "1,POST,(no route),405,0,0,0,0,0,0,0,0\n");
}

static void test_too_small_buffer(void **state)
{
    (void)state;
    rs_phase ph = {0};
    char buf[20];
    assert_int_equal(reqlog_format(buf, sizeof buf, 1700000000123456ull, "GET",
                                   "/api/v1/logs/histogram", 200, 1, &ph), 0);
}

static void test_header_matches_spec(void **state)
{
    (void)state;
    assert_string_equal(REQLOG_HEADER, "timestamp_us,method,route,status,total_us,parse_us,"
                                       "auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_row_fields_in_order),
        cmocka_unit_test(test_quoting_only_when_needed),
        cmocka_unit_test(test_too_small_buffer),
        cmocka_unit_test(test_header_matches_spec),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
