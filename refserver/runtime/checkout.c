/* checkout.c — the DB pool's checkout wait queue (see checkout.h): a FIFO of
 * waiters and one ev_timer armed for the oldest one's deadline. */
#include "checkout.h"
#include "clock.h"

/* The oldest waiter, or NULL. */
static rs_waiter *checkout_head(const rs_checkout *q)
{
    return q->waiters.head ? lb_container_of(q->waiters.head, rs_waiter, node) : NULL;
}

static void checkout_arm(rs_checkout *q)
{
    ev_timer_stop(q->loop, &q->timer);
    rs_waiter *head = checkout_head(q);
    if (!head)
        return;
    double in = head->deadline - ev_now(q->loop);
    ev_timer_set(&q->timer, in > 0 ? in : 0, 0);
    ev_timer_start(q->loop, &q->timer);
}

static void checkout_on_timer(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_checkout *q = t->data;
    double now = ev_now(loop);
    /* deadlines are non-decreasing from the head: stop at the first one in
     * the future. Answering may park new waiters at the tail; their
     * deadlines are now + timeout, so the loop cannot reach them. */
    rs_waiter *wt;
    while ((wt = checkout_head(q)) && wt->deadline <= now) {
        lb_list_remove(&q->waiters, &wt->node);
        q->answer(wt);
    }
    checkout_arm(q);
}

void checkout_init(rs_checkout *q, struct ev_loop *loop, double timeout, rs_waiter_fn answer)
{
    q->loop = loop;
    q->waiters = (lb_list){NULL, NULL, 0};
    q->timeout = timeout;
    q->answer = answer;
    ev_init(&q->timer, checkout_on_timer);
    q->timer.data = q;
}

void checkout_park(rs_checkout *q, rs_waiter *wt, void *owner)
{
    wt->owner = owner;
    /* ev_now() is the time the loop woke up; the handler work since then
     * (milliseconds under ASan or load) would come off the wait */
    ev_now_update(q->loop);
    wt->deadline = ev_now(q->loop) + q->timeout;
    wt->t0 = clock_mono_ns();
    lb_list_push(&q->waiters, &wt->node);
    if (checkout_head(q) == wt)
        checkout_arm(q);
}

void checkout_remove(rs_checkout *q, rs_waiter *wt)
{
    if (!checkout_parked(wt))
        return;
    bool was_head = checkout_head(q) == wt;
    lb_list_remove(&q->waiters, &wt->node);
    if (was_head)
        checkout_arm(q);
}

size_t checkout_answer_all(rs_checkout *q)
{
    size_t n = q->waiters.n, done = 0;
    rs_waiter *wt;
    /* only the waiters present on entry: an answer may park again */
    while (done < n && (wt = checkout_head(q))) {
        lb_list_remove(&q->waiters, &wt->node);
        q->answer(wt);
        done++;
    }
    checkout_arm(q);
    return done;
}

size_t checkout_waiting(const rs_checkout *q)
{
    return q->waiters.n;
}

void checkout_stop(rs_checkout *q)
{
    ev_timer_stop(q->loop, &q->timer);
}
