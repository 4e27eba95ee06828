/* ctx.h — the contract between the HTTP layer and the handlers.
 *
 * rs_worker is the state one worker process shares between its
 * connections and its handlers: settings, loop, database, pool, writer,
 * caches and counters. It is defined here, in the API layer, because both
 * http/ (above) and the handlers read it; worker.c (the process layer)
 * creates and frees it and keeps its own listener and signal watchers.
 *
 * rs_ctx is one request as a handler sees it. A handler never sees a
 * connection: the few things it asks of one (send an async reply, stream,
 * notice a client that left) are the ctx_* calls below, which the HTTP
 * layer implements (http/conn.c). */
#ifndef RS_CTX_H
#define RS_CTX_H
#include <ev.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "authcache.h"
#include "config.h"
#include "list.h"
#include "request.h"
#include "router.h"
#include "runtime/cache.h"
#include "runtime/checkout.h"
#include "runtime/pool.h"
#include "store/db.h"

struct rs_writer;
struct otel_tracer;
struct rs_reqlog;
struct rs_throttle;

typedef struct rs_worker {
    const rs_config *cfg;
    struct ev_loop *loop;
    int index;                    /* 0..workers-1 */
    rs_db *db;                    /* pooled/batched: the long-lived connection */
    rs_pool *pool;                /* bcrypt and other slow jobs */
    struct rs_writer *writer;     /* batched mode only */
    rs_ttl cache[RS_CACHE_N];
    rs_usercache auth_users;      /* uuid -> user, 10 s */
    rs_usercache login_users;     /* username -> user, 5 s, positive only */
    rs_tokencache *tokens;        /* verified JWTs (NULL: verify every time) */
    lb_list conns;                /* every open connection (http/conn.c's nodes) */
    int db_slots_free;            /* leak fault mode drains this */
    rs_checkout checkout;         /* requests waiting for a slot (--db-checkout-timeout > 0) */
    bool draining;
    size_t unsent;                /* replies queued but not yet written, all connections */
    struct rs_throttle *login_throttle;   /* failed logins per IP and username (throttle.h) */
    char date[40];                /* Date header value, refreshed once a second */
    long date_sec;
    unsigned long long requests, rejected_conns;
    unsigned long long bcrypt_jobs;   /* bcrypt checks/hashes completed */
    uint64_t bcrypt_ns;               /* their CPU time on pool threads */
    rs_phase phase_sum;               /* every finished request's phases, summed */
    struct otel_tracer *tracer;       /* --tracing (lens/trace_hooks.h); NULL when off */
    struct rs_reqlog *reqlog;         /* --profile-requests (lens/reqlog.h); NULL when off */
} rs_worker;

/* Everything a handler sees for one request. */
typedef struct rs_ctx {
    rs_worker *w;
    rs_request *req;
    rs_reply *rep;
    const rs_route *route;
    rs_user user;                 /* filled for authenticated routes */
    long token_exp;               /* and the token's exp (an SSE stream ends there) */
    bool checkout_wait;           /* ctx_db_acquire found no slot: hold the reply */
    uint64_t db_t0;               /* clock_mono_ns() of the open ctx_db_acquire; 0: none */
} rs_ctx;

/* Handler return values. */
enum {
    RS_DONE = 0,     /* rep is complete: send it now */
    RS_ASYNC = 1,    /* the handler will call ctx_async_done() later */
    RS_STREAM = 2    /* the handler took over the response stream */
};

/* ---- the database for one request (ctx.c) ----
 * The worker's long-lived connection, or a fresh one in naive mode. NULL +
 * a 500 in ctx->rep on failure. When the leak mode has exhausted the slot
 * pool it is NULL + 500 too, and, with --db-checkout-timeout S > 0 and the
 * worker not draining, it also sets ctx->checkout_wait: the connection then
 * parks the finished reply (500, or whatever the handler made of the
 * failure) in w->checkout and sends it after S seconds, as the seed's pool
 * made requests wait for a checkout. The time from acquire to release is
 * the request's db phase (and a "sqlite" span when tracing). Release what
 * it returned before the handler returns (releasing NULL is a no-op). */
rs_db *ctx_db_acquire(rs_ctx *ctx);
void ctx_db_release(rs_ctx *ctx, rs_db *db);

/* With --state-reads-on-pool: hold the reply already in ctx->rep until a
 * bcrypt-pool thread has taken a (no-op) job, as the seed's to_thread state
 * reads queued behind bcrypt. Returns RS_ASYNC, or RS_DONE when the knob is
 * off or the pool is full (then the reply goes out at once). (ctx.c) */
int ctx_after_pool(rs_ctx *ctx);

/* A 500 for a failure of the store (err may be NULL: out of memory). The
 * first one per worker is logged to stderr. Returns RS_DONE. (ctx.c) */
int ctx_fail(rs_ctx *ctx, const lb_err *err);

/* ---- the connection, as a handler may use it (implemented by http/conn.c) ---- */

/* The reply of an RS_ASYNC handler is in ctx->rep: send it and go on with
 * the next request. When the client left meanwhile, this frees the
 * connection (and ctx) instead. Loop thread only. */
void ctx_async_done(rs_ctx *ctx);

/* True when the client disconnected while its request was in flight. */
bool ctx_gone(const rs_ctx *ctx);

/* The client's IP address as text ("local" for a socket without one). */
const char *ctx_peer(const rs_ctx *ctx);

/* Streaming responses (RS_STREAM): raw bytes (the header block), then
 * chunked-encoded data, then the end. ctx_stream_end resumes the
 * connection (keep-alive) or closes it when asked or when draining. */
int ctx_stream_raw(rs_ctx *ctx, const char *data, size_t n);
int ctx_stream_chunk(rs_ctx *ctx, const char *data, size_t n);
void ctx_stream_end(rs_ctx *ctx, bool close_after);

/* Called (once) when a streaming client disconnects, before the connection
 * is freed: the stream must stop its timers and forget ctx. */
void ctx_on_gone(rs_ctx *ctx, void (*fn)(void *arg), void *arg);

#endif
