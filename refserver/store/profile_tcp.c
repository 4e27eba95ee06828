/* profile_tcp.c — the profiler's sniffer_rollup (decnet/profiler/behavioral.py):
 * OS guess (p0f's modal label, else a TTL bucket), hop distance, the last
 * TCP fingerprint of a SYN (sniffer) or tcpfp (prober) event, retransmits. */
#include "derive.h"
#include <stdlib.h>
#include <string.h>

static const char *os_from_ttl(const char *ttl_s)
{
    char *end;
    long ttl = ttl_s ? strtol(ttl_s, &end, 10) : 0;
    if (!ttl_s || end == ttl_s || *end)
        return NULL;
    if (ttl >= 55 && ttl <= 70)
        return "linux";
    if (ttl >= 115 && ttl <= 135)
        return "windows";
    if (ttl >= 235 && ttl <= 255)
        return "embedded";
    return NULL;
}

/* The most common string of vals[0..n) (the first seen wins a tie), or NULL. */
static const char *modal(const char **vals, size_t n)
{
    const char *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t c = 0;
        bool seen = false;
        for (size_t j = 0; j < n; j++) {
            if (!strcmp(vals[i], vals[j])) {
                seen = seen || j < i;
                c++;
            }
        }
        if (!seen && c > best_n) {
            best = vals[i];
            best_n = c;
        }
    }
    return best;
}

static json_t *opt_int(const json_t *fields, const char *key)
{
    long v;
    return derive_fint(fields, key, &v) ? json_integer(v) : json_null();
}

static bool flag(const json_t *fields, const char *key, const char *on)
{
    json_t *v = json_object_get(fields, key);
    return (json_is_string(v) && !strcmp(json_string_value(v), on)) ||
           (json_is_true(v) && !strcmp(on, "true"));
}

static json_t *tcp_fp(const json_t *f, const char *win, const char *ws, const char *sig,
                      const char *sack, const char *tsk, const char *on)
{
    json_t *sigv = json_object_get(f, sig);   /* .get(key, ""): a null stays null */
    return json_pack("{s:o,s:o,s:o,s:o,s:b,s:b}", "window", opt_int(f, win), "wscale",
                     opt_int(f, ws), "mss", opt_int(f, "mss"), "options_sig",
                     sigv ? json_incref(sigv) : json_string(""), "has_sack", flag(f, sack, on),
                     "has_timestamps", flag(f, tsk, on));
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

void derive_rollup(const pf_event *ev, size_t n, pf_record *r, json_t **fp_out)
{
    const char **os = calloc(n + 1, sizeof *os), **ttls = calloc(n + 1, sizeof *ttls);
    long *hops = calloc(n + 1, sizeof *hops);
    char (*ttl_buf)[24] = calloc(n + 1, sizeof *ttl_buf);
    size_t nos = 0, nttl = 0, nhop = 0;
    json_t *fp = NULL;
    r->retransmit_count = 0;
    for (size_t i = 0; os && ttls && hops && ttl_buf && i < n; i++) {
        const json_t *f = ev[i].fields;
        long v;
        if (!strcmp(ev[i].event_type, "tcp_syn_fingerprint")) {
            json_t *og = json_object_get(f, "os_guess");
            if (derive_truthy(og) && json_is_string(og) && strcmp(json_string_value(og), "unknown"))
                os[nos++] = json_string_value(og);
            const char *t = derive_ftext(f, "ttl", ttl_buf[i], sizeof ttl_buf[i]);
            if (!t || !*t)
                t = derive_ftext(f, "initial_ttl", ttl_buf[i], sizeof ttl_buf[i]);
            if (t && *t)
                ttls[nttl++] = t;
            if (derive_fint(f, "hop_distance", &v) && v > 0)
                hops[nhop++] = v;
            json_decref(fp);
            fp = tcp_fp(f, "window", "wscale", "options_sig", "has_sack", "has_timestamps",
                        "true");
        } else if (!strcmp(ev[i].event_type, "tcp_flow_timing")) {
            if (!json_object_get(f, "retransmits"))
                continue;
            if (derive_fint(f, "retransmits", &v))
                r->retransmit_count += v;
        } else if (!strcmp(ev[i].event_type, "tcpfp_fingerprint")) {
            const char *t = derive_ftext(f, "ttl", ttl_buf[i], sizeof ttl_buf[i]);
            if (t && *t) {
                ttls[nttl++] = t;
                const char *hint = os_from_ttl(t);
                long initial = !hint ? 0 : !strcmp(hint, "linux") ? 64
                             : !strcmp(hint, "windows") ? 128 : 255;
                if (hint && derive_fint(f, "ttl", &v) && initial - v > 0)
                    hops[nhop++] = initial - v;
            }
            json_decref(fp);
            fp = tcp_fp(f, "window_size", "window_scale", "options_order", "sack_ok",
                        "timestamp", "1");
        }
    }
    const char *g = nos ? modal(os, nos) : os_from_ttl(nttl ? modal(ttls, nttl) : NULL);
    r->os_guess = g ? strdup(g) : NULL;
    r->hop_distance = -1;
    if (nhop) {
        qsort(hops, nhop, sizeof *hops, cmp_long);
        /* int(statistics.median()): the mean of the middle two, truncated */
        r->hop_distance = nhop % 2 ? hops[nhop / 2]
                                   : (long)((double)(hops[nhop / 2 - 1] + hops[nhop / 2]) / 2.0);
    }
    *fp_out = fp ? fp : json_object();
    free(os);
    free(ttls);
    free(hops);
    free(ttl_buf);
}
