/* model.c — headline metrics and endpoints of one profile, copied out of an lc_table. */
#include "model.h"
#include <stdlib.h>
#include <string.h>

const char *const model_metric_names[MODEL_NMETRICS] = {
    "requests", "fails", "p50_ms", "p95_ms", "p99_ms", "avg_ms", "rps"
};

/* Indices into stats_pcts (0.50 0.66 0.75 0.80 0.90 0.95 0.98 0.99 ...). */
enum { PCT_95 = 5, PCT_99 = 7 };

double model_metric(const model_metrics *m, int i, bool *has)
{
    *has = true;
    switch (i) {
    case MODEL_REQUESTS: return (double)m->requests;
    case MODEL_FAILS:    return (double)m->fails;
    case MODEL_P50:      return m->p50;
    case MODEL_P95:      *has = m->has_p95; return m->p95;
    case MODEL_P99:      *has = m->has_p99; return m->p99;
    case MODEL_AVG:      return m->avg;
    case MODEL_RPS:      *has = m->has_rps; return m->rps;
    default:             *has = false; return 0.0;
    }
}

void model_metrics_from_row(const lc_row *r, model_metrics *m)
{
    memset(m, 0, sizeof *m);
    m->requests = r->requests;
    m->fails = r->failures;
    m->p50 = r->median;
    m->avg = r->avg;
    m->p95 = r->pct[PCT_95];
    m->has_p95 = r->has_pct[PCT_95];
    m->p99 = r->pct[PCT_99];
    m->has_p99 = r->has_pct[PCT_99];
    m->rps = r->rps;
    m->has_rps = r->has_rps;
}

char *model_basename(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 10 && !strcmp(base + len - 10, "_stats.csv"))
        len -= 10;   /* a run is PREFIX: its files are PREFIX_stats.csv, PREFIX_hdr.csv... */
    else if (len > 4 && !strcmp(base + len - 4, ".csv"))
        len -= 4;
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, base, len);
        out[len] = '\0';
    }
    return out;
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

/* Locust's file order: (name, method) in code-point order. */
static int cmp_endpoint(const void *a, const void *b)
{
    const model_endpoint *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->method, y->method);
}

void model_sort_endpoints(model_profile *p)
{
    if (p->neps > 1)
        qsort(p->eps, p->neps, sizeof *p->eps, cmp_endpoint);
}

int model_from_table(model_profile *p, const lc_table *t, lb_err *err)
{
    memset(p, 0, sizeof *p);
    if (t->layout != LC_LAYOUT_STATS && t->layout != LC_LAYOUT_WEBUI)
        return lb_err_set(err, "%s: not a statistics table (give the _stats.csv "
                          "file or a web-UI table)", t->path);
    if (t->aggregated < 0) {
        if (t->nrows == 0)
            return lb_err_set(err, "%s: no rows at all, so no Aggregated row (a profile "
                              "needs one)", t->path);
        return lb_err_set(err, "%s:%ld: file ends without an Aggregated row (a profile "
                          "needs one)", t->path, t->rows[t->nrows - 1].line);
    }
    p->name = model_basename(t->path);
    p->path = strdup(t->path);
    p->layout = t->layout;
    if (t->nrows > 1)
        p->eps = calloc(t->nrows - 1, sizeof *p->eps);
    if (!p->name || !p->path || (t->nrows > 1 && !p->eps))
        goto oom;
    model_metrics_from_row(&t->rows[t->aggregated], &p->head);
    for (size_t i = 0; i < t->nrows; i++) {
        const lc_row *r = &t->rows[i];
        if ((long)i == t->aggregated)
            continue;
        model_endpoint *e = &p->eps[p->neps];
        e->method = dup_or_empty(r->method);
        e->name = dup_or_empty(r->name);
        if (!e->method || !e->name) {
            free(e->method);
            free(e->name);
            goto oom;
        }
        model_metrics_from_row(r, &e->m);
        e->min = r->min;
        e->max = r->max;
        e->avg_size = r->avg_size;
        e->members = 1;
        p->listed_requests += r->requests;
        p->neps++;
    }
    model_sort_endpoints(p);
    return 0;
oom:
    model_free(p);
    return lb_err_set(err, "%s: out of memory", t->path);
}

bool model_truncated(const model_profile *p)
{
    return p->listed_requests < p->head.requests;
}

double model_time_share(const model_profile *p, const model_endpoint *e)
{
    double total = (double)p->head.requests * p->head.avg;
    if (total <= 0.0)
        return 0.0;
    return (double)e->m.requests * e->m.avg / total * 100.0;
}

void model_free(model_profile *p)
{
    free(p->tag);
    for (size_t i = 0; i < p->neps; i++) {
        free(p->eps[i].method);
        free(p->eps[i].name);
    }
    free(p->eps);
    free(p->name);
    free(p->path);
    memset(p, 0, sizeof *p);
}
