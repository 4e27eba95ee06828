/* lc_dump.c — test helper: parse Locust CSV files with the common/ reader and
 * print what was understood, one line per row, so shell tests can check
 * real Locust output. Usage: lc_dump FILE...  Exit 0 ok, 2 parse error.
 * `lc_dump --write PREFIX` instead writes the four files of an empty run
 * with lc_writer, so scripts can compare our headers with Locust's. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "clock.h"
#include "locust_csv.h"

static void dump_row(const lc_row *r)
{
    printf("row line=%ld method=\"%s\" name=\"%s\" requests=%" PRIu64 " failures=%" PRIu64
           " median=%.17g avg=%.17g min=%.17g max=%.17g avg_size=%.17g rps=%.17g fail_per_s=%.17g",
           r->line, r->method, r->name, r->requests, r->failures, r->median, r->avg, r->min,
           r->max, r->avg_size, r->rps, r->fail_per_s);
    for (int i = 0; i < STATS_NPCT; i++) {
        if (r->has_pct[i])
            printf(" p%s=%.17g", stats_pct_labels[i], r->pct[i]);
        else
            printf(" p%s=NA", stats_pct_labels[i]);
    }
    printf(" timestamp=%" PRId64 " users=%ld\n", r->timestamp, r->user_count);
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "--help")) {
        printf("usage: lc_dump FILE...\n"
               "       lc_dump --write PREFIX\n"
               "Parse Locust CSV files (stats, history, failures, exceptions, web-UI TSV) with\n"
               "the common/ reader and print one line per row. --write PREFIX writes the four\n"
               "--csv files of an empty run instead. No other options. Exit 0 ok, 2 bad input.\n");
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: lc_dump FILE... | lc_dump --write PREFIX (see --help)\n");
        return 2;
    }
    if (!strcmp(argv[1], "--write")) {
        lb_err err = {0};
        stats_set *s = argc == 3 ? stats_set_new(clock_wall(), false) : NULL;
        lc_writer *w = s ? lc_writer_open(argv[2], false, &err) : NULL;
        int rc = w ? lc_writer_close(w, s, clock_wall(), 0, &err) : -1;
        stats_set_free(s);
        if (rc < 0) {
            fprintf(stderr, "lc_dump: %s\n", argc == 3 ? err.msg : "--write needs PREFIX");
            return 2;
        }
        return 0;
    }
    for (int a = 1; a < argc; a++) {
        lc_table t;
        lb_err err = {0};
        if (lc_read_file(argv[a], &t, &err) < 0) {
            fprintf(stderr, "lc_dump: %s\n", err.msg);
            return 2;
        }
        printf("file %s layout=%s rows=%zu failures=%zu aggregated=%ld\n", argv[a],
               lc_layout_name(t.layout), t.nrows, t.nfailures, t.aggregated);
        for (size_t i = 0; i < t.nrows; i++)
            dump_row(&t.rows[i]);
        for (size_t i = 0; i < t.nfailures; i++) {
            const lc_failure *f = &t.failures[i];
            printf("failure line=%ld method=\"%s\" name=\"%s\" occurrences=%" PRIu64
                   " error=\"%s\"\n", f->line, f->method ? f->method : "(none)",
                   f->name ? f->name : "(none)", f->occurrences, f->error ? f->error : "");
        }
        lc_table_free(&t);
    }
    return 0;
}
