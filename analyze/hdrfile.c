/* hdrfile.c — reading PREFIX_hdr.csv into a profile's percentiles. */
#include "hdrfile.h"
#include <stdlib.h>
#include <string.h>
#include "locust_csv_parse.h"
#include "runfiles.h"

static const char *const HDR_COLS[] = {
    "Type", "Name", "Request Count", "Min (us)", "Mean (us)", "50%", "66%", "75%", "80%",
    "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%", "Max (us)"
};
enum { NCOLS = sizeof HDR_COLS / sizeof HDR_COLS[0], COL_COUNT = 2, COL_P50 = 5,
       COL_P95 = 10, COL_P99 = 12 };

typedef struct hdr_state {
    model_profile *p;
    const char *path;
    bool seen_header;
} hdr_state;

static int parse_us(const hdr_state *st, const lcp_row *row, size_t col, double *out,
                    lb_err *err)
{
    const char *s = row->fields[col];
    char *end;
    if (*s < '0' || *s > '9')
        goto bad;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end)
        goto bad;
    *out = (double)v;
    return 0;
bad:
    return lb_err_set(err, "%s:%ld:%zu: %s '%.40s' is not a whole number of microseconds",
                      st->path, row->line, col + 1, HDR_COLS[col], s);
}

static model_metrics *find(model_profile *p, const char *method, const char *name)
{
    if (!*method && !strcmp(name, "Aggregated"))
        return &p->head;
    for (size_t i = 0; i < p->neps; i++)
        if (!strcmp(p->eps[i].name, name) && !strcmp(p->eps[i].method, method))
            return &p->eps[i].m;
    return NULL;
}

static int on_row(void *ctx, const lcp_row *row, lb_err *err)
{
    hdr_state *st = ctx;
    if (!st->seen_header) {
        st->seen_header = true;
        bool ok = row->nfields == NCOLS;
        for (size_t i = 0; ok && i < NCOLS; i++)
            ok = !strcmp(row->fields[i], HDR_COLS[i]);
        return ok ? 0 : lb_err_set(err, "%s:%ld: unknown header (not loadgen's _hdr.csv)",
                                   st->path, row->line);
    }
    if (row->nfields != NCOLS)
        return lb_err_set(err, "%s:%ld: ragged row: %zu fields, the header has %d",
                          st->path, row->line, row->nfields, (int)NCOLS);
    double count = 0, p50 = 0, p95 = 0, p99 = 0;   /* set by parse_us; -O3 cannot see it */
    if (parse_us(st, row, COL_COUNT, &count, err) || parse_us(st, row, COL_P50, &p50, err) ||
        parse_us(st, row, COL_P95, &p95, err) || parse_us(st, row, COL_P99, &p99, err))
        return -1;
    model_metrics *m = find(st->p, row->fields[0], row->fields[1]);
    if (!m || count == 0)   /* an entry without requests has no percentiles */
        return 0;
    m->p50 = p50 / 1000.0;
    m->p95 = p95 / 1000.0;
    m->p99 = p99 / 1000.0;
    m->has_p95 = m->has_p99 = true;
    return 0;
}

int hdrfile_apply(const char *path, model_profile *p, lb_err *err)
{
    hdr_state st = { p, path, false };
    if (lcp_parse(path, ',', on_row, &st, err))
        return -1;
    if (!st.seen_header)
        return lb_err_set(err, "%s:1: empty file (no header row)", path);
    p->exact_pct = true;
    return 0;
}

int hdrfile_apply_sibling(const char *stats_path, model_profile *p, bool *used, lb_err *err)
{
    *used = false;
    char *hp = runfiles_sibling(stats_path, "_hdr.csv");
    int rc = 0;
    if (hp && runfiles_exists(hp)) {
        rc = hdrfile_apply(hp, p, err);
        *used = rc == 0;
    }
    free(hp);
    return rc;
}
