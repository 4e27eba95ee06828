/* checkout.h — the DB pool's checkout wait queue: requests that found no free
 * --db-slots slot wait here, oldest first, until --db-checkout-timeout
 * passes (then they fail, as SQLAlchemy's pool_timeout made the seed's
 * requests fail) or the worker shuts down.
 *
 * One ev_timer serves the whole queue rather than one per waiter: every
 * waiter gets the same timeout, so arrival order is deadline order and the
 * head's deadline is the only one the timer needs (libev's "be smart about
 * timeouts" list pattern). Parking and removing are O(1) with no heap
 * traffic however many requests pile up, and the FIFO is also the order in
 * which a freed slot would have to be handed out. The waiters are embedded
 * in their owners (connections); the queue never allocates. Loop thread
 * only. */
#ifndef RS_CHECKOUT_H
#define RS_CHECKOUT_H
#include <ev.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "list.h"

/* Zeroed, it is not parked. */
typedef struct rs_waiter {
    lb_node node;           /* in the queue while parked */
    void *owner;            /* what the answer callback gets back (the connection) */
    double deadline;        /* ev_now() time at which the checkout times out */
    uint64_t t0;            /* clock_mono_ns() when it was parked */
} rs_waiter;

/* Called with a waiter already unlinked from the queue: answer its request.
 * It may park the same or other waiters again. */
typedef void (*rs_waiter_fn)(rs_waiter *wt);

typedef struct rs_checkout {
    struct ev_loop *loop;
    ev_timer timer;
    lb_list waiters;        /* rs_waiter.node, oldest (earliest deadline) first */
    double timeout;         /* s, > 0 */
    rs_waiter_fn answer;
} rs_checkout;

/* Set up an empty queue on loop whose waiters time out after timeout
 * seconds (> 0) and are then handed to answer. Nothing to free but
 * checkout_stop's timer. */
void checkout_init(rs_checkout *q, struct ev_loop *loop, double timeout, rs_waiter_fn answer);

/* Append wt (owned by owner, not parked) at the tail with the deadline
 * now + timeout, recording its park time for the caller's phase timing. */
void checkout_park(rs_checkout *q, rs_waiter *wt, void *owner);

/* Unlink wt without answering it (its client left, or its owner is being
 * freed). No-op when wt is not parked. */
void checkout_remove(rs_checkout *q, rs_waiter *wt);

/* Answer every waiter now, oldest first (graceful shutdown: nobody waits out
 * the timeout). Returns how many were answered. Waiters parked by the
 * callbacks meanwhile are not answered in this call. */
size_t checkout_answer_all(rs_checkout *q);

/* Whether wt is parked (in a queue, not yet answered nor removed). */
static inline bool checkout_parked(const rs_waiter *wt)
{
    return wt->node.linked;
}

/* Waiters currently parked. */
size_t checkout_waiting(const rs_checkout *q);

/* Stop the timer (end of the worker). Parked waiters are left linked; their
 * owners must remove them or be freed with the queue. */
void checkout_stop(rs_checkout *q);

#endif
