/* hdr_csv.c — write PREFIX_hdr.csv from each entry's precise histogram. */
#include "hdr_csv.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "locust_csv.h"

const char HDR_CSV_HEADER[] =
    "Type,Name,Request Count,Min (us),Mean (us),50%,66%,75%,80%,90%,95%,98%,99%,99.9%,"
    "99.99%,100%,Max (us)";

static void row(FILE *f, const stats_entry *e)
{
    lc_put_field(f, e->method);
    fputc(',', f);
    lc_put_field(f, e->name);
    const hdr_hist *h = e->precise;
    uint64_t n = h ? hdr_count(h) : 0;
    fprintf(f, ",%llu,%llu,%.3f", (unsigned long long)n,
            (unsigned long long)(n ? hdr_min(h) : 0), n ? hdr_mean(h) : 0.0);
    for (int i = 0; i < STATS_NPCT; i++)
        fprintf(f, ",%llu", (unsigned long long)(n ? hdr_quantile(h, stats_pcts[i]) : 0));
    fprintf(f, ",%llu\r\n", (unsigned long long)(n ? hdr_max(h) : 0));
}

int hdr_csv_write(const char *path, const stats_set *s, lb_err *err)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return lb_err_set(err, "%s: cannot write: %s", path, strerror(errno));
    fprintf(f, "%s\r\n", HDR_CSV_HEADER);
    size_t n = stats_set_count(s);
    const stats_entry **sorted = n ? malloc(n * sizeof *sorted) : NULL;
    if (n && !sorted) {
        fclose(f);
        return lb_err_set(err, "out of memory");
    }
    if (n)
        stats_set_sorted(s, sorted);
    for (size_t i = 0; i < n; i++)
        row(f, sorted[i]);
    row(f, stats_set_total_c(s));
    free(sorted);
    if (fclose(f) != 0)
        return lb_err_set(err, "%s: write error: %s", path, strerror(errno));
    return 0;
}
