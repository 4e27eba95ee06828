/* test_checkout.c — the DB pool's checkout wait queue on a real libev loop:
 * waiters are answered oldest first and not before their timeout, a removed
 * waiter is never answered (its client left), removing the head re-arms the
 * timer for the next one, waiters parked later wait their own full timeout,
 * and answer_all answers everyone at once (shutdown). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <ev.h>
#include <stdint.h>
#include "runtime/checkout.h"
#include "clock.h"

#define TIMEOUT 0.05

typedef struct waiter {
    rs_waiter wt;
    int id;
    uint64_t answered_ns;   /* 0 = not answered */
} waiter;

static int order[8], norder;

static void answer(rs_waiter *wt)
{
    waiter *w = wt->owner;
    assert_false(checkout_parked(wt));   /* unlinked before the callback */
    w->answered_ns = clock_mono_ns();
    order[norder++] = w->id;
}

/* before each poll: stop once the queue is empty (a prepare watcher, not a
 * check one, so the loop does not block in one more poll with no timer) */
static void on_prepare_check(struct ev_loop *loop, ev_prepare *c, int revents)
{
    (void)revents;
    rs_checkout *q = c->data;
    if (!checkout_waiting(q))
        ev_break(loop, EVBREAK_ALL);
}

static void run_until_empty(struct ev_loop *loop, rs_checkout *q)
{
    ev_prepare chk;
    ev_prepare_init(&chk, on_prepare_check);
    chk.data = q;
    ev_prepare_start(loop, &chk);
    ev_run(loop, 0);
    ev_prepare_stop(loop, &chk);
}

static void test_fifo_timeout_remove(void **state)
{
    (void)state;
    struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
    rs_checkout q;
    checkout_init(&q, loop, TIMEOUT, answer);
    norder = 0;
    waiter w[4] = {{.id = 0}, {.id = 1}, {.id = 2}, {.id = 3}};
    uint64_t t0 = clock_mono_ns();
    for (int i = 0; i < 4; i++)
        checkout_park(&q, &w[i].wt, &w[i]);
    assert_int_equal(checkout_waiting(&q), 4);
    checkout_remove(&q, &w[0].wt);   /* the head leaves: the timer moves to w[1] */
    checkout_remove(&q, &w[2].wt);   /* one in the middle leaves */
    checkout_remove(&q, &w[2].wt);   /* twice is harmless */
    assert_int_equal(checkout_waiting(&q), 2);
    run_until_empty(loop, &q);
    assert_int_equal(norder, 2);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 3);
    assert_true(w[0].answered_ns == 0 && w[2].answered_ns == 0);
    /* not before the timeout (libev's loop time may lag the clock by a
     * little, never lead it by more than its timer slack) */
    assert_true(w[1].answered_ns - t0 >= (uint64_t)(TIMEOUT * 0.9e9));
    assert_true(w[3].answered_ns >= w[1].answered_ns);
    checkout_stop(&q);
    ev_loop_destroy(loop);
}

static void test_later_waiter_waits_its_own_timeout(void **state)
{
    (void)state;
    struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
    rs_checkout q;
    checkout_init(&q, loop, TIMEOUT, answer);
    norder = 0;
    waiter a = {.id = 10}, b = {.id = 11};
    checkout_park(&q, &a.wt, &a);
    /* park b half a timeout later: it must not be answered with a */
    ev_sleep(TIMEOUT / 2);
    ev_now_update(loop);
    uint64_t tb = clock_mono_ns();
    checkout_park(&q, &b.wt, &b);
    run_until_empty(loop, &q);
    assert_int_equal(norder, 2);
    assert_int_equal(order[0], 10);
    assert_int_equal(order[1], 11);
    assert_true(b.answered_ns - tb >= (uint64_t)(TIMEOUT * 0.9e9));
    assert_true(b.answered_ns - a.answered_ns >= (uint64_t)(TIMEOUT * 0.3e9));
    checkout_stop(&q);
    ev_loop_destroy(loop);
}

static void test_answer_all(void **state)
{
    (void)state;
    struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
    rs_checkout q;
    checkout_init(&q, loop, 3600, answer);   /* nobody would time out in this test */
    norder = 0;
    waiter w[3] = {{.id = 20}, {.id = 21}, {.id = 22}};
    for (int i = 0; i < 3; i++)
        checkout_park(&q, &w[i].wt, &w[i]);
    assert_int_equal(checkout_answer_all(&q), 3);
    assert_int_equal(checkout_waiting(&q), 0);
    assert_int_equal(norder, 3);
    assert_int_equal(order[0], 20);
    assert_int_equal(order[2], 22);
    assert_false(ev_is_active(&q.timer));   /* an empty queue holds no timer */
    assert_int_equal(checkout_answer_all(&q), 0);
    /* a waiter parked again after answer_all is queued as usual */
    checkout_park(&q, &w[0].wt, &w[0]);
    assert_true(checkout_parked(&w[0].wt));
    assert_true(ev_is_active(&q.timer));
    checkout_remove(&q, &w[0].wt);
    assert_false(checkout_parked(&w[0].wt));
    assert_false(ev_is_active(&q.timer));
    checkout_stop(&q);
    ev_loop_destroy(loop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fifo_timeout_remove),
        cmocka_unit_test(test_later_waiter_waits_its_own_timeout),
        cmocka_unit_test(test_answer_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
