/* trace_hooks.h — refserver's side of the tracing lens (--tracing): one
 * lbotel tracer per worker process, a SERVER span per request and child
 * spans for SQLite, bcrypt and cache refreshes.
 *
 * Every hook takes the request's state (rs_request.trace), which is NULL
 * when tracing is off: then each hook is one pointer test and returns, so
 * the request path pays nothing else. The state carries its tracer, so the
 * hooks know nothing of workers, connections or handlers (a leaf layer:
 * docs/architecture.md). Loop thread only. */
#ifndef RS_TRACE_HOOKS_H
#define RS_TRACE_HOOKS_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "config.h"
#include "lberr.h"
#include "otel.h"

/* Per-connection tracing state, reused by each request on the connection. */
typedef struct rs_reqtrace {
    otel_tracer *tracer;     /* the worker's */
    const char *route;       /* the request's route name, for child spans; NULL: none */
    otel_span server;        /* the request's SERVER span (recording while open) */
    otel_span refresh;       /* an open cache.refresh span, parent of the DB spans in it */
    uint64_t db_t0;          /* ctx_db_acquire time of the open DB use; 0 = none */
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

/* A worker's tracer into *out when cfg->tracing, else NULL (create it after
 * fork: the exporter thread does not survive one). 0, or -1 with err. */
int trace_worker_start(const rs_config *cfg, otel_tracer **out, lb_err *err);

/* At worker exit, after every connection is closed: flush what is queued
 * (at most 30 s), write the worker's tracing summary line
 * (exported, dropped, export errors, the last error) for worker index to
 * out unless out is NULL, and free the tracer. NULL tracer: no-op. */
void trace_worker_stop(otel_tracer *tracer, int index, FILE *out);

/* Per-connection state: NULL when tracing is off (tracer NULL) or on OOM,
 * which only leaves that connection untraced. Free with trace_conn_free,
 * which first ends a request span still open (the client left mid-request)
 * with status ERROR. */
rs_reqtrace *trace_conn_new(otel_tracer *tracer);
void trace_conn_free(rs_reqtrace *t);

/* A new request starts on the connection: forget the last traceparent. */
void trace_request_begin(rs_reqtrace *t);

/* True when the header named name (nlen bytes) is traceparent; then feed its
 * value, possibly in pieces, to trace_header_value. */
int trace_is_traceparent(const rs_reqtrace *t, const char *name, size_t nlen);
void trace_header_value(rs_reqtrace *t, const char *at, size_t n);

/* The request was routed: start its SERVER span at t_start, as a child of a
 * valid incoming traceparent (a bad one starts a new trace), named "METHOD
 * pattern" with http.method, http.route and http.target (the path, never
 * the query: tokens). pattern and route (its name) are NULL when no route
 * matched; route must outlive the request (the static route table). */
void trace_request_dispatch(rs_reqtrace *t, const char *method, const char *pattern,
                            const char *route, const char *path, uint64_t t_start);

/* The reply was queued (or a stream ended): set http.status_code (ERROR
 * status for 5xx), end an open cache.refresh, and end the SERVER span. */
void trace_request_end(rs_reqtrace *t, int status);

/* Around one use of the database (api/ctx.h's ctx_db_acquire .. release): a
 * CLIENT span "sqlite" from t0 (clock_mono_ns, the time the db phase starts
 * at) under the open cache.refresh span, else the server span. */
void trace_db_begin(rs_reqtrace *t, uint64_t t0);
void trace_db_end(rs_reqtrace *t);

/* A TTL cache missed (enabled caches only): open a cache.refresh span that
 * the next trace_cache_stored ends (the new value went into the cache). */
void trace_cache_miss(rs_reqtrace *t, int cache_id);
void trace_cache_stored(rs_reqtrace *t);

/* A span rebuilt from times measured elsewhere (a bcrypt pool thread):
 * child of the server span, from start_ns to end_ns (CLOCK_MONOTONIC). */
void trace_child_at(rs_reqtrace *t, const char *name, otel_kind kind, uint64_t start_ns,
                    uint64_t end_ns);

#endif
