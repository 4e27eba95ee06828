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

/* Anchors of a member's distribution: (min, 0), (p50, .5), (p95, .95),
 * (p99, .99), (max, 1), forced non-decreasing (the web UI rounds min/max
 * to integers and reports bucket percentiles that may pass the raw max). */
static void anchors(const model_endpoint *e, double xs[5])
{
    xs[0] = e->min < e->m.p50 ? e->min : e->m.p50;
    xs[1] = e->m.p50;
    xs[2] = e->m.has_p95 ? e->m.p95 : e->m.p50;
    xs[3] = e->m.has_p99 ? e->m.p99 : xs[2];
    xs[4] = e->max;
    for (int k = 1; k < 5; k++)
        if (xs[k] < xs[k - 1])
            xs[k] = xs[k - 1];
}

static const double ANCHOR_P[5] = { 0.0, 0.5, 0.95, 0.99, 1.0 };

/* Piecewise-linear CDF through the anchors (a step where anchors coincide). */
static double member_cdf(const double xs[5], double x)
{
    if (x < xs[0])
        return 0.0;
    if (x >= xs[4])
        return 1.0;
    for (int k = 3; k >= 0; k--)
        if (x >= xs[k]) {
            double span = xs[k + 1] - xs[k];
            return span > 0 ? ANCHOR_P[k] + (ANCHOR_P[k + 1] - ANCHOR_P[k]) * (x - xs[k]) / span
                            : ANCHOR_P[k + 1];
        }
    return 0.0;
}

/* Smallest x whose request-weighted mixture CDF reaches q, by bisection
 * between the members' smallest and largest anchors. */
static double mixture_quantile(const double (*xs)[5], const double *w, size_t n, double wsum,
                               double q)
{
    double lo = xs[0][0], hi = xs[0][4];
    for (size_t i = 1; i < n; i++) {
        if (xs[i][0] < lo) lo = xs[i][0];
        if (xs[i][4] > hi) hi = xs[i][4];
    }
    for (int it = 0; it < 100 && hi - lo > 1e-9 * (1.0 + hi); it++) {
        double mid = lo + (hi - lo) / 2.0, c = 0.0;
        for (size_t i = 0; i < n; i++)
            c += w[i] * member_cdf(xs[i], mid);
        if (c / wsum >= q)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Fold members [from, to) of the sorted keys into g (strings not yet set).
 * Percentiles: the members' anchors define a mixture distribution whose
 * quantiles approximate the folded row's (exact only for members with a
 * single request); -1 on OOM. */
static int fold(model_endpoint *g, const model_profile *p, const keyed *k,
                size_t from, size_t to)
{
    size_t n = to - from;
    double (*xs)[5] = malloc(n * sizeof *xs);
    double *w = malloc(n * sizeof *w);
    if (!xs || !w) {
        free(xs);
        free(w);
        return -1;
    }
    double wsum = 0.0, time = 0.0, size = 0.0;
    size_t used = 0;
    memset(g, 0, sizeof *g);
    g->m.has_p95 = g->m.has_p99 = g->m.has_rps = true;
    for (size_t i = from; i < to; i++) {
        const model_endpoint *e = &p->eps[k[i].idx];
        double wi = (double)e->m.requests;
        g->m.requests += e->m.requests;
        g->m.fails += e->m.fails;
        g->m.rps += e->m.rps;
        g->m.has_rps &= e->m.has_rps;
        if (i == from || e->min < g->min)
            g->min = e->min;
        if (i == from || e->max > g->max)
            g->max = e->max;
        wsum += wi;
        time += wi * e->m.avg;
        size += wi * e->avg_size;
        if (wi > 0) {
            anchors(e, xs[used]);
            w[used++] = wi;
        }
    }
    if (wsum > 0.0) {
        g->m.avg = time / wsum;
        g->avg_size = size / wsum;
        g->m.p50 = mixture_quantile((const double (*)[5])xs, w, used, wsum, 0.50);
        g->m.p95 = mixture_quantile((const double (*)[5])xs, w, used, wsum, 0.95);
        g->m.p99 = mixture_quantile((const double (*)[5])xs, w, used, wsum, 0.99);
    } else {
        g->m.has_p95 = g->m.has_p99 = false;
    }
    g->m.approx_pct = true;
    g->members = n;
    free(xs);
    free(w);
    return 0;
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
            if (fold(g, p, k, i, j))
                goto oom;
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
