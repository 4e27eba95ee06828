/* profile_write.c — the Markdown and CSV renderings of a profile rollup. */
#include "profile_write.h"
#include <stdlib.h>
#include "locust_csv.h"

const char PR_CSV_HEADER[] =
    "method,route,requests,share_pct,total_ms,p50_ms,p95_ms,"
    "parse_p50_ms,parse_p95_ms,parse_pct,auth_p50_ms,auth_p95_ms,auth_pct,"
    "cache_p50_ms,cache_p95_ms,cache_pct,db_p50_ms,db_p95_ms,db_pct,"
    "bcrypt_p50_ms,bcrypt_p95_ms,bcrypt_pct,serialize_p50_ms,serialize_p95_ms,serialize_pct,"
    "write_p50_ms,write_p95_ms,write_pct,other_pct,top_phases";

/* Phases named in the Markdown "Top phases" cell; CSV names them all. */
#define MD_TOP_PHASES 3

/* Milliseconds: three decimals are whole microseconds, the records' unit. */
static void put_ms(FILE *f, double ms, fmt_kind k)
{
    char buf[FMT_NUM_MAX];
    fputs(fmt_num(buf, sizeof buf, ms, 3, k == FMT_MD), f);
}

/* Percent: "61.2%" in Markdown, "61.23" in CSV. A share too small for one
 * decimal is "<0.1%" in Markdown: "0%" would claim the time is not there. */
static void put_pct(FILE *f, double pct, fmt_kind k)
{
    char buf[FMT_NUM_MAX];
    if (k == FMT_MD && pct > 0.0 && pct < 0.05) {
        fputs("<0.1%", f);
        return;
    }
    fputs(fmt_num(buf, sizeof buf, pct, k == FMT_MD ? 1 : 2, false), f);
    if (k == FMT_MD)
        fputc('%', f);
}

static void csv_row(FILE *f, const pr_rollup *r, const pr_endpoint *e)
{
    lc_put_field(f, e->method);
    fputc(',', f);
    lc_put_field(f, e->route);
    fprintf(f, ",%llu,", (unsigned long long)e->count);
    put_pct(f, pr_server_share(r, e), FMT_CSV);
    fputc(',', f);
    put_ms(f, (double)e->sum[PR_TOTAL] / 1000.0, FMT_CSV);
    for (int t = PR_TOTAL; t < PR_NTIMES; t++) {
        fputc(',', f);
        put_ms(f, pr_quantile_ms(e, (pr_time)t, 0.50), FMT_CSV);
        fputc(',', f);
        put_ms(f, pr_quantile_ms(e, (pr_time)t, 0.95), FMT_CSV);
        if (t != PR_TOTAL) {
            fputc(',', f);
            put_pct(f, pr_phase_share(e, (pr_time)t), FMT_CSV);
        }
    }
    fputc(',', f);
    put_pct(f, pr_other_share(e), FMT_CSV);
    fputc(',', f);
    pr_time top[PR_NPHASES];
    size_t n = pr_top_phases(e, top);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%s", i ? ";" : "", pr_time_names[top[i]]);
    fputc('\n', f);
}

static void md_endpoint(FILE *f, const pr_endpoint *e)
{
    fputs("| `", f);
    fmt_md_cell(f, e->method);
    fputc(' ', f);
    fmt_md_cell(f, e->route);
    fputs("` |", f);
}

static void md_summary_row(FILE *f, const pr_rollup *r, const pr_endpoint *e)
{
    char buf[FMT_NUM_MAX];
    md_endpoint(f, e);
    fprintf(f, " %s | ", fmt_num(buf, sizeof buf, (double)e->count, 0, true));
    put_pct(f, pr_server_share(r, e), FMT_MD);
    fputs(" | ", f);
    put_ms(f, pr_quantile_ms(e, PR_TOTAL, 0.50), FMT_MD);
    fputs(" | ", f);
    put_ms(f, pr_quantile_ms(e, PR_TOTAL, 0.95), FMT_MD);
    fputs(" |", f);
    pr_time top[PR_NPHASES];
    size_t n = pr_top_phases(e, top);
    for (size_t i = 0; i < n && i < MD_TOP_PHASES; i++) {
        fprintf(f, "%s%s ", i ? ", " : " ", pr_time_names[top[i]]);
        put_pct(f, pr_phase_share(e, top[i]), FMT_MD);
    }
    fputs(n ? " |\n" : " — |\n", f);
}

static void md_phase_row(FILE *f, const pr_endpoint *e)
{
    md_endpoint(f, e);
    for (int t = PR_PARSE; t < PR_NTIMES; t++) {
        fputc(' ', f);
        if (!e->sum[t]) {
            fputs("— |", f);
            continue;
        }
        put_ms(f, pr_quantile_ms(e, (pr_time)t, 0.50), FMT_MD);
        fputs(" / ", f);
        put_ms(f, pr_quantile_ms(e, (pr_time)t, 0.95), FMT_MD);
        fputs(" (", f);
        put_pct(f, pr_phase_share(e, (pr_time)t), FMT_MD);
        fputs(") |", f);
    }
    fputc(' ', f);
    put_pct(f, pr_other_share(e), FMT_MD);
    fputs(" |\n", f);
}

static void md_write(FILE *f, const pr_rollup *r, const pr_endpoint **eps, size_t nfiles,
                     size_t top)
{
    char n1[FMT_NUM_MAX], n2[FMT_NUM_MAX];
    fprintf(f, "**%s requests** in %zu file%s, %zu endpoint%s, %s s of server time "
            "(sum of total_us).\n\n",
            fmt_num(n1, sizeof n1, (double)r->rows, 0, true), nfiles, nfiles == 1 ? "" : "s",
            r->neps, r->neps == 1 ? "" : "s",
            fmt_num(n2, sizeof n2, (double)r->total_sum / 1e6, 2, true));
    if (!r->neps) {
        fputs("No requests recorded.\n", f);
        return;
    }
    size_t shown = top && top < r->neps ? top : r->neps;
    fputs("## Endpoints by server time\n\n"
          "| Endpoint | Requests | Share | p50 (ms) | p95 (ms) | Top phases |\n"
          "|---|---:|---:|---:|---:|---|\n", f);
    for (size_t i = 0; i < shown; i++)
        md_summary_row(f, r, eps[i]);
    if (shown < r->neps) {
        uint64_t rest = 0;
        for (size_t i = shown; i < r->neps; i++)
            rest += eps[i]->sum[PR_TOTAL];
        fprintf(f, "\n%zu more endpoint%s not shown (", r->neps - shown,
                r->neps - shown == 1 ? "" : "s");
        put_pct(f, r->total_sum ? 100.0 * (double)rest / (double)r->total_sum : 0.0, FMT_MD);
        fputs(" of server time; --top 0 lists all).\n", f);
    }
    fputs("\n## Phases: p50 / p95 ms (share of the endpoint's time)\n\n"
          "Percentiles are over every request of the endpoint, zeros included; "
          "\"other\" is time no phase accounts for.\n\n"
          "| Endpoint |", f);
    for (int t = PR_PARSE; t < PR_NTIMES; t++)
        fprintf(f, " %s |", pr_time_names[t]);
    fputs(" other |\n|---|", f);
    for (int t = PR_PARSE; t < PR_NTIMES; t++)
        fputs("---|", f);
    fputs("---:|\n", f);
    for (size_t i = 0; i < shown; i++)
        md_phase_row(f, eps[i]);
}

int pr_write(FILE *f, const pr_rollup *r, size_t nfiles, fmt_kind k, size_t top)
{
    const pr_endpoint **eps = malloc((r->neps ? r->neps : 1) * sizeof *eps);
    if (!eps)
        return -1;
    pr_sorted(r, eps);
    if (k == FMT_CSV) {
        fprintf(f, "%s\n", PR_CSV_HEADER);
        for (size_t i = 0; i < r->neps; i++)
            csv_row(f, r, eps[i]);
    } else {
        md_write(f, r, eps, nfiles, top);
    }
    free(eps);
    return ferror(f) ? -1 : 0;
}
