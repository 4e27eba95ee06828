/* trace_hooks.c — the tracing lens wired into refserver (see trace_hooks.h).
 *
 * Spans are built from the times refserver already measures: the request
 * span starts at the first byte (rs_request.t_start, before the traceparent
 * header is even parsed), DB spans run from worker_db_acquire to
 * worker_db_release, and bcrypt spans are rebuilt from the pool thread's
 * start and end. Ending a span only copies it into lbotel's queue, so no
 * hook ever waits for the exporter. */
#include "trace_hooks.h"
#include <http_parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "clock.h"

static otel_config trace_config(const rs_config *cfg)
{
    otel_config oc = {0};
    oc.file_path = cfg->trace_file;   /* NULL: $REFSERVER_OTEL_ENDPOINT or the default */
    oc.service_name = NULL;           /* $OTEL_SERVICE_NAME, else "refserver" */
    return oc;
}

int trace_check(const rs_config *cfg, lb_err *err)
{
    if (!cfg->tracing) {
        if (cfg->trace_file)
            return lb_err_set(err, "option --trace-file needs --tracing (or REFSERVER_TRACING=true)");
        return 0;
    }
    otel_config oc = trace_config(cfg);
    otel_tracer *t = otel_tracer_new(&oc, err);
    if (!t)
        return -1;
    otel_tracer_free(t);   /* nothing was queued: returns at once */
    return 0;
}

int trace_worker_start(rs_worker *w, lb_err *err)
{
    w->tracer = NULL;
    if (!w->cfg->tracing)
        return 0;
    otel_config oc = trace_config(w->cfg);
    w->tracer = otel_tracer_new(&oc, err);
    return w->tracer ? 0 : -1;
}

void trace_worker_stop(rs_worker *w, FILE *out)
{
    if (!w->tracer)
        return;
    otel_tracer *t = w->tracer;
    w->tracer = NULL;
    /* flush first so the summary counts what the shutdown delivered; 30 s
     * is the SDK's default export timeout (lbotel has no getter for the
     * configured one; otel_tracer_free below honours it for what is left) */
    int late = otel_tracer_flush(t, 30000);
    otel_stats st;
    otel_tracer_stats(t, &st);
    lb_err last;
    otel_tracer_last_error(t, &last);
    if (out)
        fprintf(out, "refserver: worker %d: tracing: %llu spans exported, %llu dropped "
                "(queue full, failed export or shutdown), %llu failed exports%s%s%s%s\n",
                w->index, (unsigned long long)st.exported, (unsigned long long)st.dropped,
                (unsigned long long)st.export_errors, late ? "; flush timed out" : "",
                last.msg[0] ? " (last error: " : "", last.msg, last.msg[0] ? ")" : "");
    otel_tracer_free(t);
}

rs_reqtrace *trace_conn_new(const rs_worker *w)
{
    if (!w->tracer)
        return NULL;
    return calloc(1, sizeof(rs_reqtrace));
}

void trace_conn_free(rs_worker *w, rs_reqtrace *t)
{
    if (!t)
        return;
    if (t->open) {
        otel_span_set_status(&t->refresh, OTEL_STATUS_ERROR, "client disconnected");
        otel_span_end(w->tracer, &t->refresh);
        otel_span_set_status(&t->server, OTEL_STATUS_ERROR, "client disconnected");
        otel_span_end(w->tracer, &t->server);
    }
    free(t);
}

void trace_request_begin(rs_reqtrace *t)
{
    if (t)
        t->tp_len = 0;
}

int trace_is_traceparent(const rs_reqtrace *t, const char *name, size_t nlen)
{
    return t && nlen == 11 && !strncasecmp(name, "traceparent", 11);
}

void trace_header_value(rs_reqtrace *t, const char *at, size_t n)
{
    if (!t)
        return;
    /* a value longer than a version-00 header is kept only in its length:
     * the parser then rejects it and the request starts a new trace */
    if (t->tp_len + n <= OTEL_TRACEPARENT_LEN)
        memcpy(t->tp + t->tp_len, at, n);
    t->tp_len += n;
}

void trace_request_dispatch(rs_ctx *ctx)
{
    rs_reqtrace *t = ctx->req->trace;
    if (!t)
        return;
    otel_span_ctx remote, *parent = NULL;
    if (t->tp_len && t->tp_len <= OTEL_TRACEPARENT_LEN &&
        otel_traceparent_parse(t->tp, t->tp_len, &remote) == 0)
        parent = &remote;
    const char *method = http_method_str((enum http_method)ctx->req->method);
    char name[OTEL_SPAN_NAME_MAX];
    if (ctx->route)
        snprintf(name, sizeof name, "%s %s", method, ctx->route->pattern);
    else
        snprintf(name, sizeof name, "%s", method);   /* no route: the semconv name */
    otel_span_start_at(ctx->w->tracer, &t->server, name, parent, OTEL_KIND_SERVER,
                       ctx->req->t_start);
    otel_span_set_str(&t->server, "http.method", method);
    if (ctx->route)
        otel_span_set_str(&t->server, "http.route", ctx->route->pattern);
    otel_span_set_str(&t->server, "http.target", ctx->req->path);   /* never the query: tokens */
    memset(&t->refresh, 0, sizeof t->refresh);
    t->db_t0 = 0;
    t->open = 1;
}

void trace_request_end(rs_ctx *ctx)
{
    rs_reqtrace *t = ctx->req->trace;
    if (!t || !t->open)
        return;
    otel_tracer *tr = ctx->w->tracer;
    int status = ctx->rep->status;
    otel_span_end(tr, &t->refresh);   /* no-op unless a refresh never stored */
    otel_span_set_int(&t->server, "http.status_code", status);
    if (status >= 500)
        otel_span_set_status(&t->server, OTEL_STATUS_ERROR, NULL);
    otel_span_end(tr, &t->server);
    t->open = 0;
}

/* The parent of a child span: an open cache refresh, else the request. */
static const otel_span_ctx *trace_parent(const rs_reqtrace *t)
{
    return t->refresh.recording ? otel_span_context(&t->refresh) : otel_span_context(&t->server);
}

void trace_db_begin(rs_ctx *ctx)
{
    rs_reqtrace *t = ctx->req->trace;
    if (t && t->open)
        t->db_t0 = clock_mono_ns();
}

void trace_db_end(rs_ctx *ctx)
{
    rs_reqtrace *t = ctx->req->trace;
    if (!t || !t->open || !t->db_t0)
        return;
    otel_span s;
    otel_span_start_at(ctx->w->tracer, &s, "sqlite", trace_parent(t), OTEL_KIND_CLIENT, t->db_t0);
    otel_span_set_str(&s, "db.system", "sqlite");
    if (ctx->route)
        otel_span_set_str(&s, "refserver.route", ctx->route->name);
    otel_span_end(ctx->w->tracer, &s);
    t->db_t0 = 0;
}

void trace_cache_miss(rs_ctx *ctx, int cache_id)
{
    rs_reqtrace *t = ctx->req->trace;
    if (!t || !t->open || t->refresh.recording)
        return;
    otel_span_start(ctx->w->tracer, &t->refresh, "cache.refresh", otel_span_context(&t->server),
                    OTEL_KIND_INTERNAL);
    otel_span_set_str(&t->refresh, "cache.name", config_cache_name((rs_cache_id)cache_id));
}

void trace_cache_stored(rs_ctx *ctx)
{
    rs_reqtrace *t = ctx->req->trace;
    if (t && t->open)
        otel_span_end(ctx->w->tracer, &t->refresh);
}

void trace_child_at(rs_ctx *ctx, const char *name, otel_kind kind, uint64_t start_ns,
                    uint64_t end_ns)
{
    rs_reqtrace *t = ctx->req->trace;
    if (!t || !t->open)
        return;
    otel_span s;
    otel_span_start_at(ctx->w->tracer, &s, name, otel_span_context(&t->server), kind, start_ns);
    otel_span_end_at(ctx->w->tracer, &s, end_ns);
}
