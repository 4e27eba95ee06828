/* params.c — query strings and FastAPI-compatible validation errors (see params.h). */
#include "params.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reply.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *params_decode(const char *src, size_t n, bool plus)
{
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '%' && i + 2 < n && hexval(src[i + 1]) >= 0 &&
            hexval(src[i + 2]) >= 0) {
            *o++ = (char)(hexval(src[i + 1]) * 16 + hexval(src[i + 2]));
            i += 2;
        } else if (plus && src[i] == '+') {
            *o++ = ' ';
        } else {
            *o++ = src[i];
        }
    }
    *o = '\0';
    return out;
}

int query_parse(rs_query *q, const char *qs)
{
    memset(q, 0, sizeof *q);
    const char *p = qs ? qs : "";
    while (*p && q->n < RS_QUERY_MAX) {
        size_t len = strcspn(p, "&");
        if (len) {
            const char *eq = memchr(p, '=', len);
            size_t kl = eq ? (size_t)(eq - p) : len;
            char *k = params_decode(p, kl, true);
            char *v = eq ? params_decode(eq + 1, len - kl - 1, true) : strdup("");
            if (!k || !v) {
                free(k);
                free(v);
                query_free(q);
                return -1;
            }
            q->key[q->n] = k;
            q->val[q->n] = v;
            q->n++;
        }
        p += len;
        if (*p == '&')
            p++;
    }
    return 0;
}

void query_free(rs_query *q)
{
    for (int i = 0; i < q->n; i++) {
        free(q->key[i]);
        free(q->val[i]);
    }
    q->n = 0;
}

const char *query_get(const rs_query *q, const char *key)
{
    for (int i = q->n - 1; i >= 0; i--)
        if (!strcmp(q->key[i], key))
            return q->val[i];
    return NULL;
}

const char *query_opt(const rs_query *q, const char *key)
{
    const char *v = query_get(q, key);
    if (!v || !*v || !strcmp(v, "null") || !strcmp(v, "NULL") || !strcmp(v, "undefined"))
        return NULL;
    return v;
}

int param_int(const rs_query *q, const char *key, long dflt, long lo, long hi, long *out,
              rs_reply *rep, bool developer)
{
    const char *s = query_get(q, key);
    if (!s) {
        *out = dflt;
        return 0;
    }
    /* pydantic strips surrounding whitespace before parsing an int */
    while (*s == ' ')
        s++;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (end > s && *end == ' ')
        end++;
    if (end == s || *end || (s[0] == '+' && s[1] == '\0'))
        return reply_invalid(rep, developer, "int_parsing", "query", key,
                               "Input should be a valid integer, unable to parse string as an "
                               "integer", query_get(q, key), NULL, NULL), -1;
    char msg[96];
    if (v < lo || (errno == ERANGE && v == LONG_MIN)) {
        snprintf(msg, sizeof msg, "Input should be greater than or equal to %ld", lo);
        reply_invalid(rep, developer, "greater_than_equal", "query", key, msg,
                        query_get(q, key), "ge", json_integer(lo));
        return -1;
    }
    if (v > hi || errno == ERANGE) {
        snprintf(msg, sizeof msg, "Input should be less than or equal to %ld", hi);
        reply_invalid(rep, developer, "less_than_equal", "query", key, msg,
                        query_get(q, key), "le", json_integer(hi));
        return -1;
    }
    *out = v;
    return 0;
}

/* Characters, not bytes: pydantic counts code points. */
static long utf8_len(const char *s)
{
    long n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

int param_maxlen(const char *name, const char *val, long max_len, rs_reply *rep,
                 bool developer)
{
    if (!val || utf8_len(val) <= max_len)
        return 0;
    char msg[96];
    snprintf(msg, sizeof msg, "String should have at most %ld characters", max_len);
    reply_invalid(rep, developer, "string_too_long", "query", name, msg, val,
                    "max_length", json_integer(max_len));
    return -1;
}

int param_page(const rs_query *q, long *limit, long *offset, rs_reply *rep, bool developer)
{
    return param_int(q, "limit", 50, 1, 1000, limit, rep, developer) ||
                   param_int(q, "offset", 0, 0, INT_MAX, offset, rep, developer)
               ? -1
               : 0;
}
