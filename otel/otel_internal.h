/* otel_internal.h — the tracer's parts, shared by its own files and its tests.
 *
 * Not for callers of the library: refserver includes only otel.h. The parts
 * are: settings (config + environment), ids (per-thread PRNG), the bounded
 * span queue, the OTLP JSON encoder, and sinks (HTTP, file, or a test's). */
#ifndef LB_OTEL_INTERNAL_H
#define LB_OTEL_INTERNAL_H
#include "otel.h"

/* ---- settings (otel_config.c) ---- */

/* A resolved otel_config: every field set, strings owned. */
typedef struct otel_settings {
    char *service_name;
    char *service_version;
    char *scope_name;
    char *scope_version;
    char *endpoint;   /* NULL when file_path is set */
    char *file_path;  /* NULL for the HTTP exporter */
    size_t max_queue_size;
    size_t max_export_batch;
    long schedule_delay_ms;
    long export_timeout_ms;
} otel_settings;

/* Resolve cfg (may be NULL) against the environment and the SDK defaults
 * into *out (zeroed first). Returns 0, or -1 with err naming the bad field
 * or variable (non-numeric, not positive, batch larger than the queue). On
 * failure *out holds nothing to free. */
int otel_settings_resolve(const otel_config *cfg, otel_settings *out, lb_err *err);

/* Release the strings of *s (safe on a zeroed struct). */
void otel_settings_free(otel_settings *s);

/* ---- ids (otel_ids.c) ---- */

/* Fill a random non-zero 16-byte trace id / 8-byte span id from the calling
 * thread's PRNG (seeded from getrandom(2) on first use and again in a forked
 * child, so parent and child never share a sequence). */
void otel_ids_trace(uint8_t id[16]);
void otel_ids_span(uint8_t id[8]);

/* ---- queue (otel_queue.c); the caller provides the locking ---- */

typedef struct otel_queue {
    otel_span *slots;
    size_t cap;        /* limit + max_batch slots */
    size_t limit;      /* most spans that may wait (the SDK's max queue size) */
    size_t max_batch;  /* most spans one reservation may take */
    size_t head;       /* oldest slot: the reserved batch, then waiting spans */
    size_t reserved;   /* slots at head lent to the exporter */
    size_t count;      /* spans waiting after the reserved ones */
} otel_queue;

/* Allocate room for `limit` waiting spans plus one batch of max_batch being
 * exported. Returns 0, or -1 when out of memory or a size is 0. */
int otel_queue_init(otel_queue *q, size_t limit, size_t max_batch);
void otel_queue_destroy(otel_queue *q);
/* Copy *s in at the tail. Returns 0, or -1 (nothing changed) when `limit`
 * spans already wait. */
int otel_queue_push(otel_queue *q, const otel_span *s);
/* Lend up to max (at most max_batch) of the oldest waiting spans: out[] gets
 * pointers to them, oldest first, valid until otel_queue_release() — pushes
 * in between never touch them, so they may be read without the lock. Only
 * one reservation at a time. Returns how many. */
size_t otel_queue_reserve(otel_queue *q, const otel_span **out, size_t max);
/* Give the reserved slots back for reuse. */
void otel_queue_release(otel_queue *q);

/* ---- OTLP JSON (otel_json.c) ---- */

typedef struct otel_resource {
    const char *service_name;
    const char *service_version;
    const char *scope_name;
    const char *scope_version;
} otel_resource;

/* Encode n spans as one compact OTLP ExportTraceServiceRequest JSON document
 * (one resourceSpans, one scopeSpans). Returns a malloc'd NUL-terminated
 * string (its length in *len when len is non-NULL), or NULL with err set. */
char *otel_json_encode(const otel_resource *res, const otel_span *const *spans, size_t n,
                       size_t *len, lb_err *err);

/* ---- sinks (otel_sink_http.c, otel_sink_file.c) ---- */

typedef struct otel_sink otel_sink;
struct otel_sink {
    /* Deliver n spans within timeout_ms. Returns 0, or -1 with err set (the
     * spans are then counted as dropped). Called from the exporter thread
     * only. */
    int (*export_spans)(otel_sink *sink, const otel_resource *res,
                        const otel_span *const *spans, size_t n, long timeout_ms, lb_err *err);
    void (*destroy)(otel_sink *sink);
};

/* POST batches to an OTLP/HTTP endpoint (http:// or https:// URL). */
otel_sink *otel_sink_http_new(const char *url, lb_err *err);
/* Append one JSON line per batch to path (created 0644, O_APPEND, so several
 * worker processes may share one file: each line is a single write). */
otel_sink *otel_sink_file_new(const char *path, lb_err *err);

/* Create a tracer that exports through `sink`, taking ownership of it (it is
 * destroyed on failure too). otel_tracer_new() builds the sink from the
 * settings and calls this; tests pass their own. */
otel_tracer *otel_tracer_new_with_sink(const otel_config *cfg, otel_sink *sink, lb_err *err);

/* CLOCK_REALTIME minus CLOCK_MONOTONIC in ns, as last sampled by the
 * tracer (at creation, then on each exporter wake-up, at least every
 * schedule delay): a span's wall start is its monotonic start plus this,
 * which saves a clock read per span and picks up clock steps within one
 * delay. Lock-free. */
int64_t otel_tracer_wall_offset(const otel_tracer *t);

/* Copy a finished span into the tracer's queue, or count it as dropped when
 * the queue is full; wakes the exporter when a full batch is waiting. */
void otel_tracer_enqueue(otel_tracer *t, const otel_span *span);

#endif
