/* traceparent.c — fresh W3C traceparent values for loadgen --trace.
 *
 * Written here rather than reusing lbotel's otel_traceparent_format: lbotel
 * lives in refserver's folder (a program never reaches into another's), and
 * loadgen needs only this 20-line formatter, not parsing, spans or the
 * exporter, so it is not code both programs share. */
#include "traceparent.h"
#include <stdint.h>
#include <string.h>

static const char hexdig[] = "0123456789abcdef";

/* 2*nbytes lowercase hex digits of v's low bytes, most significant first. */
static char *put_hex(char *o, uint64_t v, int nbytes)
{
    for (int i = nbytes * 2 - 1; i >= 0; i--) {
        o[i] = hexdig[v & 0xf];
        v >>= 4;
    }
    return o + nbytes * 2;
}

void tp_fresh(lg_tp *t, lg_rng *rng)
{
    uint64_t hi = rng_next(rng), lo = rng_next(rng), span = rng_next(rng);
    if (!(hi | lo))   /* all-zero ids are invalid (W3C Trace Context §3.2.2) */
        lo = 1;
    if (!span)
        span = 1;
    char *o = t->line;
    memcpy(o, LG_TP_PREFIX "00-", sizeof LG_TP_PREFIX - 1 + 3);
    o += sizeof LG_TP_PREFIX - 1 + 3;
    o = put_hex(o, hi, 8);
    o = put_hex(o, lo, 8);
    *o++ = '-';
    o = put_hex(o, span, 8);
    memcpy(o, "-01", 4);   /* sampled, and the NUL */
}

struct curl_slist *tp_chain(lg_tp *t, struct curl_slist *next)
{
    t->node.data = t->line;
    t->node.next = next;
    return &t->node;
}
