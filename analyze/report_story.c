/* report_story.c — the report sections that need both the originals and our
 * reruns (`analyze report --compare-manifest`): headline rows side by side,
 * the story's comparisons computed for both, and the server-side view from a
 * per-request profile (`--server-profile`). Every number is computed here from
 * the loaded files; the prose around them never carries a number of its own. */
#define _POSIX_C_SOURCE 200809L   /* open_memstream */
#include "report_story.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "fmt.h"
#include "profile_write.h"

static const char *num(char *buf, double v, int dec)
{
    return fmt_num(buf, FMT_NUM_MAX, v, dec, true);
}

/* The profile of `in` named by a manifest reference: section name, or the
 * file's base name with or without ".csv" (manifest_find's rule). -1 when none. */
static int find(const report_input *in, const char *ref)
{
    char key[512];
    snprintf(key, sizeof key, "%s", ref ? ref : "");
    size_t len = strlen(key);
    if (len > 4 && !strcmp(key + len - 4, ".csv"))   /* a file name works as well */
        key[len - 4] = '\0';
    const manifest_profile *mp = *key ? manifest_find(in->m, key) : NULL;
    for (size_t i = 0; mp && i < in->n; i++)
        if (&in->m->profiles[i] == mp)
            return (int)i;
    return -1;
}

static void headline_row(FILE *f, const char *profile, const char *run, const model_profile *p)
{
    char b[8][FMT_NUM_MAX];
    const model_metrics *h = &p->head;
    double fail_pct = h->requests ? 100.0 * (double)h->fails / (double)h->requests : 0.0;
    fprintf(f, "| %s | %s | ", profile, run);
    fmt_md_cell(f, p->users ? p->users : "");
    fprintf(f, " | %s | %s | %s%% | %s | %s | %s | %s | %s |\n",
            num(b[0], (double)h->requests, 0), num(b[1], (double)h->fails, 0),
            num(b[2], fail_pct, 1), num(b[3], h->p50, 2),
            h->has_p95 ? num(b[4], h->p95, 2) : "—", h->has_p99 ? num(b[5], h->p99, 2) : "—",
            num(b[6], h->avg, 2), h->has_rps ? num(b[7], h->rps, 2) : "—");
}

int report_story_side_by_side(FILE *f, const report_input *in)
{
    const report_input *us = in->ours;
    fputs("## Side by side: the originals and our reruns\n\n"
          "Each original next to our run of the same configuration (`original =` in our "
          "manifest). Our runs are sized for this machine (Users column), so compare the "
          "shape of the story — which step helps, which hurts, by how much relative to its "
          "neighbours — rather than absolute numbers. RPS is the end-of-run \"Current RPS\" "
          "for the originals and the whole run's average for ours.\n\n"
          "| Profile | Run | Users | Requests | Fails | Fail % | p50 (ms) | p95 (ms) | "
          "p99 (ms) | Avg (ms) | RPS |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
          f);
    char *seen = calloc(us->n ? us->n : 1, 1);
    if (!seen)
        return -1;
    for (size_t i = 0; i < in->n; i++) {
        char label[600];
        snprintf(label, sizeof label, "`%s`", in->ps[i].name);
        headline_row(f, label, "original", &in->ps[i]);
        size_t found = 0;
        for (size_t j = 0; j < us->n; j++) {
            if (find(in, us->m->profiles[j].original) != (int)i)
                continue;
            char run[600];
            snprintf(run, sizeof run, "ours: `%s`", us->ps[j].name);
            headline_row(f, "", run, &us->ps[j]);
            seen[j] = 1;
            found++;
        }
        if (!found)
            fputs("| | ours: not rerun | | | | | | | | | |\n", f);
    }
    for (size_t j = 0; j < us->n; j++) {
        if (seen[j])
            continue;
        char run[600];
        snprintf(run, sizeof run, "ours: `%s`", us->ps[j].name);
        headline_row(f, "(no original)", run, &us->ps[j]);
    }
    free(seen);
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}

static int compare_section(FILE *f, const report_input *in, const manifest_compare *oc,
                           const manifest_compare *uc)
{
    const report_input *us = in->ours;
    int oa = find(in, oc->a), ob = find(in, oc->b), ua = find(us, uc->a), ub = find(us, uc->b);
    if (oa < 0 || ob < 0 || ua < 0 || ub < 0)
        return 0;
    compare_result ro, ru;
    if (compare_build(&in->ps[oa], &in->ps[ob], &ro, NULL))
        return -1;
    if (compare_build(&us->ps[ua], &us->ps[ub], &ru, NULL)) {
        compare_free(&ro);
        return -1;
    }
    fputs("### ", f);
    fmt_md_cell(f, oc->title);
    fprintf(f, "\n\nOriginal: A = `%s`, B = `%s`. Ours: A = `%s`, B = `%s`.\n\n"
            "| Metric | Original A | Original B | Original Δ | Ours A | Ours B | Ours Δ |\n"
            "|---|---:|---:|---:|---:|---:|---:|\n", in->ps[oa].name, in->ps[ob].name,
            us->ps[ua].name, us->ps[ub].name);
    char b[6][FMT_NUM_MAX];
    for (size_t k = 0; k < ro.nhead && k < ru.nhead; k++) {
        const compare_row *x = &ro.rows[k], *y = &ru.rows[k];
        int dec = k < MODEL_P50 ? 0 : 2;
        fprintf(f, "| %s | %s | %s | %s | %s | %s | %s |\n", x->metric,
                x->has_a ? num(b[0], x->a, dec) : "—", x->has_b ? num(b[1], x->b, dec) : "—",
                x->has_a && x->has_b ? fmt_delta(b[2], FMT_NUM_MAX, x->delta_pct, x->has_delta,
                                                 FMT_MD) : "—",
                y->has_a ? num(b[3], y->a, dec) : "—", y->has_b ? num(b[4], y->b, dec) : "—",
                y->has_a && y->has_b ? fmt_delta(b[5], FMT_NUM_MAX, y->delta_pct, y->has_delta,
                                                 FMT_MD) : "—");
    }
    /* B's RPS over A's: above 1 the "after" served more. */
    const model_metrics *a1 = &in->ps[oa].head, *b1 = &in->ps[ob].head;
    const model_metrics *a2 = &us->ps[ua].head, *b2 = &us->ps[ub].head;
    fputs("\nRPS of B over RPS of A: original ", f);
    if (a1->has_rps && b1->has_rps && a1->rps > 0)
        fprintf(f, "**%sx**", num(b[0], b1->rps / a1->rps, 2));
    else
        fputs("n/a", f);
    fputs(", ours ", f);
    if (a2->has_rps && b2->has_rps && a2->rps > 0)
        fprintf(f, "**%sx**", num(b[1], b2->rps / a2->rps, 2));
    else
        fputs("n/a", f);
    fputs(".\n", f);
    if (uc->note && *uc->note) {
        fputs("\n> Ours: ", f);
        fmt_md_cell(f, uc->note);
        fputc('\n', f);
    }
    fputc('\n', f);
    compare_free(&ro);
    compare_free(&ru);
    return ferror(f) ? -1 : 0;
}

int report_story_compares(FILE *f, const report_input *in)
{
    const manifest *om = in->m, *um = in->ours->m;
    size_t both = 0;
    for (size_t c = 0; c < om->ncompares; c++)
        for (size_t d = 0; d < um->ncompares; d++)
            both += !strcmp(om->compares[c].name, um->compares[d].name);
    if (!both)
        return 0;
    fputs("## The story's comparisons, original and ours\n\nThe comparisons both manifests "
          "define (same section name), computed the same way for both: Δ is the change from "
          "A to B.\n\n", f);
    for (size_t c = 0; c < om->ncompares; c++)
        for (size_t d = 0; d < um->ncompares; d++)
            if (!strcmp(om->compares[c].name, um->compares[d].name) &&
                compare_section(f, in, &om->compares[c], &um->compares[d]))
                return -1;
    return ferror(f) ? -1 : 0;
}

/* A share in percent with one decimal; "<0.1" for a share too small to show,
 * so a phase that took time never reads as 0. */
static const char *share(char *buf, double part, double whole)
{
    double v = whole > 0 ? 100.0 * part / whole : 0.0;
    if (v > 0 && v < 0.05)
        return strcpy(buf, "<0.1");
    return num(buf, v, 1);
}

/* Seconds with three decimals (whole milliseconds), from microseconds. */
static const char *secs(char *buf, uint64_t us)
{
    return num(buf, (double)us / 1e6, 3);
}

int report_story_server(FILE *f, const report_input *in)
{
    const pr_rollup *r = in->server;
    if (!r)
        return 0;
    char b[6][FMT_NUM_MAX];
    uint64_t phase[PR_NTIMES] = { 0 }, auth_eps = 0, bcrypt_eps_time = 0;
    for (size_t i = 0; i < r->neps; i++) {
        const pr_endpoint *e = &r->eps[i];
        for (int t = 0; t < PR_NTIMES; t++)
            phase[t] += e->sum[t];
        if (e->sum[PR_BCRYPT]) {
            auth_eps += e->count;
            bcrypt_eps_time += e->sum[PR_TOTAL];
        }
    }
    double all = (double)r->total_sum;
    fprintf(f, "## Where the server's time went: per-request phases (ours)\n\n"
            "From refserver's `--profile-requests` records in `%s` (%zu file%s, %s requests), "
            "rolled up exactly as `analyze profile` does. \"Server time\" is the sum of every "
            "request's wall time inside refserver, from its first byte to its response handed "
            "to the socket (queueing behind other work included); it is not CPU time.\n\n"
            "| Phase | Summed time (s) | Share of all server time |\n|---|---:|---:|\n",
            in->server_dir ? in->server_dir : "", in->server_files,
            in->server_files == 1 ? "" : "s", num(b[0], (double)r->rows, 0));
    int top = PR_PARSE;
    for (int t = PR_PARSE; t < PR_NTIMES; t++) {
        if (phase[t] > phase[top])
            top = t;
        fprintf(f, "| %s | %s | %s%% |\n", pr_time_names[t], secs(b[0], phase[t]),
                share(b[1], (double)phase[t], all));
    }
    /* What no phase accounts for: waiting for a bcrypt-pool thread, event-loop
     * queueing. Summed per request and clamped as pr_other_share does. */
    uint64_t other = 0;
    for (size_t i = 0; i < r->neps; i++) {
        const pr_endpoint *e = &r->eps[i];
        uint64_t ph = 0;
        for (int t = PR_PARSE; t < PR_NTIMES; t++)
            ph += e->sum[t];
        other += e->sum[PR_TOTAL] > ph ? e->sum[PR_TOTAL] - ph : 0;
    }
    fprintf(f, "| other (in no phase: waiting for a pool thread, loop queueing) | %s | %s%% |\n"
            "| all (total_us) | %s | 100%% |\n\n", secs(b[0], other),
            share(b[1], (double)other, all), secs(b[2], r->total_sum));
    if (all > 0)
        fprintf(f, "The endpoints that run bcrypt (%s requests, %s%% of all requests) account "
                "for **%s%%** of all server time. Of the measured phases the largest is **%s** "
                "(%s%%), and %s%% is in no phase (waiting for a pool thread, loop queueing). "
                "SQLite work (the `db` phase, reads and waits for the writer alike) takes "
                "**%s%%**.\n\n", num(b[0], (double)auth_eps, 0),
                share(b[1], (double)auth_eps, (double)r->rows),
                share(b[2], (double)bcrypt_eps_time, all), pr_time_names[top],
                share(b[3], (double)phase[top], all), share(b[4], (double)other, all),
                share(b[5], (double)phase[PR_DB], all));
    fputs("### Per endpoint (`analyze profile`)\n\n", f);
    /* pr_write's own "## " headings sit one level down inside this section. */
    char *md = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&md, &len);
    if (!mf)
        return -1;
    int wrc = pr_write(mf, r, in->server_files, FMT_MD, 0);
    if (fclose(mf) || wrc) {
        free(md);
        return -1;
    }
    for (char *line = md; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (!strncmp(line, "## ", 3))
            fputc('#', f);
        fwrite(line, 1, n, f);
        line += n;
    }
    free(md);
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}
