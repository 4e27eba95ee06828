/* stats_errors.c — the failures table: one record per (method, name, error).
 *
 * Lookups happen on every failed request, so records are found through an
 * open-addressing hash on the three strings. The output order is Locust's:
 * sorted by StatsError.create_key, the SHA-256 hex digest of
 * "<method>.<name>.<repr(error)>" (OpenSSL's libcrypto computes it). The
 * digest is computed once per distinct error, when its record is created. */
#include "stats_priv.h"
#include "grow.h"
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct stats_err_rec {
    stats_error pub;
    char key[65];     /* SHA-256 hex */
    uint64_t hash;
};

uint64_t stats_hash(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    h ^= 0xff;   /* separator: ("ab","c") and ("a","bc") differ */
    h *= 1099511628211ull;
    return h;
}

/* Python's str.__repr__: single quotes unless the text has ' and no ";
 * backslash, the quote, \t \n \r and other control characters escaped.
 * Non-ASCII bytes pass through (Python keeps printable non-ASCII as is). */
char *stats_pyrepr_str(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len * 4 + 3);
    if (!out)
        return NULL;
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    size_t n = 0;
    out[n++] = q;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == (unsigned char)q || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c == '\t') {
            out[n++] = '\\';
            out[n++] = 't';
        } else if (c == '\n') {
            out[n++] = '\\';
            out[n++] = 'n';
        } else if (c == '\r') {
            out[n++] = '\\';
            out[n++] = 'r';
        } else if (c < 0x20 || c == 0x7f) {
            n += (size_t)sprintf(out + n, "\\x%02x", c);
        } else {
            out[n++] = (char)c;
        }
    }
    out[n++] = q;
    out[n] = '\0';
    return out;
}

/* Locust's create_key; 0 or -1 on OOM. */
static int error_key(const char *method, const char *name, const char *error, char hex[65])
{
    char *r = stats_pyrepr_str(error);
    if (!r)
        return -1;
    size_t len = strlen(method) + strlen(name) + strlen(r) + 3;
    char *text = malloc(len);
    if (!text) {
        free(r);
        return -1;
    }
    snprintf(text, len, "%s.%s.%s", method, name, r);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    int ok = EVP_Digest(text, strlen(text), md, &mdlen, EVP_sha256(), NULL);
    free(text);
    free(r);
    if (!ok)
        return -1;
    for (unsigned int i = 0; i < mdlen && i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    hex[64] = '\0';
    return 0;
}

static uint64_t rec_hash(const void *r)
{
    return ((const stats_err_rec *)r)->hash;
}

static stats_err_rec *rec_new(const char *method, const char *name, const char *error,
                              uint64_t hash)
{
    stats_err_rec *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->pub.method = strdup(method);
    r->pub.name = strdup(name);
    r->pub.error = strdup(error);
    r->hash = hash;
    if (!r->pub.method || !r->pub.name || !r->pub.error ||
        error_key(method, name, error, r->key) < 0) {
        free(r->pub.method);
        free(r->pub.name);
        free(r->pub.error);
        free(r);
        return NULL;
    }
    return r;
}

int stats_errtab_add(stats_errtab *t, const char *method, const char *name,
                     const char *error, uint64_t n)
{
    uint64_t h = stats_hash(stats_hash(stats_hash(STATS_HASH_SEED, method), name), error);
    lb_oaindex *ix = &t->index;
    if (ix->cap) {
        for (size_t j = lb_oa_first(ix, h); ix->slot[j]; j = lb_oa_next(ix, j)) {
            stats_err_rec *cand = ix->slot[j];
            stats_error *e = &cand->pub;
            if (cand->hash == h && !strcmp(e->method, method) &&
                !strcmp(e->name, name) && !strcmp(e->error, error)) {
                e->occurrences += n;
                return 0;
            }
        }
    }
    if (lb_oa_reserve(ix, rec_hash) < 0)
        return -1;
    stats_err_rec **ns = lb_grow(t->sorted, &t->cap, t->n, sizeof *ns, 16);
    if (!ns)
        return -1;
    t->sorted = ns;
    stats_err_rec *r = rec_new(method, name, error, h);
    if (!r)
        return -1;
    r->pub.occurrences = n;
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(t->sorted[mid]->key, r->key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    memmove(t->sorted + lo + 1, t->sorted + lo, (t->n - lo) * sizeof *t->sorted);
    t->sorted[lo] = r;
    t->n++;
    lb_oa_insert(ix, r, h);
    return 0;
}

const stats_error *stats_errtab_at(const stats_errtab *t, size_t i)
{
    return i < t->n ? &t->sorted[i]->pub : NULL;
}

void stats_errtab_clear(stats_errtab *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->sorted[i]->pub.method);
        free(t->sorted[i]->pub.name);
        free(t->sorted[i]->pub.error);
        free(t->sorted[i]);
    }
    free(t->sorted);
    lb_oa_free(&t->index);
    memset(t, 0, sizeof *t);
}
