/* report.c — the report's folder: temp dir, charts, Markdown, atomic swap. */
#define _XOPEN_SOURCE 700   /* nftw */
#include "report.h"
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "plot.h"
#include "report_html.h"
#include "report_md.h"

/* History charts downsample to at most this many points: a million-row
 * history would make a script of tens of megabytes and a chart no clearer. */
#define REPORT_HISTORY_POINTS 2000

static void note(report_note_fn fn, void *ctx, const char *fmt, const char *a, const char *b)
{
    if (!fn)
        return;
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, a, b);
    fn(ctx, msg);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

static void rm_tree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static const char *pfx(const report_input *in)
{
    return in->plot_prefix ? in->plot_prefix : "";
}

static int plot_endpoints(const plot_ctx *pc, const char *prefix, const model_profile *p,
                          size_t top, lb_err *err)
{
    /* Top endpoints by requests, ties by name order (eps is sorted by name). */
    size_t n = p->neps, shown = top && top < n ? top : n;
    if (shown == 0)
        return 0;
    size_t *idx = malloc(n * sizeof *idx);
    const char **labels = malloc(shown * sizeof *labels);
    char **owned = calloc(shown, sizeof *owned);
    double *v = malloc(3 * shown * sizeof *v);
    int rc = -1;
    if (!idx || !labels || !owned || !v) {
        lb_err_set(err, "out of memory plotting %s", p->name);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    for (size_t i = 0; i < shown; i++) {       /* partial selection sort: shown is small */
        size_t best = i;
        for (size_t j = i + 1; j < n; j++)
            if (p->eps[idx[j]].m.requests > p->eps[idx[best]].m.requests)
                best = j;
        size_t t = idx[i]; idx[i] = idx[best]; idx[best] = t;
        const model_endpoint *e = &p->eps[idx[i]];
        size_t len = strlen(e->method) + strlen(e->name) + 2;
        if (!(owned[i] = malloc(len))) {
            lb_err_set(err, "out of memory plotting %s", p->name);
            goto out;
        }
        snprintf(owned[i], len, "%s %s", e->method, e->name);
        labels[i] = owned[i];
        v[i] = e->m.p50;
        v[shown + i] = e->m.p95;
        v[2 * shown + i] = e->m.p99;
    }
    char name[600], title[700], pre[64];
    snprintf(pre, sizeof pre, "%sendpoints-", prefix);
    plot_name(name, sizeof name, pre, p->name);
    snprintf(title, sizeof title, "%s: p50/p95/p99 of the %zu busiest endpoints", p->name, shown);
    rc = plot_latency(pc, name, title, labels, v, v + shown, v + 2 * shown, shown, err);
out:
    if (owned)
        for (size_t i = 0; i < shown; i++)
            free(owned[i]);
    free(owned);
    free(idx);
    free(labels);
    free(v);
    return rc;
}

static int plot_one_history(const plot_ctx *pc, const char *prefix, const model_profile *p,
                            const run_history *h, lb_err *err)
{
    size_t step = h->n / REPORT_HISTORY_POINTS + 1, n = (h->n + step - 1) / step;
    int64_t *t = malloc(n * sizeof *t);
    double *v = malloc(3 * n * sizeof *v);
    int rc = -1;
    if (!t || !v) {
        lb_err_set(err, "out of memory plotting %s", p->name);
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const run_point *pt = &h->pts[i * step];
        t[i] = pt->t;
        v[i] = (double)pt->users;
        v[n + i] = pt->rps;
        v[2 * n + i] = pt->has_p95 ? pt->p95 : 0.0;
    }
    char name[600], title[700], pre[64];
    snprintf(pre, sizeof pre, "%shistory-", prefix);
    plot_name(name, sizeof name, pre, p->name);
    snprintf(title, sizeof title, "%s: users, RPS and p95 over time", p->name);
    rc = plot_history(pc, name, title, t, v, v + n, v + 2 * n, n, err);
out:
    free(t);
    free(v);
    return rc;
}

static int make_plots(const plot_ctx *pc, const report_input *in, const report_opts *o,
                      lb_err *err)
{
    size_t n = in->n;
    const char **labels = malloc(n * sizeof *labels);
    double *v = malloc(4 * n * sizeof *v);
    int rc = -1;
    if (!labels || !v) {
        lb_err_set(err, "out of memory plotting");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        labels[i] = in->ps[i].name;
        v[i] = in->ps[i].head.rps;
        v[n + i] = in->ps[i].head.p50;
        v[2 * n + i] = in->ps[i].head.p95;
        v[3 * n + i] = in->ps[i].head.p99;
    }
    char rps[64], lat[64];
    snprintf(rps, sizeof rps, "%srps", pfx(in));
    snprintf(lat, sizeof lat, "%slatency", pfx(in));
    note(o->progress, o->ctx, "plotting RPS and latency per profile%s%s", *pfx(in) ? " of " : "",
         *pfx(in) ? in->m->path : "");
    if (plot_bars(pc, rps, "Requests per second per profile", "RPS", labels, v, n, err) ||
        plot_latency(pc, lat, "p50 / p95 / p99 per profile", labels, v + n, v + 2 * n,
                     v + 3 * n, n, err))
        goto out;
    for (size_t i = 0; i < n; i++) {
        note(o->progress, o->ctx, "plotting endpoints of %s%s", in->ps[i].name, "");
        if (plot_endpoints(pc, pfx(in), &in->ps[i], o->top, err))
            goto out;
        if (in->hist && in->hist[i]) {
            note(o->progress, o->ctx, "plotting history of %s%s", in->ps[i].name, "");
            if (plot_one_history(pc, pfx(in), &in->ps[i], in->hist[i], err))
                goto out;
        }
    }
    rc = in->ours ? make_plots(pc, in->ours, o, err) : 0;
out:
    free(labels);
    free(v);
    return rc;
}

/* Replace outdir by tmp: move the old one aside, move tmp in, delete the old. */
static int swap_in(const char *tmp, const char *outdir, lb_err *err)
{
    struct stat st;
    if (lstat(outdir, &st) != 0) {
        if (rename(tmp, outdir))
            return lb_err_set(err, "%s: cannot create: %s", outdir, strerror(errno));
        return 0;
    }
    if (!S_ISDIR(st.st_mode))
        return lb_err_set(err, "%s: exists and is not a directory", outdir);
    size_t len = strlen(outdir) + 16;
    char *old = malloc(len);
    if (!old)
        return lb_err_set(err, "out of memory");
    snprintf(old, len, "%s.old.XXXXXX", outdir);
    if (!mkdtemp(old) || rmdir(old) || rename(outdir, old)) {
        int e = errno;
        free(old);
        return lb_err_set(err, "%s: cannot move the old report aside: %s", outdir, strerror(e));
    }
    if (rename(tmp, outdir)) {
        int e = errno;
        rename(old, outdir);
        free(old);
        return lb_err_set(err, "%s: cannot move the new report in: %s", outdir, strerror(e));
    }
    rm_tree(old);
    free(old);
    return 0;
}

int report_write(const char *outdir, const report_input *in, const report_opts *o,
                 lb_err *err)
{
    size_t len = strlen(outdir);
    while (len > 1 && outdir[len - 1] == '/')
        len--;
    char *out = strndup(outdir, len);
    char *tmp = malloc(len + 16);
    char *sub = malloc(len + 64);
    int rc = -1;
    bool made = false;
    if (!out || !tmp || !sub) {
        lb_err_set(err, "out of memory");
        goto done;
    }
    snprintf(tmp, len + 16, "%s.tmp.XXXXXX", out);
    if (!mkdtemp(tmp)) {
        lb_err_set(err, "%s: cannot create a temporary folder beside it: %s", out,
                   strerror(errno));
        goto done;
    }
    made = true;
    chmod(tmp, 0755);   /* mkdtemp makes 0700; a report is meant to be read */
    snprintf(sub, len + 64, "%s/plots", tmp);
    if (mkdir(sub, 0755)) {
        lb_err_set(err, "%s: %s", sub, strerror(errno));
        goto done;
    }
    plot_ctx pc;
    lb_err perr;
    bool plots_ok = plot_probe(&pc, o->gnuplot ? o->gnuplot : "gnuplot", sub, &perr) == 0;
    if (!plots_ok) {
        note(o->warn, o->ctx, "plots skipped: %s; install gnuplot (Debian: sudo apt-get "
             "install gnuplot-nox, or scripts/install-deps) and run again%s", perr.msg, "");
        rmdir(sub);
    } else if (make_plots(&pc, in, o, err)) {
        rc = -2;
        goto done;
    }
    snprintf(sub, len + 64, "%s/Performance-Story.md", tmp);
    note(o->progress, o->ctx, "writing %s%s", "Performance-Story.md", "");
    FILE *f = fopen(sub, "w");
    if (!f) {
        lb_err_set(err, "%s: %s", sub, strerror(errno));
        goto done;
    }
    int wrc = report_md_write(f, in, o, plots_ok);
    if (fclose(f) || wrc) {
        lb_err_set(err, "%s: write error", sub);
        goto done;
    }
    if (o->html) {
        /* the page is made from the Markdown just written, charts read from tmp */
        char *md = strdup(sub);
        snprintf(sub, len + 64, "%s/Performance-Story.html", tmp);
        note(o->progress, o->ctx, "writing %s%s", "Performance-Story.html", "");
        f = md ? fopen(sub, "w") : NULL;
        int hrc = f ? report_html_write(f, md, tmp, err) : lb_err_set(err, "%s: cannot write", sub);
        free(md);
        if ((f && fclose(f)) || hrc) {
            if (!hrc)
                lb_err_set(err, "%s: write error", sub);
            goto done;
        }
    }
    if (swap_in(tmp, out, err))
        goto done;
    made = false;
    rc = plots_ok ? 0 : 1;
done:
    if (made)
        rm_tree(tmp);
    free(out);
    free(tmp);
    free(sub);
    return rc;
}
