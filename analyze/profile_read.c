/* profile_read.c — reading refserver's per-request profile files into a rollup.
 *
 * The record format (also in docs/analyze.md, "Per-request profiles"):
 *
 *   DIR/requests-<pid>.csv, one file per refserver worker process, comma-
 *   separated, LF line ends, the first line exactly
 *     timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,
 *     db_us,bcrypt_us,serialize_us,write_us          (one line in the file)
 *   then one row per finished request: Unix time in us at request start,
 *   HTTP method, the route pattern (never the raw query string, so the
 *   number of endpoints stays small), the status code, and whole
 *   non-negative microseconds per column. A phase that did not happen is 0.
 *   total_us >= the sum of the phases is NOT guaranteed: bcrypt runs on a
 *   thread pool while the request waits, so it overlaps nothing but is wall
 *   time inside total, and each phase is rounded on its own.
 *
 * Rows are streamed through common's libcsv row engine (locust_csv_parse.h,
 * which also serves the Locust CSV reader): it reports the line each row
 * starts on and keeps nothing of earlier rows. */
#include "profile_rollup.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "locust_csv_parse.h"

const char PR_HEADER[] =
    "timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,"
    "db_us,bcrypt_us,serialize_us,write_us";

enum { COL_TS, COL_METHOD, COL_ROUTE, COL_STATUS, COL_TOTAL, NCOLS = COL_TOTAL + PR_NTIMES };

typedef struct read_state {
    pr_rollup *r;
    const char *path;
    int seen_header;
    uint64_t rows;               /* records of this file so far */
    pr_progress_fn progress;
    void *ctx;
} read_state;

/* Whether the row's fields are exactly PR_HEADER's comma-separated names. */
static int header_matches(const lcp_row *row)
{
    if (row->nfields != NCOLS)
        return 0;
    const char *p = PR_HEADER;
    for (size_t i = 0; i < row->nfields; i++) {
        size_t len = strcspn(p, ",");
        if (strlen(row->fields[i]) != len || memcmp(row->fields[i], p, len))
            return 0;
        p += len + (p[len] == ',');
    }
    return 1;
}

/* Digits of s accumulated into *v: 1 when s is one or more digits only, 0
 * when something else is in it, -1 when the value passes 64 bits. One pass
 * by hand because strtoull would need a second one to refuse the spaces,
 * signs and "0x" it accepts, and this runs eight times per record (a third
 * of the read time when it was strspn + strtoull). */
static int digits_u64(const char *s, uint64_t *v)
{
    uint64_t acc = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++)
        if (__builtin_mul_overflow(acc, 10, &acc) ||
            __builtin_add_overflow(acc, (uint64_t)(*p - '0'), &acc))
            return -1;
    *v = acc;
    return p != s && !*p;
}

/* Parse a whole non-negative decimal number that fits 64 bits. 0 on
 * success, else -1 with err naming path:line:column and what is wrong. */
static int parse_u64(const read_state *st, const lcp_row *row, size_t col,
                     uint64_t *out, lb_err *err)
{
    const char *s = row->fields[col];
    uint64_t ignored;
    int rc = digits_u64(s, out);
    if (rc == 1)
        return 0;
    const char *what = rc < 0 ? "does not fit 64 bits"
                     : *s == '-' && digits_u64(s + 1, &ignored) ? "is negative"
                     : "is not a whole number";
    /* Name the column by its header name: the message then says which phase. */
    const char *name = PR_HEADER;
    for (size_t i = 0; i < col; i++)
        name += strcspn(name, ",") + 1;
    return lb_err_set(err, "%s:%ld:%zu: %.*s '%.40s' %s", st->path, row->line, col + 1,
                      (int)strcspn(name, ","), name, s, what);
}

static int on_row(void *ctx, const lcp_row *row, lb_err *err)
{
    read_state *st = ctx;
    if (!st->seen_header) {
        st->seen_header = 1;
        if (header_matches(row))
            return 0;
        return lb_err_set(err, "%s:%ld: unknown header (want exactly %s)", st->path,
                          row->line, PR_HEADER);
    }
    if (row->nfields != NCOLS)
        return lb_err_set(err, "%s:%ld: ragged row: %zu fields, the header has %d",
                          st->path, row->line, row->nfields, NCOLS);
    pr_record rec = { .method = row->fields[COL_METHOD], .route = row->fields[COL_ROUTE] };
    if (!*rec.method || !*rec.route)
        return lb_err_set(err, "%s:%ld:%d: empty %s", st->path, row->line,
                          *rec.method ? COL_ROUTE + 1 : COL_METHOD + 1,
                          *rec.method ? "route" : "method");
    uint64_t status = 0;
    if (parse_u64(st, row, COL_TS, &rec.timestamp_us, err) ||
        parse_u64(st, row, COL_STATUS, &status, err))
        return -1;
    if (status < 100 || status > 599)
        return lb_err_set(err, "%s:%ld:%d: status '%s' is not an HTTP status (100..599)",
                          st->path, row->line, COL_STATUS + 1, row->fields[COL_STATUS]);
    rec.status = (unsigned)status;
    for (int t = 0; t < PR_NTIMES; t++)
        if (parse_u64(st, row, COL_TOTAL + (size_t)t, &rec.us[t], err))
            return -1;
    lb_err inner;
    if (pr_add(st->r, &rec, &inner))
        return lb_err_set(err, "%s:%ld: %s", st->path, row->line, inner.msg);
    if (++st->rows % PR_PROGRESS_ROWS == 0 && st->progress)
        st->progress(st->ctx, st->rows);
    return 0;
}

int pr_read_file(pr_rollup *r, const char *path, pr_progress_fn progress, void *ctx,
                 lb_err *err)
{
    read_state st = { .r = r, .path = path, .progress = progress, .ctx = ctx };
    if (lcp_parse(path, ',', on_row, &st, err))
        return -1;
    if (!st.seen_header)
        return lb_err_set(err, "%s:1: empty file (no header row)", path);
    return 0;
}

static int is_profile_name(const struct dirent *d)
{
    static const char pre[] = "requests-", suf[] = ".csv";
    size_t len = strlen(d->d_name);
    return len >= sizeof pre - 1 + sizeof suf - 1 &&
           !strncmp(d->d_name, pre, sizeof pre - 1) &&
           !strcmp(d->d_name + len - (sizeof suf - 1), suf);
}

/* Byte order, not the locale's collation: the same files list the same way
 * everywhere. */
static int cmp_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

void pr_paths_free(char **paths, size_t n)
{
    for (size_t i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
}

int pr_list_files(const char *dir, char ***out, size_t *n, lb_err *err)
{
    struct dirent **list;
    int found = scandir(dir, &list, is_profile_name, cmp_name);
    if (found < 0)
        return lb_err_set(err, "%s: %s", dir, strerror(errno));
    int rc = 0;
    char **paths = NULL;
    if (found == 0)
        rc = lb_err_set(err, "%s: no requests-*.csv files (refserver --profile-requests "
                        "writes one per worker)", dir);
    else if (!(paths = calloc((size_t)found, sizeof *paths)))
        rc = lb_err_set(err, "out of memory");
    for (int i = 0; i < found; i++) {
        if (!rc) {
            size_t dlen = strlen(dir);
            const char *sep = dlen && dir[dlen - 1] == '/' ? "" : "/";
            size_t len = dlen + strlen(list[i]->d_name) + 2;
            if ((paths[i] = malloc(len)))
                snprintf(paths[i], len, "%s%s%s", dir, sep, list[i]->d_name);
            else
                rc = lb_err_set(err, "out of memory");
        }
        free(list[i]);
    }
    free(list);
    if (rc) {
        pr_paths_free(paths, (size_t)found);
        return -1;
    }
    *out = paths;
    *n = (size_t)found;
    return 0;
}
