/* otel_traceparent.c — W3C Trace Context `traceparent` parsing and formatting.
 *
 * Hand-written because no Debian-packaged C library implements W3C trace
 * context (the opentelemetry-cpp SDK is C++ and not packaged in Debian 12).
 * The rules are the spec's (https://www.w3.org/TR/trace-context/ §3.2): a bad
 * header is ignored, never repaired, so the server starts a fresh trace. */
#include "otel.h"
#include <string.h>

/* Lowercase hex only: the spec's HEXDIGLC; uppercase makes the header invalid. */
static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decode 2*n hex chars into n bytes; -1 on any non-lowercase-hex char. */
static int hex_decode(const char *s, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}

static int all_zero(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return 0;
    return 1;
}

int otel_traceparent_parse(const char *s, size_t len, otel_span_ctx *out)
{
    otel_span_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    memset(out, 0, sizeof *out);
    if (!s || len < OTEL_TRACEPARENT_LEN)
        return -1;
    uint8_t version;
    if (hex_decode(s, &version, 1) < 0 || version == 0xff)
        return -1;
    /* Version 00 is exactly 55 bytes. A later version may append fields,
     * each after a '-'; we read the version-00 prefix of it, as the spec
     * asks of an implementation that knows only 00. */
    if (version == 0x00 && len != OTEL_TRACEPARENT_LEN)
        return -1;
    if (len > OTEL_TRACEPARENT_LEN && s[OTEL_TRACEPARENT_LEN] != '-')
        return -1;
    if (s[2] != '-' || s[35] != '-' || s[52] != '-')
        return -1;
    if (hex_decode(s + 3, ctx.trace_id, 16) < 0 || all_zero(ctx.trace_id, 16))
        return -1;
    if (hex_decode(s + 36, ctx.span_id, 8) < 0 || all_zero(ctx.span_id, 8))
        return -1;
    if (hex_decode(s + 53, &ctx.flags, 1) < 0)
        return -1;
    /* Only `sampled` is defined; the spec says to ignore the other bits, and
     * we clear them so they are never propagated as if we understood them. */
    ctx.flags &= OTEL_FLAG_SAMPLED;
    ctx.valid = 1;
    *out = ctx;
    return 0;
}

int otel_traceparent_format(const otel_span_ctx *ctx, char *buf, size_t buflen)
{
    if (!buf || buflen == 0)
        return -1;
    buf[0] = '\0';
    if (!ctx || !ctx->valid || buflen < OTEL_TRACEPARENT_LEN + 1)
        return -1;
    memcpy(buf, "00-", 3);
    otel_hex_encode(ctx->trace_id, 16, buf + 3);
    buf[35] = '-';
    otel_hex_encode(ctx->span_id, 8, buf + 36);
    buf[52] = '-';
    otel_hex_encode(&ctx->flags, 1, buf + 53);
    return 0;
}
