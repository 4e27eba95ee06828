/* html_run.c — one run's page: settings, statistics, failures, two charts. */
#include "html_run.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hdr.h"
#include "html.h"
#include "svgchart.h"

/* p (0..1) of an entry in ms: exact from the precise histogram when there is
 * one, else Locust's bucket. */
static double pct_ms(const stats_entry *e, double p)
{
    if (e->precise && hdr_count(e->precise))
        return (double)hdr_quantile(e->precise, p) / 1000.0;
    return (double)stats_entry_percentile(e, p);
}

static void row(FILE *f, const stats_entry *e, const stats_entry *total)
{
    fputs("<tr><td>", f);
    html_escape(f, e->method);
    fputs("</td><td>", f);
    html_escape(f, e->name);
    fprintf(f, "</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td>"
            "<td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td>"
            "<td class=\"n\">%.2f</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f</td></tr>\n",
            (unsigned long long)e->num_requests, (unsigned long long)e->num_failures,
            pct_ms(e, 0.50), pct_ms(e, 0.95), pct_ms(e, 0.99), stats_entry_avg(e),
            e->max_response_time, stats_entry_total_rps(e, total));
}

static void charts(FILE *f, const stats_entry **es, size_t n)
{
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    double *v = malloc((n ? n : 1) * 4 * sizeof *v);
    if (!labels || !v) {
        free(labels);
        free(v);
        fputs("<p class=\"skipped\">(charts skipped: out of memory)</p>\n", f);
        return;
    }
    char *names = NULL;
    size_t cap = 0;
    FILE *m = open_memstream(&names, &cap);   /* "METHOD NAME" labels, one buffer */
    size_t *off = malloc((n ? n : 1) * sizeof *off);
    for (size_t i = 0; m && off && i < n; i++) {
        fflush(m);
        off[i] = (size_t)ftell(m);
        fprintf(m, "%s %s%c", es[i]->method, es[i]->name, '\0');
        v[i] = pct_ms(es[i], 0.50);
        v[n + i] = pct_ms(es[i], 0.95);
        v[2 * n + i] = pct_ms(es[i], 0.99);
        v[3 * n + i] = (double)es[i]->num_requests;
    }
    if (m)
        fclose(m);
    if (!names || !off) {
        fputs("<p class=\"skipped\">(charts skipped: out of memory)</p>\n", f);
    } else {
        for (size_t i = 0; i < n; i++)
            labels[i] = names + off[i];
        svg_bars lat = { "p50 / p95 / p99 per endpoint", "ms", labels, n,
                         { "p50", "p95", "p99", NULL }, { v, v + n, v + 2 * n, NULL }, 3, true };
        svg_bars req = { "Requests per endpoint", "requests", labels, n, { NULL },
                         { v + 3 * n }, 1, false };
        fputs("<figure id=\"fig-latency\">\n", f);
        svg_bars_write(f, &lat);
        fputs("<figcaption>p50, p95 and p99 per endpoint (exact, from the precise "
              "histograms), log scale</figcaption>\n</figure>\n<figure id=\"fig-requests\">\n", f);
        svg_bars_write(f, &req);
        fputs("<figcaption>Requests per endpoint</figcaption>\n</figure>\n", f);
    }
    free(names);
    free(off);
    free(labels);
    free(v);
}

int html_run_write(const char *path, const stats_set *s, const html_run_info *info,
                   lb_err *err)
{
    size_t n = stats_set_count(s);
    const stats_entry **es = malloc((n ? n : 1) * sizeof *es);
    if (!es)
        return lb_err_set(err, "%s: out of memory", path);
    if (n)
        stats_set_sorted(s, es);
    FILE *f = fopen(path, "w");
    if (!f) {
        free(es);
        return lb_err_set(err, "%s: cannot write: %s", path, strerror(errno));
    }
    const stats_entry *total = stats_set_total_c(s);
    html_page_begin(f, info->title);
    fputs("<h1>", f);
    html_escape(f, info->title);
    fputs("</h1>\n<table>\n", f);
    for (size_t i = 0; i < info->nkv; i++) {
        fputs("<tr><th>", f);
        html_escape(f, info->keys[i]);
        fputs("</th><td>", f);
        html_escape(f, info->values[i]);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n<h2>Statistics</h2>\n<table>\n<thead><tr><th>Type</th><th>Name</th>"
          "<th class=\"n\"># Requests</th><th class=\"n\"># Fails</th>"
          "<th class=\"n\">p50 (ms)</th><th class=\"n\">p95 (ms)</th><th class=\"n\">p99 (ms)</th>"
          "<th class=\"n\">Average (ms)</th><th class=\"n\">Max (ms)</th>"
          "<th class=\"n\">RPS</th></tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < n; i++)
        row(f, es[i], total);
    row(f, total, total);
    fputs("</tbody>\n</table>\n<p>Percentiles are exact (microsecond histograms, shown in "
          "ms); the CSV files carry Locust's rounded ones.</p>\n<h2>Charts</h2>\n", f);
    if (n)
        charts(f, es, n);
    else
        fputs("<p>No requests were made.</p>\n", f);
    size_t ne = stats_set_error_count(s);
    fputs("<h2>Failures</h2>\n", f);
    if (ne == 0)
        fputs("<p>None.</p>\n", f);
    else
        fputs("<table>\n<thead><tr><th>Method</th><th>Name</th><th>Error</th>"
              "<th class=\"n\">Occurrences</th></tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < ne; i++) {
        const stats_error *e = stats_set_error_at(s, i);
        fputs("<tr><td>", f);
        html_escape(f, e->method);
        fputs("</td><td>", f);
        html_escape(f, e->name);
        fputs("</td><td>", f);
        html_escape(f, e->error);
        fprintf(f, "</td><td class=\"n\">%llu</td></tr>\n", (unsigned long long)e->occurrences);
    }
    if (ne)
        fputs("</tbody>\n</table>\n", f);
    html_page_end(f);
    free(es);
    if (fclose(f) != 0)
        return lb_err_set(err, "%s: write error: %s", path, strerror(errno));
    return 0;
}
