/* worker.h — the state one worker process owns: its loop, store access,
 * pool, writer, caches and connections. Handlers receive it through rs_ctx. */
#ifndef RS_WORKER_H
#define RS_WORKER_H
#include <ev.h>
#include <stdbool.h>
#include <stdint.h>
#include "runtime/cache.h"
#include "runtime/checkout.h"
#include "config.h"
#include "store/db.h"
#include "runtime/pool.h"
#include "api/request.h"
#include "api/router.h"

struct rs_conn;
struct rs_writer;
struct otel_tracer;
struct rs_reqlog;

typedef struct rs_worker {
    const rs_config *cfg;
    struct ev_loop *loop;
    int index;                    /* 0..workers-1 */
    int listen_fd;
    ev_io accept_w;
    ev_timer accept_retry;        /* re-enable accept after EMFILE */
    ev_signal sig_term, sig_int;
    ev_timer drain_w;             /* graceful shutdown watchdog + poll */
    rs_db *db;                    /* pooled/batched: the long-lived connection */
    rs_pool *pool;                /* bcrypt and other slow jobs */
    struct rs_writer *writer;     /* batched mode only */
    rs_ttl cache[RS_CACHE_N];
    rs_usercache auth_users;      /* uuid -> user, 10 s */
    rs_usercache login_users;     /* username -> user, 5 s, positive only */
    rs_tokencache *tokens;        /* verified JWTs (NULL: verify every time) */
    struct rs_conn *conns;        /* every open connection (doubly linked) */
    int nconns;
    int db_slots_free;            /* leak fault mode drains this */
    rs_checkout checkout;         /* requests waiting for a slot (--db-checkout-timeout > 0) */
    bool draining;
    bool drain_cancelled;         /* queued bcrypt jobs dropped at the drain timeout */
    char date[40];                /* Date header value, refreshed once a second */
    long date_sec;
    double drain_deadline;
    unsigned long long requests, rejected_conns;
    unsigned long long bcrypt_jobs;   /* bcrypt checks/hashes completed */
    uint64_t bcrypt_ns;               /* their CPU time on pool threads */
    rs_phase phase_sum;               /* every finished request's phases, summed */
    struct otel_tracer *tracer;       /* --tracing (trace_hooks.h); NULL when off */
    struct rs_reqlog *reqlog;         /* --profile-requests (reqlog.h); NULL when off */
} rs_worker;

/* Everything a handler sees for one request. */
typedef struct rs_ctx {
    rs_worker *w;
    struct rs_conn *conn;
    rs_request *req;
    rs_reply *rep;
    const rs_route *route;
    rs_user user;                 /* filled for authenticated routes */
    bool checkout_wait;           /* worker_db_acquire found no slot: hold the reply */
} rs_ctx;

/* Handler return values. */
enum {
    RS_DONE = 0,     /* rep is complete: send it now */
    RS_ASYNC = 1,    /* the handler will call conn_async_done() later */
    RS_STREAM = 2    /* the handler took over the response stream */
};

/* The Date header value for now (formatted at most once per second). */
const char *worker_date(rs_worker *w);

/* A database connection for one request: the worker's long-lived one, or a
 * fresh one in naive mode. NULL + a 500 in ctx->rep on failure. When the
 * leak mode has exhausted the slot pool it is NULL + 500 too, and, with
 * --db-checkout-timeout S > 0 and the worker not draining, it also sets
 * ctx->checkout_wait: the connection then parks the finished reply (500, or
 * whatever the handler made of the failure) in w->checkout and sends it
 * after S seconds, as the seed's pool made requests wait for a checkout.
 * Release with worker_db_release. */
rs_db *worker_db_acquire(rs_ctx *ctx);
void worker_db_release(rs_ctx *ctx, rs_db *db);

#endif
