/* jsonw.c — streaming JSON output for SQLite rows (see jsonw.h). */
#include "jsonw.h"
#include "pyfmt.h"
#include <stdio.h>
#include <string.h>

int jw_str(lb_buf *b, const char *s, size_t n)
{
    /* worst case every byte becomes \u00XX */
    if (lb_buf_reserve(b, n * 6 + 2))
        return -1;
    char *o = b->data + b->len;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *o++ = (char)c;
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
            o += sprintf(o, "u%04X", c);   /* jansson writes upper-case hex */
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return 0;
}

int jw_key(lb_buf *b, const char *key, int first)
{
    size_t n = strlen(key);
    if (lb_buf_reserve(b, n + 4))
        return -1;
    char *o = b->data + b->len;
    if (!first)
        *o++ = ',';
    *o++ = '"';
    memcpy(o, key, n);
    o += n;
    *o++ = '"';
    *o++ = ':';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return 0;
}

int jw_col_text(lb_buf *b, rs_stmt *st, int i)
{
    if (db_col_null(st, i))
        return lb_buf_append(b, "null", 4);
    const char *s = db_col_text(st, i);
    return jw_str(b, s ? s : "", db_col_bytes(st, i));
}

int jw_col_iso(lb_buf *b, rs_stmt *st, int i)
{
    const char *s = db_col_text(st, i);
    if (!s)
        return lb_buf_append(b, "null", 4);
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.39s", s);
    if (tmp[10] == ' ')
        tmp[10] = 'T';
    return jw_str(b, tmp, strlen(tmp));
}

int jw_col_int(lb_buf *b, rs_stmt *st, int i)
{
    if (db_col_null(st, i))
        return lb_buf_append(b, "null", 4);
    return lb_buf_printf(b, "%lld", (long long)db_col_int(st, i));
}

int jw_col_real(lb_buf *b, rs_stmt *st, int i)
{
    if (db_col_null(st, i))
        return lb_buf_append(b, "null", 4);
    /* shortest round-trip form, as the seed's orjson (Python repr rules) */
    char tmp[PYFMT_REPR_MAX];
    pyfmt_repr(tmp, sizeof tmp, db_col_double(st, i));
    return lb_buf_puts(b, tmp);
}

int jw_col_raw(lb_buf *b, rs_stmt *st, int i, const char *fallback)
{
    const char *s = db_col_text(st, i);
    if (!s || !*s || !strcmp(s, "null"))
        return lb_buf_puts(b, fallback);
    return lb_buf_append(b, s, db_col_bytes(st, i));
}
