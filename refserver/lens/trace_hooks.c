/* trace_hooks.c — the tracing lens wired into refserver (see trace_hooks.h).
 *
 * Spans are built from the times refserver already measures: the request
 * span starts at the first byte (rs_request.t_start, before the traceparent
 * header is even parsed), DB spans run from ctx_db_acquire to
 * ctx_db_release, and bcrypt spans are rebuilt from the pool thread's
 * start and end. Ending a span only copies it into lbotel's queue, so no
 * hook ever waits for the exporter. */
#include "trace_hooks.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

int trace_worker_start(const rs_config *cfg, otel_tracer **out, lb_err *err)
{
    *out = NULL;
    if (!cfg->tracing)
        return 0;
    otel_config oc = trace_config(cfg);
    *out = otel_tracer_new(&oc, err);
    return *out ? 0 : -1;
}

void trace_worker_stop(otel_tracer *t, int index, FILE *out)
{
    if (!t)
        return;
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
                index, (unsigned long long)st.exported, (unsigned long long)st.dropped,
                (unsigned long long)st.export_errors, late ? "; flush timed out" : "",
                last.msg[0] ? " (last error: " : "", last.msg, last.msg[0] ? ")" : "");
    otel_tracer_free(t);
}

rs_reqtrace *trace_conn_new(otel_tracer *tracer)
{
    if (!tracer)
        return NULL;
    rs_reqtrace *t = calloc(1, sizeof *t);
    if (t)
        t->tracer = tracer;
    return t;
}

void trace_conn_free(rs_reqtrace *t)
{
    if (!t)
        return;
    if (t->open) {
        otel_span_set_status(&t->refresh, OTEL_STATUS_ERROR, "client disconnected");
        otel_span_end(t->tracer, &t->refresh);
        otel_span_set_status(&t->server, OTEL_STATUS_ERROR, "client disconnected");
        otel_span_end(t->tracer, &t->server);
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

void trace_request_dispatch(rs_reqtrace *t, const char *method, const char *pattern,
                            const char *route, const char *path, uint64_t t_start)
{
    if (!t)
        return;
    otel_span_ctx remote, *parent = NULL;
    if (t->tp_len && t->tp_len <= OTEL_TRACEPARENT_LEN &&
        otel_traceparent_parse(t->tp, t->tp_len, &remote) == 0)
        parent = &remote;
    char name[OTEL_SPAN_NAME_MAX];
    if (pattern)
        snprintf(name, sizeof name, "%s %s", method, pattern);
    else
        snprintf(name, sizeof name, "%s", method);   /* no route: the semconv name */
    otel_span_start_at(t->tracer, &t->server, name, parent, OTEL_KIND_SERVER, t_start);
    otel_span_set_str(&t->server, "http.method", method);
    if (pattern)
        otel_span_set_str(&t->server, "http.route", pattern);
    otel_span_set_str(&t->server, "http.target", path);
    t->route = route;
    memset(&t->refresh, 0, sizeof t->refresh);
    t->db_t0 = 0;
    t->open = 1;
}

void trace_request_end(rs_reqtrace *t, int status)
{
    if (!t || !t->open)
        return;
    otel_tracer *tr = t->tracer;
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

void trace_db_begin(rs_reqtrace *t, uint64_t t0)
{
    if (t && t->open)
        t->db_t0 = t0;
}

void trace_db_end(rs_reqtrace *t)
{
    if (!t || !t->open || !t->db_t0)
        return;
    otel_span s;
    otel_span_start_at(t->tracer, &s, "sqlite", trace_parent(t), OTEL_KIND_CLIENT, t->db_t0);
    otel_span_set_str(&s, "db.system", "sqlite");
    if (t->route)
        otel_span_set_str(&s, "refserver.route", t->route);
    otel_span_end(t->tracer, &s);
    t->db_t0 = 0;
}

void trace_cache_miss(rs_reqtrace *t, int cache_id)
{
    if (!t || !t->open || t->refresh.recording)
        return;
    otel_span_start(t->tracer, &t->refresh, "cache.refresh", otel_span_context(&t->server),
                    OTEL_KIND_INTERNAL);
    otel_span_set_str(&t->refresh, "cache.name", config_cache_name((rs_cache_id)cache_id));
}

void trace_cache_stored(rs_reqtrace *t)
{
    if (t && t->open)
        otel_span_end(t->tracer, &t->refresh);
}

void trace_child_at(rs_reqtrace *t, const char *name, otel_kind kind, uint64_t start_ns,
                    uint64_t end_ns)
{
    if (!t || !t->open)
        return;
    otel_span s;
    otel_span_start_at(t->tracer, &s, name, otel_span_context(&t->server), kind, start_ns);
    otel_span_end_at(t->tracer, &s, end_ns);
}
