/* otel.h — the tracing lens: OpenTelemetry spans exported as OTLP/HTTP JSON.
 *
 * A tracer owns a bounded span queue and one exporter thread. Callers start a
 * span on their own stack, add a few attributes, and end it; ending copies the
 * finished span into the queue (O(1), never blocks on the network) and the
 * exporter thread ships batches the way the OpenTelemetry SDK's
 * BatchSpanProcessor does (queue 2048, batch 512, 5 s schedule delay, 30 s
 * export timeout, each overridable by the standard OTEL_BSP_* variables).
 *
 * Tracing off costs nothing: a disabled caller keeps a NULL tracer, and every
 * otel_* call on a NULL tracer (or on a span started from one) is a no-op that
 * touches no lock and allocates nothing.
 *
 * Thread-safety: one tracer may be shared by every thread of a process. A span
 * belongs to whoever started it until otel_span_end(); to continue a trace on
 * another thread, hand over the parent's otel_span_ctx (a small value). Create
 * the tracer after fork(): the exporter thread does not survive a fork. */
#ifndef LB_OTEL_H
#define LB_OTEL_H
#include <stddef.h>
#include <stdint.h>
#include "lberr.h"

#define OTEL_DEFAULT_ENDPOINT "http://127.0.0.1:4318/v1/traces"
#define OTEL_TRACEPARENT_LEN 55 /* "00-" 32 hex "-" 16 hex "-" 2 hex */

/* Fixed span capacity, so a span lives on the stack and enqueueing is a copy.
 * Longer names and values are truncated (at a UTF-8 boundary); attributes past
 * the limit are counted in droppedAttributesCount, as OTLP allows. */
#define OTEL_SPAN_NAME_MAX 64
#define OTEL_SPAN_MAX_ATTRS 8
#define OTEL_ATTR_KEY_MAX 32
#define OTEL_ATTR_STR_MAX 96
#define OTEL_STATUS_MSG_MAX 64

/* OTLP SpanKind enum values (they go on the wire as these integers). */
typedef enum otel_kind {
    OTEL_KIND_UNSPECIFIED = 0,
    OTEL_KIND_INTERNAL = 1,
    OTEL_KIND_SERVER = 2,
    OTEL_KIND_CLIENT = 3,
    OTEL_KIND_PRODUCER = 4,
    OTEL_KIND_CONSUMER = 5
} otel_kind;

/* OTLP Status.code values. */
typedef enum otel_status {
    OTEL_STATUS_UNSET = 0,
    OTEL_STATUS_OK = 1,
    OTEL_STATUS_ERROR = 2
} otel_status;

#define OTEL_FLAG_SAMPLED 0x01

/* A W3C trace context: what travels in `traceparent` and links a child to
 * its parent. `valid` is 0 for the empty context (no trace). */
typedef struct otel_span_ctx {
    uint8_t trace_id[16];
    uint8_t span_id[8];
    uint8_t flags; /* trace-flags; bit 0 = sampled */
    uint8_t valid;
} otel_span_ctx;

typedef enum otel_attr_type { OTEL_ATTR_STRING = 0, OTEL_ATTR_INT = 1 } otel_attr_type;

typedef struct otel_attr {
    char key[OTEL_ATTR_KEY_MAX];
    otel_attr_type type;
    int64_t ival;
    char sval[OTEL_ATTR_STR_MAX];
} otel_attr;

/* A span. The caller owns the storage (usually a stack variable); treat the
 * fields as read-only and use the functions below. */
typedef struct otel_span {
    otel_span_ctx ctx;          /* this span's own context (propagate this) */
    uint8_t parent_span_id[8];
    uint8_t has_parent;
    uint8_t recording;          /* 0: no tracer, or parent not sampled */
    uint8_t kind;               /* otel_kind */
    uint8_t status_code;        /* otel_status */
    char name[OTEL_SPAN_NAME_MAX];
    uint64_t start_unix_ns;     /* wall clock at start */
    uint64_t end_unix_ns;       /* start + monotonic duration, so end >= start */
    uint64_t start_mono_ns;
    char status_msg[OTEL_STATUS_MSG_MAX];
    uint32_t n_attrs;
    uint32_t dropped_attrs;
    otel_attr attrs[OTEL_SPAN_MAX_ATTRS];
} otel_span;

/* Tracer settings. Zero/NULL fields take the environment, then the default:
 *   endpoint          $REFSERVER_OTEL_ENDPOINT, else OTEL_DEFAULT_ENDPOINT;
 *                     an http:// or https:// URL to POST to, or file:///PATH
 *                     for the file exporter
 *   file_path         none (non-NULL: append one OTLP JSON line per batch
 *                     to this file instead of POSTing; wins over endpoint)
 *   max_queue_size    $OTEL_BSP_MAX_QUEUE_SIZE, else 2048
 *   max_export_batch  $OTEL_BSP_MAX_EXPORT_BATCH_SIZE, else 512
 *   schedule_delay_ms $OTEL_BSP_SCHEDULE_DELAY, else 5000
 *   export_timeout_ms $OTEL_BSP_EXPORT_TIMEOUT, else 30000
 *   service_name      $OTEL_SERVICE_NAME, else "refserver"
 *   service_version   LB_VERSION
 *   scope_name        "loadbench.refserver"; scope_version  LB_VERSION */
typedef struct otel_config {
    const char *service_name;
    const char *service_version;
    const char *scope_name;
    const char *scope_version;
    const char *endpoint;
    const char *file_path;
    int max_queue_size;
    int max_export_batch;
    int schedule_delay_ms;
    int export_timeout_ms;
} otel_config;

/* Counters since the tracer was created. `exported` spans reached the
 * collector (2xx) or the file; `dropped` spans were lost: queue full, a
 * failed export, or still queued when the shutdown deadline passed;
 * `queued` spans wait in the queue now; `export_errors` counts failed
 * batches (each failed batch also adds its spans to `dropped`). */
typedef struct otel_stats {
    uint64_t exported;
    uint64_t dropped;
    uint64_t queued;
    uint64_t export_errors;
} otel_stats;

typedef struct otel_tracer otel_tracer;

/* Create a tracer from cfg (NULL means all defaults), resolving each unset
 * field from the environment as documented on otel_config, and start its
 * exporter thread. A file sink is opened (O_APPEND, created 0644) here, so a
 * bad path fails now rather than at the first export. Returns NULL and fills
 * err on a bad setting (the message names the field or variable), an
 * unopenable file, or a resource failure. */
otel_tracer *otel_tracer_new(const otel_config *cfg, lb_err *err);

/* Stop the tracer: export everything still queued, giving the whole flush at
 * most the export timeout (spans left after it count as dropped), join the
 * exporter thread and release everything. No other thread may use the tracer
 * during or after this call. NULL is a no-op. */
void otel_tracer_free(otel_tracer *t);

/* Ask the exporter to send everything queued now, without waiting for a
 * full batch or the schedule delay, and wait until the queue is empty and
 * the last batch is delivered (or failed), at most timeout_ms. Returns 0
 * when flushed, -1 on timeout. The SDK's force_flush: for tests, and for a
 * program that wants final counters before otel_tracer_free(). NULL: 0. */
int otel_tracer_flush(otel_tracer *t, long timeout_ms);

/* Fill *out with the tracer's counters (all zero for a NULL tracer). Safe
 * from any thread. */
void otel_tracer_stats(const otel_tracer *t, otel_stats *out);

/* Copy the message of the most recent failed export into *out ("" when none
 * failed, or for a NULL tracer), so the program can report why spans were
 * dropped; the library itself never prints. Safe from any thread. */
void otel_tracer_last_error(const otel_tracer *t, lb_err *out);

/* Start `span` named `name` of kind `kind` at the current time. With a valid
 * `parent` the span joins the parent's trace as its child (a remote parent
 * from `traceparent` or a local one from otel_span_context()); otherwise it
 * starts a new trace with fresh random ids. A parent whose sampled flag is
 * clear yields a non-recording span that still carries a context for
 * propagation (the SDK's parent-based sampler). With a NULL tracer the span
 * is marked non-recording with an empty context, and nothing else happens. */
void otel_span_start(otel_tracer *t, otel_span *span, const char *name,
                     const otel_span_ctx *parent, otel_kind kind);

/* otel_span_start() with the start moved back to `start_mono_ns`, a
 * CLOCK_MONOTONIC reading (clock_mono_ns()) taken earlier: a server learns
 * the traceparent only after the headers are parsed, but the request span
 * should begin at the first byte. 0, or a time in the future, means now. */
void otel_span_start_at(otel_tracer *t, otel_span *span, const char *name,
                        const otel_span_ctx *parent, otel_kind kind, uint64_t start_mono_ns);

/* Add a string (or integer) attribute to a recording span; a no-op on a
 * non-recording span or a NULL span. Keys and values are copied (truncated
 * to the limits above); past OTEL_SPAN_MAX_ATTRS the attribute is counted as
 * dropped. */
void otel_span_set_str(otel_span *span, const char *key, const char *value);
void otel_span_set_int(otel_span *span, const char *key, int64_t value);

/* Set the span's status; `message` (may be NULL) is kept only for ERROR, as
 * OTLP specifies. No-op on a non-recording or NULL span. */
void otel_span_set_status(otel_span *span, otel_status code, const char *message);

/* The span's context, to pass as `parent` for children or to format as a
 * traceparent; the empty context for a NULL span. */
const otel_span_ctx *otel_span_context(const otel_span *span);

/* End a recording span now and enqueue it for export. Never blocks on I/O:
 * it takes the queue lock for a copy, and when the queue is full the span is
 * dropped and counted. Afterwards the span is non-recording, so ending it
 * twice is harmless. No-op for a NULL tracer or a non-recording span. */
void otel_span_end(otel_tracer *t, otel_span *span);

/* otel_span_end() at `end_mono_ns` (CLOCK_MONOTONIC) instead of now, for
 * spans rebuilt from phase timings measured elsewhere (a bcrypt pool
 * thread's start and end). A time before the span's start ends it at its
 * start. */
void otel_span_end_at(otel_tracer *t, otel_span *span, uint64_t end_mono_ns);

/* Parse a W3C traceparent header value of `len` bytes (not necessarily
 * NUL-terminated) into *out. Follows the W3C Trace Context rules: lowercase
 * hex only, version "ff" forbidden, version 00 exactly 55 bytes, a later
 * version at least 55 bytes with a '-' after the flags if longer, all-zero
 * trace-id or parent-id invalid. Returns 0 on success; -1 for a bad header,
 * leaving *out as the empty context, so the caller simply starts a new
 * trace. */
int otel_traceparent_parse(const char *s, size_t len, otel_span_ctx *out);

/* Write ctx as a version-00 traceparent plus NUL into buf (at least
 * OTEL_TRACEPARENT_LEN + 1 bytes). Returns 0, or -1 (buf set to "") for the
 * empty context, which must not be sent. */
int otel_traceparent_format(const otel_span_ctx *ctx, char *buf, size_t buflen);

/* Hex helpers for logging ids: write 2*n lowercase hex digits plus NUL. */
void otel_hex_encode(const uint8_t *bytes, size_t n, char *out);

#endif
