/* test_queue.c — the span ring: order, the limit on waiting spans, batches
 * lent by pointer while new spans arrive, and wrap-around. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "otel_internal.h"

static otel_span numbered(int n)
{
    otel_span s;
    memset(&s, 0, sizeof s);
    s.start_unix_ns = (uint64_t)n;
    return s;
}

static int num(const otel_span *s) { return (int)s->start_unix_ns; }

static void test_limit_and_order(void **state)
{
    (void)state;
    otel_queue q;
    assert_int_equal(otel_queue_init(&q, 4, 2), 0);
    for (int i = 0; i < 4; i++) {
        otel_span s = numbered(i);
        assert_int_equal(otel_queue_push(&q, &s), 0);
    }
    otel_span extra = numbered(99);
    assert_int_equal(otel_queue_push(&q, &extra), -1); /* 4 wait: full */
    assert_int_equal(q.count, 4);
    const otel_span *b[4];
    assert_int_equal(otel_queue_reserve(&q, b, 4), 2); /* capped at max_batch */
    assert_int_equal(num(b[0]), 0);
    assert_int_equal(num(b[1]), 1);
    /* The lent batch no longer counts: two more fit, and do not overwrite it. */
    otel_span s4 = numbered(4), s5 = numbered(5), s6 = numbered(6);
    assert_int_equal(otel_queue_push(&q, &s4), 0);
    assert_int_equal(otel_queue_push(&q, &s5), 0);
    assert_int_equal(otel_queue_push(&q, &s6), -1);
    assert_int_equal(num(b[0]), 0);
    assert_int_equal(num(b[1]), 1);
    otel_queue_release(&q);
    int want = 2;
    size_t n;
    while ((n = otel_queue_reserve(&q, b, 2)) > 0) {
        for (size_t i = 0; i < n; i++)
            assert_int_equal(num(b[i]), want++);
        otel_queue_release(&q);
    }
    assert_int_equal(want, 6);
    assert_int_equal(q.count, 0);
    otel_queue_destroy(&q);
}

static void test_wraparound(void **state)
{
    (void)state;
    otel_queue q;
    assert_int_equal(otel_queue_init(&q, 5, 3), 0); /* 8 slots */
    int next_in = 0, next_out = 0;
    const otel_span *b[3];
    /* Uneven pushes and batches walk the ring around many times. */
    for (int round = 0; round < 100; round++) {
        int pushes = 1 + round % 5;
        for (int i = 0; i < pushes; i++) {
            otel_span s = numbered(next_in);
            if (otel_queue_push(&q, &s) == 0)
                next_in++;
        }
        size_t n = otel_queue_reserve(&q, b, 1 + (size_t)round % 3);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(num(b[i]), next_out++);
        otel_queue_release(&q);
    }
    assert_true(next_in > 100);
    assert_int_equal((size_t)(next_in - next_out), q.count);
    otel_queue_destroy(&q);
}

static void test_bad_sizes(void **state)
{
    (void)state;
    otel_queue q;
    assert_int_equal(otel_queue_init(&q, 0, 1), -1);
    assert_int_equal(otel_queue_init(&q, 1, 0), -1);
    assert_int_equal(otel_queue_init(&q, 1, 1), 0);
    const otel_span *b[1];
    assert_int_equal(otel_queue_reserve(&q, b, 1), 0); /* empty */
    otel_queue_release(&q);
    otel_queue_destroy(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limit_and_order),
        cmocka_unit_test(test_wraparound),
        cmocka_unit_test(test_bad_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
