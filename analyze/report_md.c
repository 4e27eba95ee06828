/* report_md.c — the Markdown of Performance-Story.md, every number computed. */
#include "report_md.h"
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "fmt.h"
#include "plot.h"
#include "report_story.h"
#include "table.h"

/* Number cell: counts as integers, times and rates with two decimals;
 * "~" marks a percentile merged approximately by --group-names. */
static const char *num(char *buf, double v, int dec, bool approx)
{
    char tmp[FMT_NUM_MAX - 2];
    fmt_num(tmp, sizeof tmp, v, dec, true);
    snprintf(buf, FMT_NUM_MAX, "%s%s", approx ? "~" : "", tmp);
    return buf;
}

/* Percent with one fixed decimal ("19.0%"), so share columns line up. */
static const char *pct1(char *buf, double v)
{
    snprintf(buf, FMT_NUM_MAX, "%.1f%%", v);
    return buf;
}

static void endpoint_label(FILE *f, const model_endpoint *e)
{
    fputs("`", f);
    fmt_md_cell(f, e->method);
    fputc(' ', f);
    fmt_md_cell(f, e->name);
    fputs("`", f);
}

static int find_profile(const report_input *in, const char *name)
{
    for (size_t i = 0; i < in->n; i++)
        if (!strcmp(in->m->profiles[i].name, name))
            return (int)i;
    return -1;
}

static const char *pfx(const report_input *in)
{
    return in->plot_prefix ? in->plot_prefix : "";
}

static void write_headline(FILE *f, const report_input *in, bool plots_ok, const char *sfx)
{
    fprintf(f, "## Headline table%s\n\n", sfx);
    table_write(f, in->ps, in->n, FMT_MD);
    fputs("\np50/p95/p99 are Locust's Median, 95%ile and 99%ile columns of the Aggregated "
          "row. RPS is the \"Current RPS\" at the end of the run for web-UI tables "
          "(a ~10 s window, not the run's average) and the total Requests/s for "
          "`_stats.csv` files. Web-UI tables report only the 95th and 99th percentiles.", f);
    size_t exact = 0;
    for (size_t i = 0; i < in->n; i++)
        exact += in->ps[i].exact_pct;
    if (exact)
        fprintf(f, " For the %zu run(s) with a `_hdr.csv` beside them (loadgen writes it), "
                "p50/p95/p99 here and in the charts are its exact percentiles (µs "
                "precision, shown in ms) instead of Locust's rounded columns.", exact);
    fputs("\n\n", f);
    if (plots_ok) {
        const char *p = pfx(in);
        fprintf(f, "![RPS per profile](plots/%srps.png)\n\n"
                "![p50, p95 and p99 per profile, log scale](plots/%slatency.png)\n\n"
                "SVG versions: [RPS](plots/%srps.svg), [latency](plots/%slatency.svg).\n\n",
                p, p, p, p);
    }
}

/* "Throughput: A (`name`) served **Nx** the RPS of B ...": the line under a
 * comparison; nothing when either side has no positive RPS. */
static void md_ratio(FILE *f, const model_profile *a, const model_profile *b)
{
    char x[FMT_NUM_MAX], y[FMT_NUM_MAX], r[FMT_NUM_MAX];
    if (!a->head.has_rps || !b->head.has_rps || a->head.rps <= 0 || b->head.rps <= 0)
        return;
    bool a_more = a->head.rps >= b->head.rps;
    const model_profile *hi = a_more ? a : b, *lo = a_more ? b : a;
    double ratio = hi->head.rps / lo->head.rps;   /* small ratios keep two decimals: 1.13x */
    fprintf(f, "\nThroughput: %s (`%s`) served **%sx** the RPS of %s (`%s`): %s / %s.\n",
            a_more ? "A" : "B", hi->name, num(r, ratio, ratio < 10 ? 2 : 1, false),
            a_more ? "B" : "A", lo->name, num(x, hi->head.rps, 2, false),
            num(y, lo->head.rps, 2, false));
}

static int write_compares(FILE *f, const report_input *in, const char *sfx)
{
    if (in->m->ncompares == 0)
        return 0;
    fprintf(f, "## Comparisons%s\n\nEach table", sfx);
    fputs(" compares profile A with profile B from the "
          "manifest; Delta is the change from A to B.\n\n", f);
    for (size_t c = 0; c < in->m->ncompares; c++) {
        const manifest_compare *mc = &in->m->compares[c];
        int ia = find_profile(in, mc->a), ib = find_profile(in, mc->b);
        if (ia < 0 || ib < 0)
            continue;
        const model_profile *a = &in->ps[ia], *b = &in->ps[ib];
        compare_result r;
        if (compare_build(a, b, &r, NULL))
            return -1;
        size_t all = r.nrows;
        r.nrows = r.nhead;    /* the report shows headline rows; `analyze compare` has the rest */
        fputs("### ", f);
        fmt_md_cell(f, mc->title);
        fprintf(f, "\n\nA = `%s` (", a->name);
        fmt_md_cell(f, a->config ? a->config : "");
        fprintf(f, "), B = `%s` (", b->name);
        fmt_md_cell(f, b->config ? b->config : "");
        fputs(").\n\n", f);
        compare_write(f, a, b, &r, FMT_MD, 0);
        md_ratio(f, a, b);
        if (mc->note && *mc->note) {
            fputs("\n> ", f);
            fmt_md_cell(f, mc->note);
            fputc('\n', f);
        }
        fputc('\n', f);
        r.nrows = all;
        compare_free(&r);
    }
    return 0;
}

/* Indices of p's endpoints ordered by key descending (requests or time). */
static size_t *rank_endpoints(const model_profile *p, bool by_time)
{
    size_t *idx = malloc((p->neps ? p->neps : 1) * sizeof *idx);
    if (!idx)
        return NULL;
    for (size_t i = 0; i < p->neps; i++)
        idx[i] = i;
    /* Insertion sort keeps equal keys in name order; n is at most a few hundred. */
    for (size_t i = 1; i < p->neps; i++) {
        size_t v = idx[i], j = i;
        const model_metrics *mv = &p->eps[v].m;
        double kv = by_time ? (double)mv->requests * mv->avg : (double)mv->requests;
        while (j > 0) {
            const model_metrics *mj = &p->eps[idx[j - 1]].m;
            double kj = by_time ? (double)mj->requests * mj->avg : (double)mj->requests;
            if (kj >= kv)
                break;
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = v;
    }
    return idx;
}

static int write_shares(FILE *f, const report_input *in, size_t top, const char *sfx)
{
    char a[FMT_NUM_MAX], b[FMT_NUM_MAX], c[FMT_NUM_MAX];
    fprintf(f, "## Where the server's time goes%s\n\n", sfx);
    fputs("Share of total response time = "
          "requests × average of an endpoint ÷ (requests × average of the Aggregated row). "
          "The busiest endpoint by request count is not always the one that costs the "
          "most time.\n\n| Profile | Top endpoint by time | Its share | Requests | Avg (ms) |\n"
          "|---|---|---:|---:|---:|\n", f);
    for (size_t i = 0; i < in->n; i++) {
        const model_profile *p = &in->ps[i];
        size_t *idx = rank_endpoints(p, true);
        if (!idx)
            return -1;
        fprintf(f, "| `%s` | ", p->name);
        if (p->neps) {
            const model_endpoint *e = &p->eps[idx[0]];
            endpoint_label(f, e);
            fprintf(f, " | %s | %s | %s |\n", pct1(a, model_time_share(p, e)),
                    num(b, (double)e->m.requests, 0, false), num(c, e->m.avg, 2, false));
        } else {
            fputs("— | — | — | — |\n", f);
        }
        free(idx);
    }
    fputc('\n', f);
    for (size_t i = 0; i < in->n; i++) {
        const model_profile *p = &in->ps[i];
        size_t *idx = rank_endpoints(p, true);
        if (!idx)
            return -1;
        size_t shown = top && top < p->neps ? top : p->neps;
        double listed = 0.0;
        for (size_t k = 0; k < p->neps; k++)
            listed += model_time_share(p, &p->eps[k]);
        fprintf(f, "### `%s`: share of response time\n\n| Endpoint | Requests | Avg (ms) | "
                "Share |\n|---|---:|---:|---:|\n", p->name);
        for (size_t k = 0; k < shown; k++) {
            const model_endpoint *e = &p->eps[idx[k]];
            fputs("| ", f);
            endpoint_label(f, e);
            fprintf(f, " | %s | %s | %s |\n", num(a, (double)e->m.requests, 0, false),
                    num(b, e->m.avg, 2, false), pct1(c, model_time_share(p, e)));
        }
        fprintf(f, "\nThe %zu listed rows account for %s of the Aggregated total",
                p->neps, pct1(a, listed));
        if (model_truncated(p))
            fputs("; the rest belongs to rows the web UI did not list (500-row truncation)", f);
        fputs(".\n\n", f);
        free(idx);
    }
    return 0;
}

static int write_endpoints(FILE *f, const report_input *in, const report_opts *o,
                           bool plots_ok, const char *sfx)
{
    char buf[8][FMT_NUM_MAX];
    fprintf(f, "## Endpoints per profile%s\n\n", sfx);
    fputs("The busiest endpoints of each profile by request "
          "count.", f);
    if (o->grouped)
        fputs(" Request names that differ only in query values are folded into one row "
              "(`--group-names`); a `~` marks a percentile of a folded row: it is estimated "
              "from the members' min/p50/p95/p99/max (a request-weighted mixture), not "
              "measured, so it is approximate.", f);
    fputs("\n\n", f);
    for (size_t i = 0; i < in->n; i++) {
        const model_profile *p = &in->ps[i];
        size_t *idx = rank_endpoints(p, false);
        if (!idx)
            return -1;
        size_t shown = o->top && o->top < p->neps ? o->top : p->neps;
        fprintf(f, "### `%s` (%zu of %zu endpoints)\n\n| Endpoint | Requests | Fails | p50 (ms) "
                "| p95 (ms) | p99 (ms) | Avg (ms) | RPS |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
                p->name, shown, p->neps);
        for (size_t k = 0; k < shown; k++) {
            const model_endpoint *e = &p->eps[idx[k]];
            bool ap = e->m.approx_pct;
            fputs("| ", f);
            endpoint_label(f, e);
            fprintf(f, " | %s | %s | %s | %s | %s | %s | %s |\n",
                    num(buf[0], (double)e->m.requests, 0, false),
                    num(buf[1], (double)e->m.fails, 0, false), num(buf[2], e->m.p50, 2, ap),
                    e->m.has_p95 ? num(buf[3], e->m.p95, 2, ap) : "—",
                    e->m.has_p99 ? num(buf[4], e->m.p99, 2, ap) : "—",
                    num(buf[5], e->m.avg, 2, false),
                    e->m.has_rps ? num(buf[6], e->m.rps, 2, false) : "—");
        }
        fputc('\n', f);
        if (plots_ok && p->neps) {
            char file[700], pre[64];
            snprintf(pre, sizeof pre, "%sendpoints-", pfx(in));
            plot_name(file, sizeof file, pre, p->name);
            fprintf(f, "![%s: per-endpoint latency](plots/%s.png) ([SVG](plots/%s.svg))\n\n",
                    p->name, file, file);
        }
        free(idx);
    }
    return 0;
}

static void write_history(FILE *f, const report_input *in, bool plots_ok, const char *sfx)
{
    size_t with = 0;
    for (size_t i = 0; i < in->n; i++)
        with += in->hist && in->hist[i];
    fprintf(f, "## Over time%s\n\n", sfx);
    if (!with) {
        fputs("No profile has a `_stats_history.csv` beside it (web-UI tables have none), "
              "so there is nothing to plot over time.\n\n", f);
        return;
    }
    for (size_t i = 0; i < in->n; i++) {
        if (!in->hist || !in->hist[i])
            continue;
        const run_history *h = in->hist[i];
        fprintf(f, "### `%s`\n\n%zu per-second rows over %lld s.\n\n", in->ps[i].name, h->n,
                (long long)(h->pts[h->n - 1].t - h->pts[0].t));
        if (plots_ok) {
            char file[700], pre[64];
            snprintf(pre, sizeof pre, "%shistory-", pfx(in));
            plot_name(file, sizeof file, pre, in->ps[i].name);
            fprintf(f, "![%s: users, RPS and p95 over time](plots/%s.png) ([SVG](plots/%s.svg))"
                    "\n\n", in->ps[i].name, file, file);
        }
    }
}

static void write_notes(FILE *f, const report_input *in, const report_opts *o,
                        const char *sfx)
{
    char a[FMT_NUM_MAX], b[FMT_NUM_MAX], c[FMT_NUM_MAX];
    fprintf(f, "## Notes on the data%s\n\n", sfx);
    size_t notes = 0;
    for (size_t i = 0; i < in->n; i++) {
        const model_profile *p = &in->ps[i];
        if (model_truncated(p)) {
            fprintf(f, "- `%s`: the Aggregated row covers %s requests but the listed rows "
                    "only %s (%s%%): the web UI lists at most 500 rows, and the Aggregated row "
                    "still counts the rows it left out.\n", p->name,
                    num(a, (double)p->head.requests, 0, false),
                    num(b, (double)p->listed_requests, 0, false),
                    num(c, p->head.requests ? 100.0 * (double)p->listed_requests /
                                                  (double)p->head.requests : 0.0, 1, false));
            notes++;
        }
        size_t names = in->names_before ? in->names_before[i] : p->neps;
        if (names > MODEL_MANY_NAMES) {
            if (o->grouped)
                fprintf(f, "- `%s` has %zu unique request names; `--group-names` folded them "
                        "into %zu rows.\n", p->name, names, p->neps);
            else
                fprintf(f, "- `%s` has %zu unique request names (more than %d): consider "
                        "`--group-names` to fold names that differ only in query values.\n",
                        p->name, names, MODEL_MANY_NAMES);
            notes++;
        }
    }
    if (!notes)
        fputs("Nothing to note.\n", f);
    fputc('\n', f);
}

static void write_inputs(FILE *f, const report_input *in, const char *sfx)
{
    fprintf(f, "## Inputs%s\n\n", sfx);
    fputs("| Profile | File | Commit | Tags |\n|---|---|---|---|\n", f);
    for (size_t i = 0; i < in->n; i++) {
        const manifest_profile *mp = &in->m->profiles[i];
        fprintf(f, "| `%s` | `", in->ps[i].name);
        fmt_md_cell(f, mp->file);
        fputs("` | ", f);
        fmt_md_cell(f, mp->commit);
        fputs(" | ", f);
        fmt_md_cell(f, mp->tags);
        fputs(" |\n", f);
    }
}

/* Without our reruns: the report as it always was. With them, every
 * per-manifest section twice ("— original", "— ours"), and the story's own
 * sections (side by side, derived comparisons, server-side view) between. */
int report_md_write(FILE *f, const report_input *in, const report_opts *o, bool plots_ok)
{
    const report_input *us = in->ours;
    const char *mname = strrchr(in->m->path, '/');
    mname = mname ? mname + 1 : in->m->path;
    const char *orig = us ? " — original" : "", *ours = " — ours";
    if (us) {
        const char *oname = strrchr(us->m->path, '/');
        oname = oname ? oname + 1 : us->m->path;
        fprintf(f, "# Performance Story — computed\n\nGenerated by `analyze report` from the "
                "manifest `%s` (%zu original profiles) and our reruns in `%s` (%zu runs). "
                "Every number below is computed from the files listed under Inputs; none is "
                "typed in. Regenerate with `make report`.\n\n", mname, in->n, oname, us->n);
    } else {
        fprintf(f, "# Performance Story — computed\n\nGenerated by `analyze report` from the "
                "manifest `%s` (%zu profiles). Every number below is computed from the profile "
                "files listed under Inputs; none is typed in. Regenerate with `make report`.\n\n",
                mname, in->n);
    }
    if (!plots_ok)
        fputs("> Plots were skipped: gnuplot was not available when this report was "
              "generated.\n\n", f);
    write_headline(f, in, plots_ok, orig);
    if (us) {
        write_headline(f, us, plots_ok, ours);
        if (report_story_side_by_side(f, in))
            return -1;
    }
    if (write_compares(f, in, orig) || (us && write_compares(f, us, ours)) ||
        (us && report_story_compares(f, in)) || write_shares(f, in, o->top, orig) ||
        (us && write_shares(f, us, o->top, ours)) || report_story_server(f, in) ||
        write_endpoints(f, in, o, plots_ok, orig) ||
        (us && write_endpoints(f, us, o, plots_ok, ours)))
        return -1;
    write_history(f, in, plots_ok, orig);
    if (us)
        write_history(f, us, plots_ok, ours);
    write_notes(f, in, o, orig);
    if (us)
        write_notes(f, us, o, ours);
    write_inputs(f, in, orig);
    if (us) {
        fputc('\n', f);
        write_inputs(f, us, ours);
    }
    return ferror(f) ? -1 : 0;
}
