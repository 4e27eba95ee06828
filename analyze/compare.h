/* compare.h — two runs side by side: headline metrics, then every endpoint.
 *
 * The rows analyze compare prints: the seven headline metrics of A and B
 * with the change from A to B in percent, then for each (method, name) in
 * either run (sorted by name, then method) the same seven metrics named
 * "METHOD NAME:metric". A metric absent on one side has no delta. */
#ifndef AZ_COMPARE_H
#define AZ_COMPARE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "fmt.h"
#include "lberr.h"
#include "model.h"

typedef struct compare_row {
    char *metric;            /* "p95_ms" or "GET /api/v1/x:p95_ms" */
    double a, b;
    bool has_a, has_b;
    bool approx;             /* a percentile merged approximately (grouped names) */
    double delta_pct;        /* (b - a) / a * 100 when has_delta */
    bool has_delta;
} compare_row;

typedef struct compare_result {
    compare_row *rows;
    size_t nrows;
    size_t nhead;            /* the first nhead rows are the headline metrics */
} compare_result;

/* Percent change from a to b: (b - a) / a * 100. Defined when a != 0, and
 * as 0 when both are 0; a change from 0 to anything else is undefined
 * (*defined = false, returns 0). */
double compare_delta_pct(double a, double b, bool *defined);

/* Build every row comparing profile a with profile b. Returns 0, or -1 with
 * err filled on OOM (out left empty). */
int compare_build(const model_profile *a, const model_profile *b,
                  compare_result *out, lb_err *err);

/* Print the comparison. CSV: header "metric,a,b,delta_pct" and every row
 * (approximate percentiles get the suffix "_approx" on their metric name).
 * Markdown: the headline table, then an endpoint table (requests, p50, p95,
 * avg) of the `top` endpoints with the most requests on either side (all
 * when top is 0), marking approximate values with "~". Returns 0 or -1 on
 * a write error. */
int compare_write(FILE *f, const model_profile *a, const model_profile *b,
                  const compare_result *r, fmt_kind k, size_t top);

void compare_free(compare_result *r);

#endif
