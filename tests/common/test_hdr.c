/* test_hdr.c — hdr quantiles against exact sorted arrays.
 *
 * Contract under test: the quantile is the highest value equivalent to the
 * bucket holding the ceil(q*n)-th smallest value, clamped to [min, max], so
 * it is >= the exact order statistic and exceeds it by less than 1/1024 of
 * its value (exact below 2048 us). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <cmocka.h>
#include "hdr.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* xorshift so the test is deterministic */
static uint64_t rng_state = 88172645463325252ull;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void check_against_sorted(uint64_t *v, size_t n, hdr_hist *h)
{
    static const double qs[] = {0.0, 0.001, 0.1, 0.5, 0.66, 0.9, 0.95, 0.99, 0.999, 0.9999, 1.0};
    qsort(v, n, sizeof *v, cmp_u64);
    assert_int_equal(hdr_count(h), n);
    assert_int_equal(hdr_min(h), v[0]);
    assert_int_equal(hdr_max(h), v[n - 1]);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        double want = ceil(qs[i] * (double)n);
        size_t rank = want < 1 ? 1 : (size_t)want;
        uint64_t exact = qs[i] <= 0 ? v[0] : v[rank - 1];
        uint64_t got = hdr_quantile(h, qs[i]);
        assert_true(got >= exact);
        if (exact < 2048)
            assert_int_equal(got, exact);
        else
            assert_true((double)(got - exact) < (double)exact / 1024.0);
    }
}

static void test_empty(void **state)
{
    (void)state;
    hdr_hist *h = hdr_new();
    assert_non_null(h);
    assert_int_equal(hdr_count(h), 0);
    assert_int_equal(hdr_quantile(h, 0.5), 0);
    assert_int_equal(hdr_min(h), 0);
    assert_int_equal(hdr_max(h), 0);
    assert_true(hdr_mean(h) == 0.0);
    hdr_free(h);
}

static void test_uniform_wide(void **state)
{
    (void)state;
    enum { N = 100000 };
    uint64_t *v = malloc(N * sizeof *v);
    hdr_hist *h = hdr_new();
    uint64_t sum = 0;
    for (size_t i = 0; i < N; i++) {
        /* log-uniform over 1 us .. ~100 s */
        v[i] = (uint64_t)exp((double)(rnd() % 1000000) / 1000000.0 * log(1e8));
        sum += v[i];
        assert_int_equal(hdr_record(h, v[i]), 0);
    }
    assert_true(fabs(hdr_mean(h) - (double)sum / N) < 1e-6 * (double)sum / N);
    check_against_sorted(v, N, h);
    hdr_free(h);
    free(v);
}

static void test_small_exact(void **state)
{
    (void)state;
    uint64_t v[] = {5, 1, 2047, 3, 1000, 999, 0, 42};
    hdr_hist *h = hdr_new();
    for (size_t i = 0; i < 8; i++)
        hdr_record(h, v[i]);
    check_against_sorted(v, 8, h);
    assert_int_equal(hdr_quantile(h, 0.5), 5);   /* 4th of 0,1,3,5,42,... */
    hdr_free(h);
}

static void test_merge_exact(void **state)
{
    (void)state;
    enum { N = 20000 };
    uint64_t *v = malloc(N * sizeof *v);
    hdr_hist *a = hdr_new(), *b = hdr_new(), *all = hdr_new();
    for (size_t i = 0; i < N; i++) {
        v[i] = 500 + rnd() % 5000000;
        hdr_record(i % 3 ? a : b, v[i]);
        hdr_record(all, v[i]);
    }
    assert_int_equal(hdr_merge(a, b), 0);
    assert_int_equal(hdr_count(a), hdr_count(all));
    assert_true(hdr_mean(a) == hdr_mean(all));
    for (double q = 0.0; q <= 1.0; q += 0.01)
        assert_int_equal(hdr_quantile(a, q), hdr_quantile(all, q));
    check_against_sorted(v, N, a);
    hdr_free(a);
    hdr_free(b);
    hdr_free(all);
    free(v);
}

/* Memory is bounded and grows only with the magnitudes actually used. */
static void test_memory_bounded(void **state)
{
    (void)state;
    hdr_hist *h = hdr_new();
    size_t empty = hdr_memory(h);
    for (uint64_t us = 1000; us <= 10000; us += 7)   /* 1-10 ms */
        hdr_record(h, us);
    size_t decade = hdr_memory(h);
    assert_true(decade > empty);
    assert_true(decade < 40 * 1024);
    hdr_record(h, UINT64_MAX);                         /* clamped, counted */
    assert_int_equal(hdr_max(h), UINT64_MAX);
    assert_int_equal(hdr_quantile(h, 1.0), UINT64_MAX);
    hdr_reset(h);
    assert_int_equal(hdr_count(h), 0);
    assert_int_equal(hdr_quantile(h, 0.5), 0);
    hdr_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_uniform_wide),
        cmocka_unit_test(test_small_exact),
        cmocka_unit_test(test_merge_exact),
        cmocka_unit_test(test_memory_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
