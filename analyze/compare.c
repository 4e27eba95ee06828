/* compare.c — the rows of A-versus-B comparisons and their two renderings. */
#include "compare.h"
#include "grow.h"
#include <stdlib.h>
#include <string.h>

double compare_delta_pct(double a, double b, bool *defined)
{
    if (a == 0.0) {
        *defined = b == 0.0;
        return 0.0;
    }
    *defined = true;
    return (b - a) / a * 100.0;
}

static int add_row(compare_result *r, size_t *cap, const char *prefix, int metric,
                   const model_metrics *a, const model_metrics *b)
{
    compare_row *nr = lb_grow(r->rows, cap, r->nrows, sizeof *nr, 64);
    if (!nr)
        return -1;
    r->rows = nr;
    compare_row *row = &r->rows[r->nrows];
    memset(row, 0, sizeof *row);
    const char *mname = model_metric_names[metric];
    size_t len = (prefix ? strlen(prefix) + 1 : 0) + strlen(mname) + 1;
    if (!(row->metric = malloc(len)))
        return -1;
    if (prefix)
        snprintf(row->metric, len, "%s:%s", prefix, mname);
    else
        snprintf(row->metric, len, "%s", mname);
    bool is_pct = metric == MODEL_P50 || metric == MODEL_P95 || metric == MODEL_P99;
    if (a) {
        row->a = model_metric(a, metric, &row->has_a);
        row->approx |= is_pct && a->approx_pct;
    }
    if (b) {
        row->b = model_metric(b, metric, &row->has_b);
        row->approx |= is_pct && b->approx_pct;
    }
    if (row->has_a && row->has_b)
        row->delta_pct = compare_delta_pct(row->a, row->b, &row->has_delta);
    r->nrows++;
    return 0;
}

static int add_endpoint(compare_result *r, size_t *cap, const model_endpoint *ea,
                        const model_endpoint *eb)
{
    const model_endpoint *e = ea ? ea : eb;
    size_t len = strlen(e->method) + strlen(e->name) + 2;
    char *prefix = malloc(len);
    if (!prefix)
        return -1;
    snprintf(prefix, len, "%s %s", e->method, e->name);
    int rc = 0;
    for (int m = 0; m < MODEL_NMETRICS && !rc; m++)
        rc = add_row(r, cap, prefix, m, ea ? &ea->m : NULL, eb ? &eb->m : NULL);
    free(prefix);
    return rc;
}

static int cmp_ep(const model_endpoint *x, const model_endpoint *y)
{
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->method, y->method);
}

int compare_build(const model_profile *a, const model_profile *b,
                  compare_result *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    for (int m = 0; m < MODEL_NMETRICS; m++)
        if (add_row(out, &cap, NULL, m, &a->head, &b->head))
            goto oom;
    out->nhead = out->nrows;
    /* Both endpoint lists are sorted by (name, method): merge them. */
    size_t i = 0, j = 0;
    while (i < a->neps || j < b->neps) {
        int c = i == a->neps ? 1 : j == b->neps ? -1 : cmp_ep(&a->eps[i], &b->eps[j]);
        const model_endpoint *ea = c <= 0 ? &a->eps[i] : NULL;
        const model_endpoint *eb = c >= 0 ? &b->eps[j] : NULL;
        if (add_endpoint(out, &cap, ea, eb))
            goto oom;
        i += c <= 0;
        j += c >= 0;
    }
    return 0;
oom:
    compare_free(out);
    return lb_err_set(err, "out of memory comparing %s with %s", a->path, b->path);
}

void compare_free(compare_result *r)
{
    for (size_t i = 0; i < r->nrows; i++)
        free(r->rows[i].metric);
    free(r->rows);
    memset(r, 0, sizeof *r);
}

/* ---------------------------------------------------------------- output */

/* Decimals per metric: counts are integers, times and rates keep two. */
static int decimals_of(const char *metric)
{
    const char *colon = strrchr(metric, ':');
    const char *m = colon ? colon + 1 : metric;
    return !strcmp(m, "requests") || !strcmp(m, "fails") ? 0 : 2;
}

static void csv_num(FILE *f, double v, bool has, int dec)
{
    char buf[FMT_NUM_MAX];
    if (has)
        fputs(fmt_num(buf, sizeof buf, v, dec, false), f);
}

static void md_num(FILE *f, double v, bool has, int dec, bool approx)
{
    char buf[FMT_NUM_MAX];
    if (!has) {
        fputs("—", f);
        return;
    }
    fprintf(f, "%s%s", approx ? "~" : "", fmt_num(buf, sizeof buf, v, dec, true));
}

static void write_csv(FILE *f, const compare_result *r)
{
    char buf[FMT_NUM_MAX];
    fputs("metric,a,b,delta_pct\n", f);
    for (size_t i = 0; i < r->nrows; i++) {
        const compare_row *row = &r->rows[i];
        char name[4096];
        snprintf(name, sizeof name, "%s%s", row->metric, row->approx ? "_approx" : "");
        lc_put_field(f, name);
        int dec = decimals_of(row->metric);
        fputc(',', f);
        csv_num(f, row->a, row->has_a, dec);
        fputc(',', f);
        csv_num(f, row->b, row->has_b, dec);
        fputc(',', f);
        fputs(fmt_delta(buf, sizeof buf, row->delta_pct, row->has_delta, FMT_CSV), f);
        fputc('\n', f);
    }
}

static void md_delta(FILE *f, const compare_row *row)
{
    char buf[FMT_NUM_MAX];
    if (!row->has_a || !row->has_b)
        fputs("—", f);
    else
        fputs(fmt_delta(buf, sizeof buf, row->delta_pct, row->has_delta, FMT_MD), f);
}

/* Endpoint blocks are MODEL_NMETRICS consecutive rows after the headline. */
typedef struct ep_rank {
    size_t first;            /* row index of the block's "requests" row */
    double weight;           /* max(requests A, requests B) */
} ep_rank;

static int cmp_rank(const void *x, const void *y)
{
    const ep_rank *a = x, *b = y;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return (a->first > b->first) - (a->first < b->first);
}

/* A run's name in a header: the file's, then its _meta.json tag. */
static void write_run_name(FILE *f, const model_profile *p)
{
    fmt_md_cell(f, p->name);
    if (p->tag && *p->tag) {
        fputs(" (", f);
        fmt_md_cell(f, p->tag);
        fputc(')', f);
    }
}

static int write_md(FILE *f, const model_profile *a, const model_profile *b,
                    const compare_result *r, size_t top)
{
    fputs("| Metric | A: ", f);
    write_run_name(f, a);
    fputs(" | B: ", f);
    write_run_name(f, b);
    fputs(" | Delta |\n|---|---:|---:|---:|\n", f);
    for (size_t i = 0; i < r->nhead; i++) {
        const compare_row *row = &r->rows[i];
        int dec = decimals_of(row->metric);
        fprintf(f, "| %s | ", row->metric);
        md_num(f, row->a, row->has_a, dec, false);
        fputs(" | ", f);
        md_num(f, row->b, row->has_b, dec, false);
        fputs(" | ", f);
        md_delta(f, row);
        fputs(" |\n", f);
    }
    if (a->exact_pct && b->exact_pct)
        fputs("\nPercentiles: exact, from each run's _hdr.csv (microseconds, shown in ms).\n", f);
    size_t neps = (r->nrows - r->nhead) / MODEL_NMETRICS;
    if (neps == 0)
        return 0;
    ep_rank *rank = malloc(neps * sizeof *rank);
    if (!rank)
        return -1;
    for (size_t e = 0; e < neps; e++) {
        const compare_row *req = &r->rows[r->nhead + e * MODEL_NMETRICS];
        rank[e].first = r->nhead + e * MODEL_NMETRICS;
        rank[e].weight = req->a > req->b ? req->a : req->b;
    }
    qsort(rank, neps, sizeof *rank, cmp_rank);
    size_t shown = top && top < neps ? top : neps;
    fprintf(f, "\nPer endpoint (%zu of %zu, most requests first; A → B, delta):\n\n",
            shown, neps);
    fputs("| Endpoint | Requests | p50 (ms) | p95 (ms) | Avg (ms) |\n"
          "|---|---:|---:|---:|---:|\n", f);
    static const int cols[] = { MODEL_REQUESTS, MODEL_P50, MODEL_P95, MODEL_AVG };
    for (size_t e = 0; e < shown; e++) {
        const compare_row *block = &r->rows[rank[e].first];
        const char *colon = strrchr(block->metric, ':');
        fputs("| `", f);
        char label[4096];
        snprintf(label, sizeof label, "%.*s", (int)(colon - block->metric), block->metric);
        fmt_md_cell(f, label);
        fputs("` |", f);
        for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++) {
            const compare_row *row = &block[cols[c]];
            int dec = decimals_of(row->metric);
            fputc(' ', f);
            md_num(f, row->a, row->has_a, dec, row->approx);
            fputs(" → ", f);
            md_num(f, row->b, row->has_b, dec, row->approx);
            fputs(" (", f);
            md_delta(f, row);
            fputs(") |", f);
        }
        fputc('\n', f);
    }
    if (shown < neps)
        fprintf(f, "\n%zu more endpoints not shown (--top 0 shows all; --format csv "
                "lists every metric).\n", neps - shown);
    free(rank);
    return 0;
}

int compare_write(FILE *f, const model_profile *a, const model_profile *b,
                  const compare_result *r, fmt_kind k, size_t top)
{
    if (k == FMT_CSV)
        write_csv(f, r);
    else if (write_md(f, a, b, r, top))
        return -1;
    return ferror(f) ? -1 : 0;
}
