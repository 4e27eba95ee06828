/* checkout.c — the DB pool's checkout wait queue (see checkout.h): a FIFO of
 * waiters and one ev_timer armed for the oldest one's deadline. */
#include "checkout.h"
#include "clock.h"

static void checkout_arm(rs_checkout *q)
{
    ev_timer_stop(q->loop, &q->timer);
    if (!q->head)
        return;
    double in = q->head->deadline - ev_now(q->loop);
    ev_timer_set(&q->timer, in > 0 ? in : 0, 0);
    ev_timer_start(q->loop, &q->timer);
}

static void checkout_unlink(rs_checkout *q, rs_waiter *wt)
{
    if (wt->prev)
        wt->prev->next = wt->next;
    else
        q->head = wt->next;
    if (wt->next)
        wt->next->prev = wt->prev;
    else
        q->tail = wt->prev;
    wt->prev = wt->next = NULL;
    wt->parked = false;
    q->n--;
}

static void checkout_on_timer(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_checkout *q = t->data;
    double now = ev_now(loop);
    /* deadlines are non-decreasing from the head: stop at the first one in
     * the future. Answering may park new waiters at the tail; their
     * deadlines are now + timeout, so the loop cannot reach them. */
    while (q->head && q->head->deadline <= now) {
        rs_waiter *wt = q->head;
        checkout_unlink(q, wt);
        q->answer(wt);
    }
    checkout_arm(q);
}

void checkout_init(rs_checkout *q, struct ev_loop *loop, double timeout, rs_waiter_fn answer)
{
    q->loop = loop;
    q->head = q->tail = NULL;
    q->n = 0;
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
    wt->parked = true;
    wt->next = NULL;
    wt->prev = q->tail;
    if (q->tail)
        q->tail->next = wt;
    else
        q->head = wt;
    q->tail = wt;
    q->n++;
    if (q->head == wt)
        checkout_arm(q);
}

void checkout_remove(rs_checkout *q, rs_waiter *wt)
{
    if (!wt->parked)
        return;
    bool was_head = q->head == wt;
    checkout_unlink(q, wt);
    if (was_head)
        checkout_arm(q);
}

size_t checkout_answer_all(rs_checkout *q)
{
    size_t n = q->n, done = 0;
    /* only the waiters present on entry: an answer may park again */
    while (done < n && q->head) {
        rs_waiter *wt = q->head;
        checkout_unlink(q, wt);
        q->answer(wt);
        done++;
    }
    checkout_arm(q);
    return done;
}

size_t checkout_waiting(const rs_checkout *q)
{
    return q->n;
}

void checkout_stop(rs_checkout *q)
{
    ev_timer_stop(q->loop, &q->timer);
}
