/* profile_rollup.c — the per-endpoint rollup behind `analyze profile`:
 * endpoints found through a small hash on (method, route), exact sums and
 * hdr histograms per timed column, and the derived figures (percentiles,
 * shares, order, top phases). Reading files is profile_read.c's job. */
#include "profile_rollup.h"
#include "grow.h"
#include <stdlib.h>
#include <string.h>

const char *const pr_time_names[PR_NTIMES] = {
    "total", "parse", "auth", "cache", "db", "bcrypt", "serialize", "write"
};

void pr_init(pr_rollup *r)
{
    memset(r, 0, sizeof *r);
}

static void endpoint_free(pr_endpoint *e)
{
    free(e->method);
    free(e->route);
    for (int t = 0; t < PR_NTIMES; t++)
        hdr_free(e->hist[t]);
}

void pr_free(pr_rollup *r)
{
    for (size_t i = 0; i < r->neps; i++)
        endpoint_free(&r->eps[i]);
    free(r->eps);
    free(r->index);
    pr_init(r);
}

/* FNV-1a over method, a separator byte no HTTP method contains, and route. */
static uint64_t key_hash(const char *method, const char *route)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = method; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ ' ') * 1099511628211ull;
    for (const char *p = route; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h;
}

/* Slot of (method, route) in the index: the one holding it, or the empty
 * slot where it belongs. The index is never more than half full. */
static size_t index_slot(const pr_rollup *r, const char *method, const char *route)
{
    size_t mask = r->index_cap - 1;
    size_t s = (size_t)key_hash(method, route) & mask;
    while (r->index[s]) {
        const pr_endpoint *e = &r->eps[r->index[s] - 1];
        if (!strcmp(e->route, route) && !strcmp(e->method, method))
            break;
        s = (s + 1) & mask;
    }
    return s;
}

/* Double the index (or create it) and re-insert every endpoint. */
static int index_grow(pr_rollup *r)
{
    size_t cap = r->index_cap ? r->index_cap * 2 : 64;
    size_t *idx = calloc(cap, sizeof *idx);
    if (!idx)
        return -1;
    free(r->index);
    r->index = idx;
    r->index_cap = cap;
    for (size_t i = 0; i < r->neps; i++)
        r->index[index_slot(r, r->eps[i].method, r->eps[i].route)] = i + 1;
    return 0;
}

/* The endpoint for (method, route), created when new; NULL on OOM. */
static pr_endpoint *endpoint_get(pr_rollup *r, const char *method, const char *route)
{
    if (2 * (r->neps + 1) > r->index_cap && index_grow(r))
        return NULL;
    size_t s = index_slot(r, method, route);
    if (r->index[s])
        return &r->eps[r->index[s] - 1];
    pr_endpoint *eps = lb_grow(r->eps, &r->cap, r->neps, sizeof *eps, 16);
    if (!eps)
        return NULL;
    r->eps = eps;
    pr_endpoint *e = &r->eps[r->neps];
    memset(e, 0, sizeof *e);
    e->method = strdup(method);
    e->route = strdup(route);
    int ok = e->method && e->route;
    for (int t = 0; ok && t < PR_NTIMES; t++)
        ok = (e->hist[t] = hdr_new()) != NULL;
    if (!ok) {
        endpoint_free(e);
        return NULL;
    }
    r->index[s] = ++r->neps;
    return e;
}

int pr_add(pr_rollup *r, const pr_record *rec, lb_err *err)
{
    pr_endpoint *e = endpoint_get(r, rec->method, rec->route);
    if (!e)
        return lb_err_set(err, "out of memory");
    uint64_t sum[PR_NTIMES], total;
    for (int t = 0; t < PR_NTIMES; t++)
        if (__builtin_add_overflow(e->sum[t], rec->us[t], &sum[t]))
            return lb_err_set(err, "%s %s: summed %s_us overflows 64 bits",
                              rec->method, rec->route, pr_time_names[t]);
    if (__builtin_add_overflow(r->total_sum, rec->us[PR_TOTAL], &total))
        return lb_err_set(err, "summed total_us of all requests overflows 64 bits");
    for (int t = 0; t < PR_NTIMES; t++)
        if (hdr_record(e->hist[t], rec->us[t]))
            return lb_err_set(err, "out of memory");
    memcpy(e->sum, sum, sizeof sum);
    r->total_sum = total;
    e->count++;
    r->rows++;
    return 0;
}

static int cmp_endpoint(const void *pa, const void *pb)
{
    const pr_endpoint *a = *(const pr_endpoint *const *)pa;
    const pr_endpoint *b = *(const pr_endpoint *const *)pb;
    if (a->sum[PR_TOTAL] != b->sum[PR_TOTAL])
        return a->sum[PR_TOTAL] > b->sum[PR_TOTAL] ? -1 : 1;
    int c = strcmp(a->route, b->route);
    return c ? c : strcmp(a->method, b->method);
}

void pr_sorted(const pr_rollup *r, const pr_endpoint **out)
{
    for (size_t i = 0; i < r->neps; i++)
        out[i] = &r->eps[i];
    if (r->neps > 1)
        qsort(out, r->neps, sizeof *out, cmp_endpoint);
}

double pr_quantile_ms(const pr_endpoint *e, pr_time t, double q)
{
    return (double)hdr_quantile(e->hist[t], q) / 1000.0;
}

double pr_server_share(const pr_rollup *r, const pr_endpoint *e)
{
    return r->total_sum ? 100.0 * (double)e->sum[PR_TOTAL] / (double)r->total_sum : 0.0;
}

double pr_phase_share(const pr_endpoint *e, pr_time t)
{
    return e->sum[PR_TOTAL] ? 100.0 * (double)e->sum[t] / (double)e->sum[PR_TOTAL] : 0.0;
}

double pr_other_share(const pr_endpoint *e)
{
    /* Each phase sum fits 64 bits but their total may not: add in doubles. */
    double phases = 0.0;
    for (int t = PR_PARSE; t < PR_NTIMES; t++)
        phases += (double)e->sum[t];
    double total = (double)e->sum[PR_TOTAL];
    return total > phases ? 100.0 * (total - phases) / total : 0.0;
}

size_t pr_top_phases(const pr_endpoint *e, pr_time out[PR_NPHASES])
{
    size_t n = 0;
    for (int t = PR_PARSE; t < PR_NTIMES; t++) {
        if (!e->sum[t])
            continue;
        /* insertion sort, strictly greater moves ahead: ties keep file order */
        size_t j = n++;
        while (j > 0 && e->sum[out[j - 1]] < e->sum[t]) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = (pr_time)t;
    }
    return n;
}
