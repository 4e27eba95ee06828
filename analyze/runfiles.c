/* runfiles.c — loading a run's table and history through common's Locust reader. */
#include "runfiles.h"
#include "grow.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char STATS_SUFFIX[] = "_stats.csv";

char *runfiles_sibling(const char *stats_path, const char *suffix)
{
    size_t len = strlen(stats_path), slen = sizeof STATS_SUFFIX - 1;
    if (len < slen || strcmp(stats_path + len - slen, STATS_SUFFIX))
        return NULL;
    size_t keep = len - slen, add = strlen(suffix);
    char *out = malloc(keep + add + 1);
    if (!out)
        return NULL;
    memcpy(out, stats_path, keep);
    memcpy(out + keep, suffix, add + 1);
    return out;
}

bool runfiles_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int runfiles_load_profile(const char *path, model_profile *p, lb_err *err)
{
    lc_table t;
    memset(p, 0, sizeof *p);
    if (lc_read_file(path, &t, err))
        return -1;
    int rc = model_from_table(p, &t, err);
    lc_table_free(&t);
    return rc;
}

static int keep_point(void *ctx, const lc_row *r, lb_err *err)
{
    run_history *h = ctx;
    if (strcmp(r->name, "Aggregated") || (r->method && r->method[0]))
        return 0;
    run_point *np = lb_grow(h->pts, &h->cap, h->n, sizeof *np, 1024);
    if (!np)
        return lb_err_set(err, "line %ld: out of memory", r->line);
    h->pts = np;
    run_point *pt = &h->pts[h->n++];
    pt->t = r->timestamp;
    pt->users = r->user_count;
    pt->requests = r->requests;
    pt->rps = r->rps;
    pt->p50 = r->pct[0];
    pt->p95 = r->pct[5];
    pt->p99 = r->pct[7];
    pt->has_p95 = r->has_pct[5];
    pt->has_p99 = r->has_pct[7];
    return 0;
}

int runfiles_load_history(const char *path, run_history *h, lb_err *err)
{
    lc_layout layout;
    memset(h, 0, sizeof *h);
    if (lc_read_stream(path, &layout, keep_point, h, err)) {
        runfiles_history_free(h);
        return -1;
    }
    if (layout != LC_LAYOUT_HISTORY) {
        runfiles_history_free(h);
        return lb_err_set(err, "%s: not a _stats_history.csv file", path);
    }
    if (h->n == 0)
        return lb_err_set(err, "%s: no Aggregated rows in the history", path);
    return 0;
}

void runfiles_history_free(run_history *h)
{
    free(h->pts);
    memset(h, 0, sizeof *h);
}
