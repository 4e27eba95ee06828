/* test_fmt.c — analyze's number formatting: decimals, grouping, delta signs. */
#include "aztest.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "fmt.h"

static void test_num_plain(void **state)
{
    (void)state;
    char b[FMT_NUM_MAX];
    assert_string_equal(fmt_num(b, sizeof b, 690, 2, false), "690");
    assert_string_equal(fmt_num(b, sizeof b, 1773.51, 2, false), "1773.51");
    assert_string_equal(fmt_num(b, sizeof b, 880.4, 2, false), "880.4");
    assert_string_equal(fmt_num(b, sizeof b, 1.7759363315504855, 2, false), "1.78");
    assert_string_equal(fmt_num(b, sizeof b, 0.004, 2, false), "0");
    assert_string_equal(fmt_num(b, sizeof b, -0.001, 2, false), "0");
    assert_string_equal(fmt_num(b, sizeof b, -12.5, 1, false), "-12.5");
    assert_string_equal(fmt_num(b, sizeof b, NAN, 2, false), "nan");
    assert_string_equal(fmt_num(b, sizeof b, -INFINITY, 2, false), "-inf");
}

static void test_num_grouped(void **state)
{
    (void)state;
    char b[FMT_NUM_MAX];
    assert_string_equal(fmt_num(b, sizeof b, 232648, 0, true), "232,648");
    assert_string_equal(fmt_num(b, sizeof b, 1585.1, 2, true), "1,585.1");
    assert_string_equal(fmt_num(b, sizeof b, 999, 0, true), "999");
    assert_string_equal(fmt_num(b, sizeof b, 1000000, 0, true), "1,000,000");
    assert_string_equal(fmt_num(b, sizeof b, -1234567.891, 2, true), "-1,234,567.89");
    assert_string_equal(fmt_num(b, sizeof b, 12999.71, 2, true), "12,999.71");
}

static void test_delta(void **state)
{
    (void)state;
    char b[FMT_NUM_MAX];
    assert_string_equal(fmt_delta(b, sizeof b, 19.155, true, FMT_MD), "+19.2%");
    assert_string_equal(fmt_delta(b, sizeof b, -50.72, true, FMT_MD), "-50.7%");
    assert_string_equal(fmt_delta(b, sizeof b, -0.04, true, FMT_MD), "0.0%");
    assert_string_equal(fmt_delta(b, sizeof b, 0.0, true, FMT_MD), "0.0%");
    assert_string_equal(fmt_delta(b, sizeof b, 5, false, FMT_MD), "n/a");
    assert_string_equal(fmt_delta(b, sizeof b, 19.155462, true, FMT_CSV), "19.16");
    assert_string_equal(fmt_delta(b, sizeof b, -50.724, true, FMT_CSV), "-50.72");
    assert_string_equal(fmt_delta(b, sizeof b, 5, false, FMT_CSV), "");
}

static void test_kind_and_cell(void **state)
{
    (void)state;
    fmt_kind k;
    assert_int_equal(fmt_parse_kind("md", &k), 0);
    assert_int_equal(k, FMT_MD);
    assert_int_equal(fmt_parse_kind("csv", &k), 0);
    assert_int_equal(k, FMT_CSV);
    assert_int_equal(fmt_parse_kind("tsv", &k), -1);
    char buf[64] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    fmt_md_cell(f, "a|b\nc");
    fclose(f);
    assert_string_equal(buf, "a\\|b c");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_plain),
        cmocka_unit_test(test_num_grouped),
        cmocka_unit_test(test_delta),
        cmocka_unit_test(test_kind_and_cell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
