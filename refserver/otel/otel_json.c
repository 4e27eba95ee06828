/* otel_json.c — encode a batch of spans as an OTLP/HTTP JSON
 * ExportTraceServiceRequest, with jansson.
 *
 * Follows the OTLP JSON mapping (opentelemetry-proto, "JSON Protobuf
 * Encoding"): ids are lowercase hex (not base64), 64-bit integers
 * (timestamps, intValue) are decimal strings, enums are integers, field names
 * are lowerCamelCase, and empty fields (a root span's parentSpanId, an unset
 * status) are left out. */
#include "otel_internal.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

/* A JSON string from bytes that should be UTF-8 but come from the network
 * (paths, headers): jansson refuses invalid UTF-8, so on refusal each byte
 * outside ASCII is replaced by '?' rather than losing the attribute. */
static json_t *str_json(const char *s)
{
    json_t *j = json_string(s);
    if (j)
        return j;
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        copy[i] = (unsigned char)s[i] >= 0x80 ? '?' : s[i];
    j = json_string(copy);
    free(copy);
    return j;
}

static json_t *u64_json(uint64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%" PRIu64, v);
    return json_string(buf);
}

static json_t *hex_json(const uint8_t *b, size_t n)
{
    char buf[33];
    otel_hex_encode(b, n, buf);
    return json_string(buf);
}

static json_t *kv_string(const char *key, const char *value)
{
    return json_pack("{s:o, s:{s:o}}", "key", str_json(key), "value", "stringValue",
                     str_json(value));
}

static json_t *attr_json(const otel_attr *a)
{
    if (a->type == OTEL_ATTR_INT) {
        char buf[24];
        snprintf(buf, sizeof buf, "%" PRId64, a->ival);
        return json_pack("{s:o, s:{s:s}}", "key", str_json(a->key), "value", "intValue", buf);
    }
    return kv_string(a->key, a->sval);
}

static json_t *span_json(const otel_span *s)
{
    json_t *attrs = json_array();
    for (uint32_t i = 0; i < s->n_attrs && attrs; i++)
        if (json_array_append_new(attrs, attr_json(&s->attrs[i])) < 0) {
            json_decref(attrs);
            attrs = NULL;
        }
    json_t *status = json_object();
    if (status && s->status_code != OTEL_STATUS_UNSET) {
        json_object_set_new(status, "code", json_integer(s->status_code));
        if (s->status_code == OTEL_STATUS_ERROR && s->status_msg[0])
            json_object_set_new(status, "message", str_json(s->status_msg));
    }
    json_t *j = json_pack("{s:o, s:o, s:o, s:i, s:o, s:o, s:o, s:o}",
                          "traceId", hex_json(s->ctx.trace_id, 16),
                          "spanId", hex_json(s->ctx.span_id, 8),
                          "name", str_json(s->name),
                          "kind", (int)s->kind,
                          "startTimeUnixNano", u64_json(s->start_unix_ns),
                          "endTimeUnixNano", u64_json(s->end_unix_ns),
                          "attributes", attrs,
                          "status", status);
    if (j && s->has_parent &&
        json_object_set_new(j, "parentSpanId", hex_json(s->parent_span_id, 8)) < 0) {
        json_decref(j);
        return NULL;
    }
    if (j && s->dropped_attrs &&
        json_object_set_new(j, "droppedAttributesCount", json_integer(s->dropped_attrs)) < 0) {
        json_decref(j);
        return NULL;
    }
    return j;
}

char *otel_json_encode(const otel_resource *res, const otel_span *spans, size_t n,
                       size_t *len, lb_err *err)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n && arr; i++)
        if (json_array_append_new(arr, span_json(&spans[i])) < 0) {
            json_decref(arr);
            arr = NULL;
        }
    /* json_pack's "o" steals references even on failure, so one NULL
     * anywhere makes the whole pack fail without leaking. */
    json_t *doc = json_pack(
        "{s:[{s:{s:[o,o]}, s:[{s:{s:o, s:o}, s:o}]}]}",
        "resourceSpans",
        "resource", "attributes",
        kv_string("service.name", res->service_name),
        kv_string("service.version", res->service_version),
        "scopeSpans",
        "scope", "name", str_json(res->scope_name), "version", str_json(res->scope_version),
        "spans", arr);
    if (!doc) {
        lb_err_set(err, "otel: out of memory encoding %zu spans", n);
        return NULL;
    }
    char *out = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    if (!out) {
        lb_err_set(err, "otel: out of memory encoding %zu spans", n);
        return NULL;
    }
    if (len)
        *len = strlen(out);
    return out;
}
