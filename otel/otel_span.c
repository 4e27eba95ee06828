/* otel_span.c — starting, annotating and ending spans.
 *
 * Everything here runs on request paths, so a NULL tracer (tracing off) and
 * a non-recording span return before any work, and a recording span costs
 * two monotonic clock reads, a few random words and, at the end, one locked
 * copy. */
#include "otel_internal.h"
#include <string.h>
#include <time.h>

static uint64_t now_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Copy src into dst[cap] truncated, never splitting a UTF-8 sequence, so a
 * cut value stays valid JSON string material. */
static void copy_utf8(char *dst, size_t cap, const char *src)
{
    if (!src)
        src = "";
    size_t n = strnlen(src, cap);
    if (n == cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Start a span at start_mono (0: now). */
static void span_begin(otel_tracer *t, otel_span *span, const char *name,
                       const otel_span_ctx *parent, otel_kind kind, uint64_t start_mono)
{
    if (!span)
        return;
    if (!t) {
        span->recording = 0;
        memset(&span->ctx, 0, sizeof span->ctx);
        return;
    }
    if (parent && parent->valid) {
        memcpy(span->ctx.trace_id, parent->trace_id, sizeof span->ctx.trace_id);
        memcpy(span->parent_span_id, parent->span_id, sizeof span->parent_span_id);
        span->has_parent = 1;
        span->ctx.flags = parent->flags & OTEL_FLAG_SAMPLED;
    } else {
        otel_ids_trace(span->ctx.trace_id);
        span->has_parent = 0;
        span->ctx.flags = OTEL_FLAG_SAMPLED; /* root: always on, like the SDK default */
    }
    otel_ids_span(span->ctx.span_id);
    span->ctx.valid = 1;
    span->recording = span->ctx.flags & OTEL_FLAG_SAMPLED;
    if (!span->recording)
        return;
    span->kind = (uint8_t)kind;
    span->status_code = OTEL_STATUS_UNSET;
    span->status_msg[0] = '\0';
    span->n_attrs = 0;
    span->dropped_attrs = 0;
    copy_utf8(span->name, sizeof span->name, name && *name ? name : "span");
    uint64_t mono = now_ns(CLOCK_MONOTONIC);
    if (start_mono == 0 || start_mono > mono)
        start_mono = mono;
    span->start_mono_ns = start_mono;
    span->start_unix_ns = (uint64_t)((int64_t)start_mono + otel_tracer_wall_offset(t));
    span->end_unix_ns = 0;
}

void otel_span_start(otel_tracer *t, otel_span *span, const char *name,
                     const otel_span_ctx *parent, otel_kind kind)
{
    span_begin(t, span, name, parent, kind, 0);
}

void otel_span_start_at(otel_tracer *t, otel_span *span, const char *name,
                        const otel_span_ctx *parent, otel_kind kind, uint64_t start_mono_ns)
{
    span_begin(t, span, name, parent, kind, start_mono_ns);
}

/* The next free attribute slot, or NULL (and a drop counted) when full. */
static otel_attr *attr_slot(otel_span *span, const char *key)
{
    if (!span || !span->recording || !key)
        return NULL;
    if (span->n_attrs == OTEL_SPAN_MAX_ATTRS) {
        span->dropped_attrs++;
        return NULL;
    }
    otel_attr *a = &span->attrs[span->n_attrs++];
    copy_utf8(a->key, sizeof a->key, key);
    return a;
}

void otel_span_set_str(otel_span *span, const char *key, const char *value)
{
    otel_attr *a = attr_slot(span, key);
    if (!a)
        return;
    a->type = OTEL_ATTR_STRING;
    a->ival = 0;
    copy_utf8(a->sval, sizeof a->sval, value);
}

void otel_span_set_int(otel_span *span, const char *key, int64_t value)
{
    otel_attr *a = attr_slot(span, key);
    if (!a)
        return;
    a->type = OTEL_ATTR_INT;
    a->ival = value;
    a->sval[0] = '\0';
}

void otel_span_set_status(otel_span *span, otel_status code, const char *message)
{
    if (!span || !span->recording)
        return;
    span->status_code = (uint8_t)code;
    if (code == OTEL_STATUS_ERROR)
        copy_utf8(span->status_msg, sizeof span->status_msg, message);
    else
        span->status_msg[0] = '\0';
}

const otel_span_ctx *otel_span_context(const otel_span *span)
{
    static const otel_span_ctx empty;
    return span ? &span->ctx : &empty;
}

void otel_span_end_at(otel_tracer *t, otel_span *span, uint64_t end_mono_ns)
{
    if (!t || !span || !span->recording)
        return;
    /* Wall time for the end would jump with NTP; start + monotonic duration
     * keeps end >= start, which collectors require. */
    if (end_mono_ns < span->start_mono_ns)
        end_mono_ns = span->start_mono_ns;
    span->end_unix_ns = span->start_unix_ns + (end_mono_ns - span->start_mono_ns);
    span->recording = 0;
    otel_tracer_enqueue(t, span);
}

void otel_span_end(otel_tracer *t, otel_span *span)
{
    if (!t || !span || !span->recording)
        return;
    otel_span_end_at(t, span, now_ns(CLOCK_MONOTONIC));
}
