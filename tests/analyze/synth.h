/* synth.h — synthetic lc_table values for analyze's unit tests (no files read). */
#ifndef AZ_TEST_SYNTH_H
#define AZ_TEST_SYNTH_H
#include <string.h>
#include "locust_csv.h"

/* A web-UI-like row: median, p95, p99, average, current RPS. */
static inline lc_row synth_row(const char *method, const char *name, uint64_t req,
                               uint64_t fails, double p50, double p95, double p99,
                               double avg, double rps)
{
    lc_row r;
    memset(&r, 0, sizeof r);
    r.method = (char *)method;
    r.name = (char *)name;
    r.requests = req;
    r.failures = fails;
    r.median = p50;
    r.avg = avg;
    r.min = 1;
    r.max = p99 * 1.5;
    r.avg_size = 43;
    r.pct[5] = p95;
    r.has_pct[5] = true;
    r.pct[7] = p99;
    r.has_pct[7] = true;
    r.rps = rps;
    r.has_rps = true;
    return r;
}

static inline lc_table synth_table(const char *path, lc_row *rows, size_t n, long agg)
{
    lc_table t;
    memset(&t, 0, sizeof t);
    t.path = (char *)path;
    t.layout = LC_LAYOUT_WEBUI;
    t.rows = rows;
    t.nrows = n;
    t.aggregated = agg;
    return t;
}

#endif
