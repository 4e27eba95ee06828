/* fuzz_traceparent.c — bounded random testing of the traceparent parser (the
 * one piece of the tracer fed straight from the network): mutated valid
 * headers and random bytes of random lengths, each in its own exactly-sized
 * heap buffer so ASan sees any read past the end. Properties: a failed parse
 * leaves the empty context; a version-00 header that parses formats back to
 * itself (unknown flag bits cleared); a parsed context is never all-zero.
 * Usage: otel-fuzz-traceparent [ITERATIONS] (default 200000); exit 1 on a
 * broken property. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "otel_internal.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int check(const char *in, size_t len)
{
    char *buf = malloc(len ? len : 1); /* exactly len bytes, no NUL */
    if (!buf)
        return 0;
    memcpy(buf, in, len);
    otel_span_ctx ctx;
    int rc = otel_traceparent_parse(buf, len, &ctx);
    int ok = 1;
    static const otel_span_ctx empty;
    if (rc < 0) {
        ok = memcmp(&ctx, &empty, sizeof ctx) == 0;
    } else {
        static const uint8_t z[16];
        ok = ctx.valid && memcmp(ctx.trace_id, z, 16) && memcmp(ctx.span_id, z, 8) &&
             (ctx.flags & ~OTEL_FLAG_SAMPLED) == 0;
        if (ok && len == OTEL_TRACEPARENT_LEN && in[0] == '0' && in[1] == '0') {
            char out[OTEL_TRACEPARENT_LEN + 1];
            ok = otel_traceparent_format(&ctx, out, sizeof out) == 0 &&
                 memcmp(out, in, 53) == 0 && (out[53] == '0') &&
                 (out[54] == ((in[54] == '0' || in[54] == '2' || in[54] == '4' ||
                               in[54] == '6' || in[54] == '8' || in[54] == 'a' ||
                               in[54] == 'c' || in[54] == 'e')
                                  ? '0'
                                  : '1'));
        }
    }
    if (!ok)
        fprintf(stderr, "otel-fuzz-traceparent: property broken for \"%.*s\" (len %zu, rc %d)\n",
                (int)len, in, len, rc);
    free(buf);
    return ok;
}

int main(int argc, char **argv)
{
    long iters = argc > 1 ? strtol(argv[1], NULL, 10) : 200000;
    if (iters <= 0) {
        fprintf(stderr, "usage: otel-fuzz-traceparent [ITERATIONS>0]\n");
        return 2;
    }
    static const char alphabet[] = "0123456789abcdefABCDEF-xz \t\0\xff";
    const char *seed = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    long accepted = 0;
    for (long i = 0; i < iters; i++) {
        char in[80];
        size_t len;
        if (i % 4 == 3) { /* random bytes, random length */
            len = next() % sizeof in;
            for (size_t k = 0; k < len; k++)
                in[k] = (char)next();
        } else { /* the valid header with a few mutations */
            len = OTEL_TRACEPARENT_LEN;
            memcpy(in, seed, len);
            int muts = (int)(next() % 4);
            for (int m = 0; m < muts; m++) {
                uint64_t r = next();
                size_t at = r % len;
                switch ((r >> 8) % 3) {
                case 0: in[at] = alphabet[(r >> 16) % (sizeof alphabet - 1)]; break;
                case 1: if (len < sizeof in) in[len++] = '-'; break;
                case 2: if (len > 0) len--; break;
                }
            }
        }
        if (!check(in, len))
            return 1;
        otel_span_ctx c;
        accepted += otel_traceparent_parse(in, len, &c) == 0;
    }
    printf("otel-fuzz-traceparent: %ld inputs, %ld accepted, all properties held\n", iters,
           accepted);
    return 0;
}
