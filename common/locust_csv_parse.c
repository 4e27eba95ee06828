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
#include <sys/stat.h>

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

/* Offset of the first byte of s[0..n) that is not well-formed UTF-8
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or n.
 * ASCII runs take the fast path: a 1M-row history file is all ASCII. */
static size_t utf8_bad_at(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned char lo = 0x80, hi = 0xBF;   /* bounds of the second byte */
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;                    /* overlong */
            else if (c == 0xED)
                hi = 0x9F;                    /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;                    /* overlong */
            else if (c == 0xF4)
                hi = 0x8F;                    /* above U+10FFFF */
        } else
            return i;
        if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        i += len;
    }
    return n;
}

/* Open path for reading; a directory is refused here, since glibc opens
 * one and only the first read fails (it used to read as an empty file). */
static FILE *open_csv(const char *path, lb_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        lb_err_set(err, "%s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fclose(f);
        lb_err_set(err, "%s: is a directory, not a Locust CSV file", path);
        return NULL;
    }
    return f;
}

/* A NUL byte or invalid UTF-8 in a line: Locust writes its CSVs as UTF-8
 * text, so such bytes mean a damaged or foreign file (and a NUL would cut
 * a field short without notice). 0, or -1 with err naming line and byte. */
static int check_line(const char *path, long lineno, const char *line, size_t n, lb_err *err)
{
    const char *nul = memchr(line, '\0', n);
    if (nul)
        return lb_err_set(err, "%s:%ld:%zu: NUL byte (not a text file)", path, lineno,
                          (size_t)(nul - line) + 1);
    size_t bad = utf8_bad_at((const unsigned char *)line, n);
    if (bad < n)
        return lb_err_set(err, "%s:%ld:%zu: invalid UTF-8 (byte 0x%02x)", path, lineno, bad + 1,
                          (unsigned char)line[bad]);
    return 0;
}

int lcp_parse(const char *path, unsigned char delim, lcp_row_fn fn, void *ctx, lb_err *err)
{
    FILE *f = open_csv(path, err);
    if (!f)
        return -1;
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
        if ((rc = check_line(path, st.line, line, (size_t)n, err)) != 0)
            break;
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
    FILE *f = open_csv(path, err);
    if (!f)
        return -1;
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
