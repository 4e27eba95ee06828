/* console.c — Locust 2.12.1's console tables (stats.py get_stats_summary,
 * get_percentile_stats_summary, print_error_report), same widths and the same
 * Python %d truncation of floats. */
#include "console.h"
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define TYPE_WIDTH 8

int console_name_width(void)
{
    struct winsize ws;
    if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0)
        return 80;
    int w = (int)ws.ws_col - 80;
    return w < 0 ? 0 : w > 80 ? 80 : w;
}

static void dashes(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc('-', f);
}

static void stats_separator(FILE *f, int ncol)
{
    static const int widths[] = {TYPE_WIDTH, 0, 7, 13, 7, 7, 7, 7, 8, 11};
    for (int i = 0; i < 10; i++) {
        if (i)
            fputc('|', f);
        dashes(f, i == 1 ? ncol : widths[i]);
    }
    fputc('\n', f);
}

static void stats_row(FILE *f, const stats_entry *e, const stats_entry *total, bool current,
                      int ncol)
{
    char type[32], fails[64];
    snprintf(type, sizeof type, "%s%s", e->method, e->method[0] ? " " : "");
    double ratio = e->num_requests ? (double)e->num_failures / (double)e->num_requests : 0.0;
    snprintf(fails, sizeof fails, "%llu(%.2f%%)", (unsigned long long)e->num_failures, ratio * 100);
    bool is_int;
    double rps = current ? stats_entry_current_rps(e, total) : stats_entry_total_rps(e, total);
    double fps = current ? stats_entry_current_fail_per_sec(e, total)
                         : stats_entry_total_fail_per_sec(e, total);
    fprintf(f, "%-*s %-*s %7llu %12s |%7lld %7lld %7lld%7lld | %7.2f %11.2f\n", TYPE_WIDTH, type,
            ncol, e->name, (unsigned long long)e->num_requests, fails,
            (long long)stats_entry_avg(e), (long long)(e->has_min ? e->min_response_time : 0),
            (long long)e->max_response_time, (long long)stats_entry_median(e, &is_int), rps, fps);
}

void console_print_stats(FILE *f, const stats_set *s, bool current, int name_width)
{
    int ncol = name_width - TYPE_WIDTH + 4;
    size_t n = stats_set_count(s);
    const stats_entry **sorted = n ? malloc(n * sizeof *sorted) : NULL;
    const stats_entry *total = stats_set_total_c(s);
    fprintf(f, "%-*s %-*s %7s %12s |%7s %7s %7s%7s | %7s %11s\n", TYPE_WIDTH, "Type", ncol, "Name",
            "# reqs", "# fails", "Avg", "Min", "Max", "Med", "req/s", "failures/s");
    stats_separator(f, ncol);
    if (sorted) {
        stats_set_sorted(s, sorted);
        for (size_t i = 0; i < n; i++)
            stats_row(f, sorted[i], total, current, ncol);
    }
    stats_separator(f, ncol);
    stats_row(f, total, total, current, ncol);
    fputc('\n', f);
    free(sorted);
    fflush(f);
}

static void pct_separator(FILE *f, int name_width)
{
    dashes(f, TYPE_WIDTH);
    fputc('|', f);
    dashes(f, name_width);
    fputc('|', f);
    dashes(f, 8);
    for (int i = 0; i < STATS_NPCT; i++) {
        fputc('|', f);
        dashes(f, 6);
    }
    fputc('\n', f);
}

static void pct_row(FILE *f, const stats_entry *e, int name_width)
{
    fprintf(f, "%-*s %-*s %8lld", TYPE_WIDTH, e->method, name_width, e->name,
            (long long)stats_entry_percentile(e, stats_pcts[0]));
    for (int i = 1; i < STATS_NPCT; i++)
        fprintf(f, " %6lld", (long long)stats_entry_percentile(e, stats_pcts[i]));
    fprintf(f, " %6llu\n", (unsigned long long)e->num_requests);
}

void console_print_percentiles(FILE *f, const stats_set *s, int name_width)
{
    size_t n = stats_set_count(s);
    const stats_entry **sorted = n ? malloc(n * sizeof *sorted) : NULL;
    fprintf(f, "Response time percentiles (approximated)\n");
    fprintf(f, "%-*s %-*s %8s", TYPE_WIDTH, "Type", name_width, "Name", stats_pct_labels[0]);
    for (int i = 1; i < STATS_NPCT; i++)
        fprintf(f, " %6s", stats_pct_labels[i]);
    fprintf(f, " %6s\n", "# reqs");
    pct_separator(f, name_width);
    if (sorted) {
        stats_set_sorted(s, sorted);
        for (size_t i = 0; i < n; i++)
            if (sorted[i]->hist.total)
                pct_row(f, sorted[i], name_width);
    }
    pct_separator(f, name_width);
    const stats_entry *total = stats_set_total_c(s);
    if (total->hist.total)
        pct_row(f, total, name_width);
    fputc('\n', f);
    free(sorted);
    fflush(f);
}

/* Exact percentiles: Locust's table rounds to whole ms (and buckets above
 * 100 ms), so a sub-millisecond endpoint reads 0 everywhere. loadgen also
 * keeps an HDR histogram per entry (3 significant digits, in us); this
 * table shows it in ms with three decimals. Not part of Locust's output. */
static void exact_row(FILE *f, const stats_entry *e, int name_width)
{
    static const double q[] = {0.50, 0.90, 0.95, 0.99, 0.999};
    const hdr_hist *h = e->precise;
    if (!h || !hdr_count(h))
        return;
    fprintf(f, "%-*s %-*s", TYPE_WIDTH, e->method, name_width, e->name);
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
        fprintf(f, " %9.3f", (double)hdr_quantile(h, q[i]) / 1000.0);
    fprintf(f, " %9.3f %6llu\n", (double)hdr_max(h) / 1000.0, (unsigned long long)hdr_count(h));
}

void console_print_exact(FILE *f, const stats_set *s, int name_width)
{
    size_t n = stats_set_count(s);
    const stats_entry **sorted = n ? malloc(n * sizeof *sorted) : NULL;
    fprintf(f, "Response time percentiles (exact, ms, from loadgen's HDR histograms)\n");
    fprintf(f, "%-*s %-*s %9s %9s %9s %9s %9s %9s %6s\n", TYPE_WIDTH, "Type", name_width, "Name",
            "50%", "90%", "95%", "99%", "99.9%", "max", "# reqs");
    dashes(f, TYPE_WIDTH + name_width + 6 * 10 + 8);
    fputc('\n', f);
    if (sorted) {
        stats_set_sorted(s, sorted);
        for (size_t i = 0; i < n; i++)
            exact_row(f, sorted[i], name_width);
    }
    dashes(f, TYPE_WIDTH + name_width + 6 * 10 + 8);
    fputc('\n', f);
    exact_row(f, stats_set_total_c(s), name_width);
    fputc('\n', f);
    free(sorted);
    fflush(f);
}

/* One line of Locust's task-ratio listing (inspectuser.py): the ratio as
 * "%-6.1f" and the name, indented two spaces per level. */
static void ratio_line(FILE *f, int level, double ratio, const char *name)
{
    char pct[32], col1[48], col2[1200];
    const char *pad = level ? "  " : "";
    snprintf(pct, sizeof pct, "%-6.1f", ratio * 100);
    snprintf(col1, sizeof col1, "%s%s", pad, pct);
    snprintf(col2, sizeof col2, "%s%s", pad, name);
    fprintf(f, " %-10s %-50s\n", col1, col2);
}

/* Locust's get_ratio: each class's share of the users, its tasks' shares
 * within it (total: times the class's share). */
static void ratio_table(FILE *f, const lg_plan *plan, const long *counts, bool total)
{
    long users = 0;
    for (size_t k = 0; k < plan_nclasses(plan); k++)
        users += counts[k];
    for (size_t k = 0; k < plan_nclasses(plan); k++) {
        const lg_plan *cl = plan_class(plan, k);
        double share = (double)counts[k] / (double)(users ? users : 1);
        ratio_line(f, 0, share, cl->name);
        double sum = cl->ntasks ? cl->cum[cl->ntasks - 1] : 0, prev = 0;
        for (size_t i = 0; i < cl->ntasks; i++) {
            const lg_request *r = cl->tasks[i];
            char name[1024], label[1040];
            tmpl_expand(r->name ? r->name : r->target, name, sizeof name, NULL, NULL, NULL);
            snprintf(label, sizeof label, "%s %s", r->method, name);
            double ratio = sum > 0 ? (cl->cum[i] - prev) / sum : 0;
            ratio_line(f, 1, total ? ratio * share : ratio, label);
            prev = cl->cum[i];
        }
    }
}

void console_print_task_ratio(FILE *f, const lg_plan *plan, long users)
{
    long counts[LG_MAX_CLASSES];
    plan_ratio_counts(plan, users, counts);
    fputs("\n Task ratio per User class\n", f);
    dashes(f, 80);
    fputc('\n', f);
    ratio_table(f, plan, counts, false);
    fputs("\n Total task ratio\n", f);
    dashes(f, 80);
    fputc('\n', f);
    ratio_table(f, plan, counts, true);
}

void console_print_errors(FILE *f, const stats_set *s)
{
    size_t n = stats_set_error_count(s);
    if (!n)
        return;
    fprintf(f, "Error report\n");
    fprintf(f, "%-18s %-100s\n", "# occurrences", "Error");
    dashes(f, 18);
    fputc('|', f);
    dashes(f, 141);
    fputc('\n', f);
    for (size_t i = 0; i < n; i++) {
        const stats_error *er = stats_set_error_at(s, i);
        char text[4096];
        snprintf(text, sizeof text, "%s %s: %s", er->method, er->name, er->error);
        fprintf(f, "%-18llu %-100s\n", (unsigned long long)er->occurrences, text);
    }
    dashes(f, 18);
    fputc('|', f);
    dashes(f, 141);
    fputc('\n', f);
    fputc('\n', f);
    fflush(f);
}
