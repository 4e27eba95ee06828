/* locust_csv_writer.c — the four --csv files of one run, kept up to date.
 *
 * Like Locust's StatsCSVFileWriter: headers at open; every tick the three
 * snapshot files (_stats, _failures, _exceptions) are rewritten from the
 * start and truncated, and history rows are appended. Unlike 2.12.1 (which
 * flushes history every 10 s and writes nothing at exit), every tick flushes
 * all four files and close writes the final state, so no row is lost. */
#include "locust_csv.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { LC_STATS, LC_HISTORY, LC_FAILURES, LC_EXCEPTIONS, LC_NFILES };
static const char *const lc_suffix[LC_NFILES] = {
    "_stats.csv", "_stats_history.csv", "_failures.csv", "_exceptions.csv"};

struct lc_writer {
    FILE *f[LC_NFILES];
    char *path[LC_NFILES];
    bool full_history;
    int64_t hist_sec;     /* Unix second of the last appended history rows; -1 none */
    long hist_offset;     /* where those rows start in the history file */
};

/* mkdir -p for the directory part of prefix. */
static int make_parents(const char *prefix, lb_err *err)
{
    char *dir = strdup(prefix);
    if (!dir)
        return lb_err_set(err, "%s: out of memory", prefix);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return 0;
    }
    *slash = '\0';
    for (char *p = dir + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
                int e = errno;
                lb_err_set(err, "%s: cannot create directory: %s", dir, strerror(e));
                free(dir);
                return -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    free(dir);
    return 0;
}

static void writer_free(lc_writer *w)
{
    for (int i = 0; i < LC_NFILES; i++) {
        if (w->f[i])
            fclose(w->f[i]);
        free(w->path[i]);
    }
    free(w);
}

lc_writer *lc_writer_open(const char *prefix, bool full_history, lb_err *err)
{
    if (!prefix || !*prefix) {
        lb_err_set(err, "empty --csv prefix");
        return NULL;
    }
    if (make_parents(prefix, err) < 0)
        return NULL;
    lc_writer *w = calloc(1, sizeof *w);
    if (!w) {
        lb_err_set(err, "%s: out of memory", prefix);
        return NULL;
    }
    w->full_history = full_history;
    w->hist_sec = -1;
    for (int i = 0; i < LC_NFILES; i++) {
        size_t len = strlen(prefix) + strlen(lc_suffix[i]) + 1;
        w->path[i] = malloc(len);
        if (!w->path[i]) {
            lb_err_set(err, "%s: out of memory", prefix);
            writer_free(w);
            return NULL;
        }
        snprintf(w->path[i], len, "%s%s", prefix, lc_suffix[i]);
        w->f[i] = fopen(w->path[i], "w+");
        if (!w->f[i]) {
            lb_err_set(err, "%s: %s", w->path[i], strerror(errno));
            writer_free(w);
            return NULL;
        }
    }
    fprintf(w->f[LC_STATS], "%s\r\n", LC_STATS_HEADER);
    fprintf(w->f[LC_HISTORY], "%s\r\n", LC_HISTORY_HEADER);
    fprintf(w->f[LC_FAILURES], "%s\r\n", LC_FAILURES_HEADER);
    lc_write_exceptions(w->f[LC_EXCEPTIONS]);
    for (int i = 0; i < LC_NFILES; i++) {
        if (fflush(w->f[i]) != 0) {
            lb_err_set(err, "%s: %s", w->path[i], strerror(errno));
            writer_free(w);
            return NULL;
        }
    }
    return w;
}

/* Replace the whole content of snapshot file i with what fn writes. */
static int rewrite(lc_writer *w, int i, const stats_set *s, lb_err *err)
{
    FILE *f = w->f[i];
    int rc;
    rewind(f);
    if (i == LC_STATS)
        rc = lc_write_stats(f, s);
    else if (i == LC_FAILURES)
        rc = lc_write_failures(f, s);
    else
        rc = lc_write_exceptions(f);
    if (rc < 0 || fflush(f) != 0)
        return lb_err_set(err, "%s: write failed: %s", w->path[i], strerror(errno));
    long end = ftell(f);
    if (end < 0 || ftruncate(fileno(f), end) < 0)
        return lb_err_set(err, "%s: truncate failed: %s", w->path[i], strerror(errno));
    return 0;
}

int lc_writer_tick(lc_writer *w, const stats_set *s, double now, long user_count,
                   lb_err *err)
{
    if (rewrite(w, LC_STATS, s, err) < 0 || rewrite(w, LC_FAILURES, s, err) < 0 ||
        rewrite(w, LC_EXCEPTIONS, s, err) < 0)
        return -1;
    /* One row set per Unix second: a second tick within the same second (the
     * final one at close, typically) replaces the rows of the first, so the
     * history never shows a timestamp twice and still ends on the final state. */
    FILE *h = w->f[LC_HISTORY];
    int64_t sec = (int64_t)now;
    if (sec == w->hist_sec) {
        if (fseek(h, w->hist_offset, SEEK_SET) != 0 || ftruncate(fileno(h), w->hist_offset) < 0)
            return lb_err_set(err, "%s: truncate failed: %s", w->path[LC_HISTORY],
                              strerror(errno));
    } else {
        w->hist_offset = ftell(h);
        if (w->hist_offset < 0)
            return lb_err_set(err, "%s: %s", w->path[LC_HISTORY], strerror(errno));
        w->hist_sec = sec;
    }
    if (lc_write_history_rows(h, s, now, user_count, w->full_history) < 0 || fflush(h) != 0)
        return lb_err_set(err, "%s: write failed: %s", w->path[LC_HISTORY], strerror(errno));
    return 0;
}

int lc_writer_close(lc_writer *w, const stats_set *s, double now, long user_count,
                    lb_err *err)
{
    if (!w)
        return 0;
    int rc = s ? lc_writer_tick(w, s, now, user_count, err) : 0;
    for (int i = 0; i < LC_NFILES; i++) {
        if (fclose(w->f[i]) != 0 && rc == 0)
            rc = lb_err_set(err, "%s: close failed: %s", w->path[i], strerror(errno));
        w->f[i] = NULL;
    }
    writer_free(w);
    return rc;
}
