/* otel_json.c — encode a batch of spans as an OTLP/HTTP JSON
 * ExportTraceServiceRequest.
 *
 * Follows the OTLP JSON mapping (opentelemetry-proto, "JSON Protobuf
 * Encoding"): ids are lowercase hex (not base64), 64-bit integers
 * (timestamps, intValue) are decimal strings, enums are integers, field names
 * are lowerCamelCase, and empty fields (a root span's parentSpanId, an unset
 * status) are left out.
 *
 * Written straight into a growing buffer rather than through jansson: built
 * as a jansson tree and dumped, a span cost 5-6 us of exporter CPU (20-odd
 * small objects and strings malloc'd and freed per span); written directly,
 * about 0.3 us (both measured on a 512-span batch, see docs/BENCHMARKS.md).
 * The exporter shares a 2-core machine with the server being measured, and
 * the document shape is fixed, so the only general part is string escaping.
 * The unit tests parse every document back with jansson, an independent
 * parser, so this writer is checked against a real one. */
#include "otel_internal.h"
#include "buf.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The document: common's lb_buf, plus a record of the first failed append.
 * lb_buf reports out of memory per call; the writer below makes dozens of
 * calls per span, so it keeps going and otel_json_encode checks once at the
 * end, then drops the document (what later calls appended does not matter). */
typedef struct jbuf {
    lb_buf b;
    bool oom;
} jbuf;

static void jb_reserve(jbuf *j, size_t more)
{
    if (lb_buf_reserve(&j->b, more))
        j->oom = true;
}

static void jb_put(jbuf *j, const char *s, size_t n)
{
    if (lb_buf_append(&j->b, s, n))
        j->oom = true;
}

#define JB_LIT(b, lit) jb_put((b), (lit), sizeof(lit) - 1)

/* Length of the valid UTF-8 sequence at s (of at most n bytes), or 0 when
 * it is not valid (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

/* A JSON string. Text comes partly from the network (paths, headers), so
 * bytes that are not valid UTF-8 become '?' rather than invalid JSON. */
static void jb_str(jbuf *b, const char *str)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str);
    jb_reserve(b, n + 2);
    jb_put(b, "\"", 1);
    size_t run = 0; /* bytes copied as they are, flushed in one go */
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            run++;
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t l = utf8_len(s + i, n - i);
            if (l) {
                run += l;
                i += l;
                continue;
            }
        }
        jb_put(b, (const char *)s + i - run, run);
        run = 0;
        if (c == '"')
            JB_LIT(b, "\\\"");
        else if (c == '\\')
            JB_LIT(b, "\\\\");
        else if (c == '\n')
            JB_LIT(b, "\\n");
        else if (c == '\r')
            JB_LIT(b, "\\r");
        else if (c == '\t')
            JB_LIT(b, "\\t");
        else if (c < 0x20) {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            jb_put(b, u, sizeof u);
        } else
            JB_LIT(b, "?");
        i++;
    }
    jb_put(b, (const char *)s + n - run, run);
    jb_put(b, "\"", 1);
}

static void jb_hex(jbuf *b, const uint8_t *bytes, size_t n)
{
    char buf[2 * 16 + 3];
    buf[0] = '"';
    otel_hex_encode(bytes, n, buf + 1);
    buf[2 * n + 1] = '"';
    jb_put(b, buf, 2 * n + 2);
}

/* Decimal digits of v, optionally in quotes (OTLP's 64-bit integers are
 * strings). By hand because snprintf was the largest remaining cost. */
static void jb_u64(jbuf *b, uint64_t v, int negative, int quoted)
{
    char buf[24];
    char *p = buf + sizeof buf;
    if (quoted)
        *--p = '"';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        *--p = '-';
    if (quoted)
        *--p = '"';
    jb_put(b, p, (size_t)(buf + sizeof buf - p));
}

static void jb_i64(jbuf *b, int64_t v, int quoted)
{
    /* -(INT64_MIN) overflows int64; its magnitude fits in uint64. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    jb_u64(b, mag, v < 0, quoted);
}

static void jb_kv_string(jbuf *b, const char *key, const char *value)
{
    JB_LIT(b, "{\"key\":");
    jb_str(b, key);
    JB_LIT(b, ",\"value\":{\"stringValue\":");
    jb_str(b, value);
    JB_LIT(b, "}}");
}

static void jb_attr(jbuf *b, const otel_attr *a)
{
    if (a->type != OTEL_ATTR_INT) {
        jb_kv_string(b, a->key, a->sval);
        return;
    }
    JB_LIT(b, "{\"key\":");
    jb_str(b, a->key);
    JB_LIT(b, ",\"value\":{\"intValue\":");
    jb_i64(b, a->ival, 1);
    JB_LIT(b, "}}");
}

static void jb_span(jbuf *b, const otel_span *s)
{
    JB_LIT(b, "{\"traceId\":");
    jb_hex(b, s->ctx.trace_id, 16);
    JB_LIT(b, ",\"spanId\":");
    jb_hex(b, s->ctx.span_id, 8);
    if (s->has_parent) {
        JB_LIT(b, ",\"parentSpanId\":");
        jb_hex(b, s->parent_span_id, 8);
    }
    JB_LIT(b, ",\"name\":");
    jb_str(b, s->name);
    JB_LIT(b, ",\"kind\":");
    jb_u64(b, s->kind, 0, 0);
    JB_LIT(b, ",\"startTimeUnixNano\":");
    jb_u64(b, s->start_unix_ns, 0, 1);
    JB_LIT(b, ",\"endTimeUnixNano\":");
    jb_u64(b, s->end_unix_ns, 0, 1);
    JB_LIT(b, ",\"attributes\":[");
    for (uint32_t i = 0; i < s->n_attrs; i++) {
        if (i)
            JB_LIT(b, ",");
        jb_attr(b, &s->attrs[i]);
    }
    JB_LIT(b, "]");
    if (s->dropped_attrs) {
        JB_LIT(b, ",\"droppedAttributesCount\":");
        jb_u64(b, s->dropped_attrs, 0, 0);
    }
    JB_LIT(b, ",\"status\":{");
    if (s->status_code != OTEL_STATUS_UNSET) {
        JB_LIT(b, "\"code\":");
        jb_u64(b, s->status_code, 0, 0);
        if (s->status_code == OTEL_STATUS_ERROR && s->status_msg[0]) {
            JB_LIT(b, ",\"message\":");
            jb_str(b, s->status_msg);
        }
    }
    JB_LIT(b, "}}");
}

char *otel_json_encode(const otel_resource *res, const otel_span *const *spans, size_t n,
                       size_t *len, lb_err *err)
{
    jbuf b = {{NULL, 0, 0, 0}, false};
    jb_reserve(&b, 512 + n * 400); /* a typical span is 300-400 bytes */
    JB_LIT(&b, "{\"resourceSpans\":[{\"resource\":{\"attributes\":[");
    jb_kv_string(&b, "service.name", res->service_name);
    JB_LIT(&b, ",");
    jb_kv_string(&b, "service.version", res->service_version);
    JB_LIT(&b, "]},\"scopeSpans\":[{\"scope\":{\"name\":");
    jb_str(&b, res->scope_name);
    JB_LIT(&b, ",\"version\":");
    jb_str(&b, res->scope_version);
    JB_LIT(&b, "},\"spans\":[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            JB_LIT(&b, ",");
        jb_span(&b, spans[i]);
    }
    JB_LIT(&b, "]}]}]}");
    if (b.oom) {
        lb_buf_free(&b.b);
        lb_err_set(err, "otel: out of memory encoding %zu spans", n);
        return NULL;
    }
    if (len)
        *len = b.b.len;
    return b.b.data; /* NUL-terminated by lb_buf_append; the caller frees it */
}
