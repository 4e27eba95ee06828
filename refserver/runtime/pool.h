/* pool.h — a bounded thread pool whose jobs complete back into a libev loop.
 *
 * Slow work (bcrypt) runs on pool threads; its completion callback runs on
 * the loop thread, woken through one ev_async, so handlers never lock.
 * The queue is bounded: a full pool refuses new jobs instead of growing. */
#ifndef RS_POOL_H
#define RS_POOL_H
#include <ev.h>
#include <stdbool.h>
#include <stddef.h>
#include "lberr.h"

typedef struct rs_pool rs_pool;
typedef void (*pool_work_fn)(void *arg);   /* on a pool thread */
/* On the loop thread after work(arg); cancelled: work never ran (the job
 * was dropped by pool_cancel_pending). */
typedef void (*pool_done_fn)(void *arg, bool cancelled);

/* Start `threads` threads serving loop. queue_max bounds the jobs waiting
 * or running. NULL with err filled on failure. */
rs_pool *pool_new(struct ev_loop *loop, int threads, int queue_max, lb_err *err);
/* Queue work(arg), then done(arg) on the loop. Returns 0, or -1 when the
 * queue is full or memory ran out (nothing will be called). */
int pool_submit(rs_pool *p, pool_work_fn work, pool_done_fn done, void *arg);
/* Drop every job not yet started; their done(arg, true) callbacks run now,
 * on the calling (loop) thread. Jobs already running finish normally.
 * Returns the number dropped. Graceful shutdown uses it when the drain
 * timeout passes with bcrypt jobs still queued. */
size_t pool_cancel_pending(rs_pool *p);
/* Jobs submitted whose done callback has not run yet. Loop thread only. */
size_t pool_outstanding(const rs_pool *p);
/* Cancel queued jobs, let running ones finish, deliver every completion,
 * stop the threads and free. NULL is a no-op. Loop thread only. */
void pool_free(rs_pool *p);

#endif
