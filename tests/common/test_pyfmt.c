/* test_pyfmt.c — pyfmt_repr against Python's own repr() output.
 *
 * The expected strings were produced with
 *   /usr/bin/python3 -c 'print(repr(x))'
 * for each value and pasted here: they are fixtures from the reference
 * implementation, not results of the code under test. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "pyfmt.h"

static const struct { double v; const char *repr; } cases[] = {
    {0.0, "0.0"},
    {-0.0, "-0.0"},
    {1.0, "1.0"},
    {0.1, "0.1"},
    {0.5, "0.5"},
    {1.5, "1.5"},
    {2.0, "2.0"},
    {100.0, "100.0"},
    {150.0, "150.0"},
    {1e+16, "1e+16"},
    {1e-05, "1e-05"},
    {0.0001, "0.0001"},
    {1.5e+16, "1.5e+16"},
    {123456789012345.6, "123456789012345.6"},
    {1234567890123456.8, "1234567890123456.8"},
    {1.2345678901234568e+16, "1.2345678901234568e+16"},
    {1e+22, "1e+22"},
    {1e-07, "1e-07"},
    {1.7759363315504855, "1.7759363315504855"},
    {0.9637179999799628, "0.9637179999799628"},
    {13.73929300001464, "13.73929300001464"},
    {9.919869757125506, "9.919869757125506"},
    {12.417878999997356, "12.417878999997356"},
    {1.0 / 3, "0.3333333333333333"},
    {2.0 / 3, "0.6666666666666666"},
    {0.1 + 0.2, "0.30000000000000004"},
    {5e-324, "5e-324"},
    {1.7976931348623157e+308, "1.7976931348623157e+308"},
    {123.456, "123.456"},
    {-2.5, "-2.5"},
    {1e+100, "1e+100"},
    {0.00012345, "0.00012345"},
    {465.03, "465.03"},
    {963.6, "963.6"},
    {107.3, "107.3"},
    {3317.24, "3317.24"},
    {18.85, "18.85"},
    {1000000000000000.0, "1000000000000000.0"},
    {2.2250738585072014e-308, "2.2250738585072014e-308"},
    /* powers of two where the nearest 16-digit string does not round-trip
     * but its upper neighbour does (found by pyfmt_fuzz.sh) */
    {0x1p-1017, "7.120236347223045e-307"},
    {-0x1p-1007, "-7.291122019556398e-304"},
    {0x1p-957, "8.209073602596753e-289"},
};

static void test_repr_table(void **state)
{
    (void)state;
    char buf[PYFMT_REPR_MAX];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = pyfmt_repr(buf, sizeof buf, cases[i].v);
        assert_string_equal(buf, cases[i].repr);
        assert_int_equal(n, strlen(cases[i].repr));
    }
}

static void test_repr_specials(void **state)
{
    (void)state;
    char buf[PYFMT_REPR_MAX];
    pyfmt_repr(buf, sizeof buf, INFINITY);
    assert_string_equal(buf, "inf");
    pyfmt_repr(buf, sizeof buf, -INFINITY);
    assert_string_equal(buf, "-inf");
    pyfmt_repr(buf, sizeof buf, NAN);
    assert_string_equal(buf, "nan");
}

/* A short buffer is truncated but the full length is returned. */
static void test_repr_truncates(void **state)
{
    (void)state;
    char buf[4];
    size_t n = pyfmt_repr(buf, sizeof buf, 1.7759363315504855);
    assert_int_equal(n, 18);
    assert_string_equal(buf, "1.7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repr_table),
        cmocka_unit_test(test_repr_specials),
        cmocka_unit_test(test_repr_truncates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
