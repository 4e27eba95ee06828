/* group.c — folding endpoints by query-value-free keys, exact where the input allows. */
#include "group.h"
#include <stdlib.h>
#include <string.h>

char *group_key(const char *name)
{
    const char *q = strchr(name, '?');
    if (!q)
        return strdup(name);
    /* An empty value ("a=&b=1") grows by one byte per parameter. */
    size_t extra = 0;
    for (const char *s = q; *s; s++)
        extra += *s == '=';
    char *out = malloc(strlen(name) + extra + 1);
    if (!out)
        return NULL;
    size_t o = (size_t)(q - name) + 1;
    memcpy(out, name, o);
    const char *s = q + 1;
    while (*s) {
        size_t plen = strcspn(s, "&");
        const char *eq = memchr(s, '=', plen);
        if (eq) {
            size_t klen = (size_t)(eq - s) + 1;
            memcpy(out + o, s, klen);
            o += klen;
            out[o++] = '*';
        } else {
            memcpy(out + o, s, plen);
            o += plen;
        }
        s += plen;
        if (*s == '&')
            out[o++] = *s++;
    }
    out[o] = '\0';
    return out;
}

typedef struct keyed {
    char *key;
    const char *method;
    size_t idx;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (!c)
        c = strcmp(x->method, y->method);
    if (!c)
        c = (x->idx > y->idx) - (x->idx < y->idx);
    return c;
}

/* Fold members [from, to) of the sorted keys into g (strings not yet set). */
static void fold(model_endpoint *g, const model_profile *p, const keyed *k,
                 size_t from, size_t to)
{
    double wsum = 0.0, time = 0.0, size = 0.0, p50 = 0.0, p95 = 0.0, p99 = 0.0;
    memset(g, 0, sizeof *g);
    g->m.has_p95 = g->m.has_p99 = g->m.has_rps = true;
    for (size_t i = from; i < to; i++) {
        const model_endpoint *e = &p->eps[k[i].idx];
        double w = (double)e->m.requests;
        g->m.requests += e->m.requests;
        g->m.fails += e->m.fails;
        g->m.rps += e->m.rps;
        g->m.has_rps &= e->m.has_rps;
        g->m.has_p95 &= e->m.has_p95;
        g->m.has_p99 &= e->m.has_p99;
        if (i == from || e->min < g->min)
            g->min = e->min;
        if (i == from || e->max > g->max)
            g->max = e->max;
        wsum += w;
        time += w * e->m.avg;
        size += w * e->avg_size;
        p50 += w * e->m.p50;
        p95 += w * e->m.p95;
        p99 += w * e->m.p99;
    }
    if (wsum > 0.0) {
        g->m.avg = time / wsum;
        g->avg_size = size / wsum;
        g->m.p50 = p50 / wsum;
        g->m.p95 = p95 / wsum;
        g->m.p99 = p99 / wsum;
    }
    g->m.approx_pct = true;
    g->members = to - from;
}

int group_profile(model_profile *p, lb_err *err)
{
    if (p->neps == 0)
        return 0;
    keyed *k = calloc(p->neps, sizeof *k);
    model_endpoint *out = calloc(p->neps, sizeof *out);
    size_t nout = 0;
    if (!k || !out)
        goto oom;
    for (size_t i = 0; i < p->neps; i++) {
        k[i].idx = i;
        k[i].method = p->eps[i].method;
        if (!(k[i].key = group_key(p->eps[i].name)))
            goto oom;
    }
    qsort(k, p->neps, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < p->neps;) {
        size_t j = i + 1;
        while (j < p->neps && !strcmp(k[j].key, k[i].key) &&
               !strcmp(k[j].method, k[i].method))
            j++;
        model_endpoint *g = &out[nout];
        const model_endpoint *first = &p->eps[k[i].idx];
        if (j - i == 1) {
            *g = *first;   /* a lone member keeps its exact values and name */
            g->method = strdup(first->method);
            g->name = strdup(first->name);
        } else {
            fold(g, p, k, i, j);
            g->method = strdup(first->method);
            g->name = strdup(k[i].key);
        }
        nout++;
        if (!g->method || !g->name)
            goto oom;
        i = j;
    }
    for (size_t i = 0; i < p->neps; i++) {
        free(k[i].key);
        free(p->eps[i].method);
        free(p->eps[i].name);
    }
    free(k);
    free(p->eps);
    p->eps = out;
    p->neps = nout;
    model_sort_endpoints(p);
    return 0;
oom:
    if (k)
        for (size_t i = 0; i < p->neps; i++)
            free(k[i].key);
    for (size_t i = 0; i < nout; i++) {
        free(out[i].method);
        free(out[i].name);
    }
    free(k);
    free(out);
    return lb_err_set(err, "%s: out of memory while grouping names", p->path);
}
