/* trace_hooks.h — refserver's side of the tracing lens (--tracing): one
 * lbotel tracer per worker process, a SERVER span per request and child
 * spans for SQLite, bcrypt and cache refreshes.
 *
 * Every hook takes the request's state through rs_request.trace, which is
 * NULL when tracing is off: then each hook is one pointer test and returns,
 * so the request path pays nothing else. Loop thread only, except where a
 * hook says otherwise. */
#ifndef RS_TRACE_HOOKS_H
#define RS_TRACE_HOOKS_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "config.h"
#include "lberr.h"
#include "otel.h"
#include "worker.h"

/* Per-connection tracing state, reused by each request on the connection. */
typedef struct rs_reqtrace {
    otel_span server;        /* the request's SERVER span (recording while open) */
    otel_span refresh;       /* an open cache.refresh span, parent of the DB spans in it */
    uint64_t db_t0;          /* worker_db_acquire time of the open DB use; 0 = none */
    char tp[OTEL_TRACEPARENT_LEN + 1];
    size_t tp_len;           /* bytes of the traceparent header seen (may exceed tp) */
    int open;                /* the server span started and has not ended */
} rs_reqtrace;

/* Check the tracing settings once in the master: when cfg->tracing is set,
 * build a tracer with the worker's settings and free it at once, so a bad
 * OTEL_BSP_* value, endpoint or unopenable --trace-file is a usage error
 * (exit 2) instead of a crash loop of workers. --trace-file without
 * --tracing is an error too. 0, or -1 with err filled. */
int trace_check(const rs_config *cfg, lb_err *err);

/* Create w->tracer when cfg->tracing (after fork: the exporter thread does
 * not survive one). 0, or -1 with err filled; w->tracer stays NULL when
 * tracing is off. */
int trace_worker_start(rs_worker *w, lb_err *err);

/* At worker exit, after every connection is closed: flush what is queued
 * (at most 30 s), write the worker's tracing summary line
 * (exported, dropped, export errors, the last error) to out unless out is
 * NULL, and free the tracer. No-op when tracing is off. */
void trace_worker_stop(rs_worker *w, FILE *out);

/* Per-connection state for w: NULL when tracing is off (or on OOM, which
 * only leaves that connection untraced). Free with trace_conn_free, which
 * first ends a request span still open (the client left mid-request) with
 * status ERROR. */
rs_reqtrace *trace_conn_new(const rs_worker *w);
void trace_conn_free(rs_worker *w, rs_reqtrace *t);

/* A new request starts on the connection: forget the last traceparent. */
void trace_request_begin(rs_reqtrace *t);

/* True when the header named name (nlen bytes) is traceparent; then feed its
 * value, possibly in pieces, to trace_header_value. */
int trace_is_traceparent(const rs_reqtrace *t, const char *name, size_t nlen);
void trace_header_value(rs_reqtrace *t, const char *at, size_t n);

/* The request was routed: start its SERVER span at req->t_start, as a child
 * of a valid incoming traceparent (a bad one starts a new trace), named
 * "METHOD route" with http.method, http.route and http.target. */
void trace_request_dispatch(rs_ctx *ctx);

/* The reply was queued (or a stream ended): set http.status_code (ERROR
 * status for 5xx), end an open cache.refresh, and end the SERVER span. */
void trace_request_end(rs_ctx *ctx);

/* Around one use of the database (worker_db_acquire .. release): a CLIENT
 * span "sqlite" under the open cache.refresh span, else the server span. */
void trace_db_begin(rs_ctx *ctx);
void trace_db_end(rs_ctx *ctx);

/* A TTL cache missed (enabled caches only): open a cache.refresh span that
 * the next trace_cache_stored ends (the new value went into the cache). */
void trace_cache_miss(rs_ctx *ctx, int cache_id);
void trace_cache_stored(rs_ctx *ctx);

/* A span rebuilt from times measured elsewhere (a bcrypt pool thread):
 * child of the server span, from start_ns to end_ns (CLOCK_MONOTONIC). */
void trace_child_at(rs_ctx *ctx, const char *name, otel_kind kind, uint64_t start_ns,
                    uint64_t end_ns);

#endif
