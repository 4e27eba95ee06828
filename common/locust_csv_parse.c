/* locust_csv_parse.c — the row engine under the Locust CSV reader: libcsv
 * fed one physical line at a time, so every row knows the line it started
 * on (libcsv itself reports no positions). Fields of the current row live in
 * one reusable buffer; nothing of earlier rows is kept, which lets the reader
 * stream files of any length in constant memory. */
#include "locust_csv_parse.h"
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct lcp_state {
    lcp_row row;
    char *buf;               /* field bytes, each NUL-terminated */
    size_t len, cap;
    size_t *offs;            /* offsets of the fields in buf */
    size_t offcap;
    long line;               /* physical line being fed */
    lcp_row_fn fn;
    void *ctx;
    lb_err *err;
    int failed;              /* a row callback or OOM stopped the parse */
} lcp_state;

static void on_field(void *data, size_t n, void *vst)
{
    lcp_state *st = vst;
    if (st->failed)
        return;
    if (st->row.nfields == 0)
        st->row.line = st->line;
    if (st->len + n + 1 > st->cap) {
        size_t cap = st->cap ? st->cap : 256;
        while (cap < st->len + n + 1)
            cap *= 2;
        char *nb = realloc(st->buf, cap);
        if (!nb) {
            st->failed = lb_err_set(st->err, "out of memory");
            return;
        }
        st->buf = nb;
        st->cap = cap;
    }
    if (st->row.nfields == st->offcap) {
        size_t cap = st->offcap ? st->offcap * 2 : 32;
        size_t *no = realloc(st->offs, cap * sizeof *no);
        char **nf = realloc(st->row.fields, cap * sizeof *nf);
        if (no)
            st->offs = no;
        if (nf)
            st->row.fields = nf;
        if (!no || !nf) {
            st->failed = lb_err_set(st->err, "out of memory");
            return;
        }
        st->offcap = cap;
    }
    st->offs[st->row.nfields++] = st->len;
    if (n)
        memcpy(st->buf + st->len, data, n);
    st->len += n;
    st->buf[st->len++] = '\0';
}

static void on_row(int c, void *vst)
{
    lcp_state *st = vst;
    (void)c;
    if (!st->failed) {
        for (size_t i = 0; i < st->row.nfields; i++)
            st->row.fields[i] = st->buf + st->offs[i];
        if (st->fn(st->ctx, &st->row, st->err) != 0)
            st->failed = -1;
    }
    st->row.nfields = 0;
    st->len = 0;
}

int lcp_parse(const char *path, unsigned char delim, lcp_row_fn fn, void *ctx, lb_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return lb_err_set(err, "%s: %s", path, strerror(errno));
    struct csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0) {
        fclose(f);
        return lb_err_set(err, "%s: out of memory", path);
    }
    csv_set_delim(&p, delim);
    lcp_state st = {.fn = fn, .ctx = ctx, .err = err};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while (!st.failed && (n = getline(&line, &cap, f)) > 0) {
        st.line++;
        if (csv_parse(&p, line, (size_t)n, on_field, on_row, &st) != (size_t)n) {
            rc = lb_err_set(err, "%s:%ld: %s", path, st.line, csv_strerror(csv_error(&p)));
            break;
        }
    }
    if (!rc && !st.failed && ferror(f))
        rc = lb_err_set(err, "%s: read error: %s", path, strerror(errno));
    if (!rc && !st.failed)
        csv_fini(&p, on_field, on_row, &st);
    if (st.failed)
        rc = -1;
    free(line);
    free(st.buf);
    free(st.offs);
    free(st.row.fields);
    csv_free(&p);
    fclose(f);
    return rc;
}

int lcp_sniff_delim(const char *path, unsigned char *delim, lb_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return lb_err_set(err, "%s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    /* skip leading blank lines, as libcsv does */
    while ((n = getline(&line, &cap, f)) > 0 && strspn(line, "\r\n") == (size_t)n)
        ;
    if (n <= 0)
        rc = lb_err_set(err, "%s:1: empty file (no header row)", path);
    else
        *delim = memchr(line, '\t', (size_t)n) ? '\t' : ',';
    free(line);
    fclose(f);
    return rc;
}
