/* locust_csv_write.c — the bytes of Locust 2.12.1's --csv files (§1.2-§1.5).
 *
 * Python's csv module writes these files ("excel" dialect: comma, CRLF,
 * QUOTE_MINIMAL) and formats each value by its Python type, so the helpers
 * below mirror the types Locust holds: ints for counts and percentiles,
 * repr() floats for averages and rates, "{:2f}" (6 decimals) for history
 * rates, and the int 0 where Locust's `x or 0` replaces a missing value. */
#include "locust_csv.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "pyfmt.h"

const char LC_STATS_HEADER[] =
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";
const char LC_HISTORY_HEADER[] =
    "Timestamp,User Count,Type,Name,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,"
    "Total Request Count,Total Failure Count,Total Median Response Time,"
    "Total Average Response Time,Total Min Response Time,Total Max Response Time,"
    "Total Average Content Size";
const char LC_FAILURES_HEADER[] = "Method,Name,Error,Occurrences";
const char LC_EXCEPTIONS_HEADER[] = "Count,Message,Traceback,Nodes";

int lc_put_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n"))
        return fputs(s, f) < 0 ? -1 : 0;
    if (fputc('"', f) == EOF)
        return -1;
    for (; *s; s++) {
        if (*s == '"' && fputc('"', f) == EOF)
            return -1;
        if (fputc(*s, f) == EOF)
            return -1;
    }
    return fputc('"', f) == EOF ? -1 : 0;
}

static void put_repr(FILE *f, double v)
{
    char buf[PYFMT_REPR_MAX];
    pyfmt_repr(buf, sizeof buf, v);
    fputs(buf, f);
}

/* A float Locust replaces by the int 0 when falsy (`min or 0`, max's int 0). */
static void put_repr_or_0(FILE *f, bool have, double v)
{
    if (have && v != 0)
        put_repr(f, v);
    else
        fputs("0", f);
}

static void put_median(FILE *f, const stats_entry *e)
{
    bool is_int;
    double m = stats_entry_median(e, &is_int);
    if (is_int)
        fprintf(f, "%" PRId64, (int64_t)m);
    else
        put_repr(f, m);
}

/* The 11 percentile cells: N/A for an entry without requests, else int(key)
 * of the cumulative walk, or of the current (snapshot) walk with 0 for None. */
static void put_percentiles(FILE *f, const stats_entry *e, bool current, double now)
{
    for (int i = 0; i < STATS_NPCT; i++) {
        int64_t key = 0;
        if (!e->num_requests) {
            fputs(",N/A", f);
            continue;
        }
        if (!current)
            key = stats_entry_percentile(e, stats_pcts[i]);
        else if (!stats_entry_current_percentile(e, now, stats_pcts[i], &key))
            key = 0;
        fprintf(f, ",%" PRId64, key);
    }
}

/* Median, Average, Min, Max, Average Content Size (shared by both files). */
static void put_totals(FILE *f, const stats_entry *e)
{
    put_median(f, e);
    fputc(',', f);
    put_repr(f, stats_entry_avg(e));
    fputc(',', f);
    put_repr_or_0(f, e->has_min, e->min_response_time);
    fputc(',', f);
    put_repr_or_0(f, true, e->max_response_time);
    fputc(',', f);
    /* avg_content_length: true division (0.0 possible) or the int 0 */
    if (e->num_requests)
        put_repr(f, stats_entry_avg_content(e));
    else
        fputs("0", f);
}

static void put_stats_row(FILE *f, const stats_entry *e, const stats_entry *total)
{
    lc_put_field(f, e->method);
    fputc(',', f);
    lc_put_field(f, e->name);
    fprintf(f, ",%" PRIu64 ",%" PRIu64 ",", e->num_requests, e->num_failures);
    put_totals(f, e);
    fputc(',', f);
    put_repr(f, stats_entry_total_rps(e, total));
    fputc(',', f);
    put_repr(f, stats_entry_total_fail_per_sec(e, total));
    put_percentiles(f, e, false, 0);
    fputs("\r\n", f);
}

/* The entries in Locust's order, or NULL on OOM; *n receives the count. */
static const stats_entry **sorted_entries(const stats_set *s, size_t *n)
{
    *n = stats_set_count(s);
    const stats_entry **v = malloc((*n ? *n : 1) * sizeof *v);
    if (v)
        stats_set_sorted(s, v);
    return v;
}

int lc_write_stats(FILE *f, const stats_set *s)
{
    size_t n;
    const stats_entry **v = sorted_entries(s, &n);
    if (!v)
        return -1;
    const stats_entry *total = stats_set_total_c(s);
    fprintf(f, "%s\r\n", LC_STATS_HEADER);
    for (size_t i = 0; i < n; i++)
        put_stats_row(f, v[i], total);
    put_stats_row(f, total, total);
    free(v);
    return ferror(f) ? -1 : 0;
}

static void put_history_row(FILE *f, const stats_entry *e, const stats_entry *total,
                            double now, long user_count, bool full_history)
{
    int64_t ts = now > -9.2e18 && now < 9.2e18 ? (int64_t)now : 0;   /* int(now) */
    fprintf(f, "%" PRId64 ",%ld,", ts, user_count);
    lc_put_field(f, e->method);
    fputc(',', f);
    lc_put_field(f, e->name);
    fprintf(f, ",%f,%f", stats_entry_current_rps(e, total),
            stats_entry_current_fail_per_sec(e, total));
    put_percentiles(f, e, full_history, now);
    fprintf(f, ",%" PRIu64 ",%" PRIu64 ",", e->num_requests, e->num_failures);
    put_totals(f, e);
    fputs("\r\n", f);
}

int lc_write_history_rows(FILE *f, const stats_set *s, double now, long user_count,
                          bool full_history)
{
    const stats_entry *total = stats_set_total_c(s);
    if (full_history) {
        size_t n;
        const stats_entry **v = sorted_entries(s, &n);
        if (!v)
            return -1;
        for (size_t i = 0; i < n; i++)
            put_history_row(f, v[i], total, now, user_count, true);
        free(v);
    }
    put_history_row(f, total, total, now, user_count, full_history);
    return ferror(f) ? -1 : 0;
}

int lc_write_failures(FILE *f, const stats_set *s)
{
    fprintf(f, "%s\r\n", LC_FAILURES_HEADER);
    for (size_t i = 0; i < stats_set_error_count(s); i++) {
        const stats_error *e = stats_set_error_at(s, i);
        lc_put_field(f, e->method);
        fputc(',', f);
        lc_put_field(f, e->name);
        fputc(',', f);
        lc_put_field(f, e->error);
        fprintf(f, ",%" PRIu64 "\r\n", e->occurrences);
    }
    return ferror(f) ? -1 : 0;
}

int lc_write_exceptions(FILE *f)
{
    fprintf(f, "%s\r\n", LC_EXCEPTIONS_HEADER);
    return ferror(f) ? -1 : 0;
}
