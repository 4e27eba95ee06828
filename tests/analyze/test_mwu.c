/* test_mwu.c — Mann-Whitney U against values computed independently.
 *
 * Fixtures: computed with /usr/bin/python3 while writing this test (average
 * ranks, tie term sum(t^3-t), continuity correction 0.5, p = erfc(z/sqrt 2)),
 * U cross-checked by brute force over all pairs; the first case also by hand:
 * n1 = n2 = 5, U = 0, mu = 12.5, var = 25/12 * 11 = 22.917, z = 12/4.787 =
 * 2.5067, p = 0.01219 (scipy's documented asymptotic value for this case). */
#include "aztest.h"
#include <math.h>
#include "mwu.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void check(const double *x, size_t nx, const double *y, size_t ny, double u,
                  double z, double p)
{
    mwu_result r;
    assert_int_equal(mwu_test(x, nx, y, ny, &r), 0);
    assert_double_equal(r.u, u, 1e-12);
    assert_double_equal(r.z, z, 1e-9);
    assert_double_equal(r.p, p, 1e-12);
}

static void test_separated(void **state)
{
    (void)state;
    const double x[] = { 1, 2, 3, 4, 5 }, y[] = { 6, 7, 8, 9, 10 };
    check(x, N(x), y, N(y), 0.0, 2.5067182457620487, 0.012185780355344818);
    /* Swapping the samples mirrors U (n1*n2 - U) and keeps p. */
    check(y, N(y), x, N(x), 25.0, 2.5067182457620487, 0.012185780355344818);
}

static void test_ties(void **state)
{
    (void)state;
    const double x[] = { 1, 2, 2, 3, 4 }, y[] = { 2, 3, 3, 5, 6, 7 };
    check(x, N(x), y, N(y), 6.0, 1.5808902038022714, 0.11390314458853065);
    const double a[] = { 3.1, 2.2, 5.5, 4.0, 1.0, 6.5, 7.25, 2.2 };
    const double b[] = { 8.0, 9.5, 7.25, 10.0, 11.0, 12.5 };
    check(a, N(a), b, N(b), 0.5, 2.975834731182866, 0.0029219228085291637);
}

static void test_identical_and_constant(void **state)
{
    (void)state;
    const double x[] = { 10, 20, 30 };
    check(x, N(x), x, N(x), 4.5, 0.0, 1.0);
    const double c[] = { 7, 7, 7 }, d[] = { 7, 7 };
    check(c, N(c), d, N(d), 3.0, 0.0, 1.0);   /* no spread at all: p = 1 */
}

static void test_empty(void **state)
{
    (void)state;
    const double x[] = { 1 };
    mwu_result r = { 42, 42, 42 };
    assert_int_equal(mwu_test(x, 1, x, 0, &r), -1);
    assert_int_equal(mwu_test(x, 0, x, 1, &r), -1);
    assert_double_equal(r.u, 42, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_separated),
        cmocka_unit_test(test_ties),
        cmocka_unit_test(test_identical_and_constant),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
