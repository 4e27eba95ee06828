/* test_wait.c — wait-time functions, the RNG helpers and weighted choice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include "engine.h"
#include "rng.h"
#include "wait.h"

static void test_parse(void **state)
{
    (void)state;
    lg_wait w;
    lb_err err;
    assert_int_equal(wait_parse("between(0.01, 0.05)", &w, &err), 0);
    assert_int_equal(w.kind, LG_WAIT_BETWEEN);
    assert_true(w.a == 0.01 && w.b == 0.05);
    assert_int_equal(wait_parse(" constant(2) ", &w, &err), 0);
    assert_int_equal(w.kind, LG_WAIT_CONSTANT);
    assert_int_equal(wait_parse("constant_throughput(4)", &w, &err), 0);
    assert_int_equal(w.kind, LG_WAIT_THROUGHPUT);
    assert_int_equal(wait_parse("constant_pacing(1.5)", &w, &err), 0);
    assert_int_equal(w.kind, LG_WAIT_PACING);
    assert_int_equal(wait_parse("none", &w, &err), 0);
    assert_int_equal(w.kind, LG_WAIT_NONE);
    assert_int_equal(wait_parse("between(2, 1)", &w, &err), -1);
    assert_int_equal(wait_parse("between(1)", &w, &err), -1);
    assert_int_equal(wait_parse("constant(-1)", &w, &err), -1);
    assert_int_equal(wait_parse("constant_throughput(0)", &w, &err), -1);
    assert_int_equal(wait_parse("sometimes(1)", &w, &err), -1);
    assert_non_null(strstr(err.msg, "unknown function"));
    assert_int_equal(wait_parse("constant(1) x", &w, &err), -1);
    char buf[64];
    assert_int_equal(wait_parse("between(0.01, 0.05)", &w, &err), 0);
    wait_describe(&w, buf, sizeof buf);
    assert_string_equal(buf, "between(0.01, 0.05)");
}

static void test_between_range_and_spread(void **state)
{
    (void)state;
    lg_wait w = {LG_WAIT_BETWEEN, 0.01, 0.05};
    lg_wait_state st;
    lg_rng r;
    rng_seed(&r, 42);
    wait_state_init(&st);
    double lo = 1, hi = 0, sum = 0;
    for (int i = 0; i < 100000; i++) {
        double v = wait_next(&w, &st, 0, &r);
        assert_true(v >= 0.01 && v <= 0.05);
        lo = fmin(lo, v);
        hi = fmax(hi, v);
        sum += v;
    }
    assert_true(lo < 0.0101 && hi > 0.0499);
    assert_true(fabs(sum / 100000 - 0.03) < 0.0005);
}

static void test_constant_and_pacing(void **state)
{
    (void)state;
    lg_rng r;
    rng_seed(&r, 1);
    lg_wait_state st;
    wait_state_init(&st);
    lg_wait c = {LG_WAIT_CONSTANT, 2, 2};
    assert_true(wait_next(&c, &st, 5, &r) == 2);
    /* constant_pacing(1): a task of 0.3 s leaves a 0.7 s wait. */
    lg_wait p = {LG_WAIT_PACING, 1, 1};
    wait_state_init(&st);
    assert_true(wait_next(&p, &st, 10.0, &r) == 1.0);  /* first call: nothing ran yet */
    double w = wait_next(&p, &st, 11.3, &r);           /* waited 1.0, task took 0.3 */
    assert_true(fabs(w - 0.7) < 1e-9);
    w = wait_next(&p, &st, 12.0 + 1.5, &r);            /* waited 0.7, task took 1.5 */
    assert_true(w == 0.0);
    /* constant_throughput(4) = pacing of 0.25 s. */
    lg_wait t = {LG_WAIT_THROUGHPUT, 4, 4};
    wait_state_init(&st);
    assert_true(wait_next(&t, &st, 0, &r) == 0.25);
    w = wait_next(&t, &st, 0.25 + 0.05, &r);
    assert_true(fabs(w - 0.20) < 1e-9);
    lg_wait n = {LG_WAIT_NONE, 0, 0};
    assert_true(wait_next(&n, &st, 0, &r) == 0);
}

static void test_rng(void **state)
{
    (void)state;
    lg_rng a, b;
    rng_seed(&a, 7);
    rng_seed(&b, 7);
    for (int i = 0; i < 10; i++)
        assert_true(rng_next(&a) == rng_next(&b));
    int seen[11] = {0};
    for (int i = 0; i < 20000; i++) {
        int64_t v = rng_range(&a, 0, 10);
        assert_true(v >= 0 && v <= 10);
        seen[v]++;
    }
    for (int i = 0; i <= 10; i++)
        assert_true(seen[i] > 1500);
    assert_true(rng_range(&a, 5, 5) == 5);
    for (int i = 0; i < 1000; i++) {
        double u = rng_unit(&a);
        assert_true(u >= 0 && u < 1);
    }
}

/* Weighted choice matches the weights (the decnet mix: 10, 8, 2, 1). */
static void test_weighted_pick(void **state)
{
    (void)state;
    double cum[4] = {10, 18, 20, 21};
    int n[4] = {0};
    lg_rng r;
    rng_seed(&r, 99);
    const int draws = 210000;
    for (int i = 0; i < draws; i++)
        n[rng_pick(&r, cum, 4)]++;
    const double w[4] = {10, 8, 2, 1};
    for (int i = 0; i < 4; i++) {
        double expect = draws * w[i] / 21.0;
        assert_true(fabs(n[i] - expect) < 0.03 * expect + 50);
    }
    double one[1] = {3};
    assert_int_equal(rng_pick(&r, one, 1), 0);
}

/* Locust's ramp: -u 20 -r 5 gives 5, 10, 15, 20 users at t = 0, 1, 2, 3 s. */
static void test_spawn_schedule(void **state)
{
    (void)state;
    assert_int_equal(engine_spawn_target(20, 5, 0), 5);
    assert_int_equal(engine_spawn_target(20, 5, 0.99), 5);
    assert_int_equal(engine_spawn_target(20, 5, 1.0), 10);
    assert_int_equal(engine_spawn_target(20, 5, 2.5), 15);
    assert_int_equal(engine_spawn_target(20, 5, 3.0), 20);
    assert_int_equal(engine_spawn_target(20, 5, 100), 20);
    /* 2000 users at 200/s: done at t = 9 s (10 steps, the first at 0). */
    assert_int_equal(engine_spawn_target(2000, 200, 8.99), 1800);
    assert_int_equal(engine_spawn_target(2000, 200, 9.0), 2000);
    /* fractional rate 0.5: one user every 2 s */
    assert_int_equal(engine_spawn_target(3, 0.5, 0), 1);
    assert_int_equal(engine_spawn_target(3, 0.5, 1.9), 1);
    assert_int_equal(engine_spawn_target(3, 0.5, 2.0), 2);
    /* rate 2.5: steps of 2 users every 0.8 s */
    assert_int_equal(engine_spawn_target(10, 2.5, 0.79), 2);
    assert_int_equal(engine_spawn_target(10, 2.5, 0.8), 4);
    assert_int_equal(engine_spawn_target(5, 1, -1), 0);
}

static void test_spawn_duration(void **state)
{
    (void)state;
    assert_true(engine_spawn_duration(20, 5) == 3.0);
    assert_true(engine_spawn_duration(2000, 200) == 9.0);
    assert_true(engine_spawn_duration(5, 10) == 0.0);
    assert_true(engine_spawn_duration(3, 0.5) == 4.0);
    /* consistent with the schedule: the target is reached exactly then */
    assert_int_equal(engine_spawn_target(2000, 200, engine_spawn_duration(2000, 200)), 2000);
    assert_int_equal(engine_spawn_target(2000, 200, engine_spawn_duration(2000, 200) - 0.01), 1800);
}

static void test_engine_share(void **state)
{
    (void)state;
    long sum = 0;
    for (int i = 0; i < 3; i++)
        sum += engine_share(10, 3, i);
    assert_int_equal(sum, 10);
    assert_int_equal(engine_share(10, 3, 0), 4);
    assert_int_equal(engine_share(10, 3, 2), 3);
    assert_int_equal(engine_share(1, 2, 1), 0);
    /* shares only grow as the target grows */
    for (long t = 0; t < 50; t++)
        for (int i = 0; i < 4; i++)
            assert_true(engine_share(t + 1, 4, i) >= engine_share(t, 4, i));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_between_range_and_spread),
        cmocka_unit_test(test_constant_and_pacing),
        cmocka_unit_test(test_rng),
        cmocka_unit_test(test_weighted_pick),
        cmocka_unit_test(test_spawn_schedule),
        cmocka_unit_test(test_spawn_duration),
        cmocka_unit_test(test_engine_share),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
