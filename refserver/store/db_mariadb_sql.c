/* db_mariadb_sql.c — translate the store's SQL for MariaDB (see db_mariadb_sql.h). */
#include "db_mariadb_sql.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* When out[0..n) ends in "<operand> LIKE " (the operand a column name,
 * [A-Za-z0-9_.]+), where the operand starts; else -1. Only a column's
 * LIKE is rewritten: the store has no other. */
static long like_operand(const char *out, size_t n)
{
    size_t i = n;
    while (i && out[i - 1] == ' ')
        i--;
    if (i < 4 || strncmp(out + i - 4, "LIKE", 4))
        return -1;
    i -= 4;
    size_t like = i;
    while (i && out[i - 1] == ' ')
        i--;
    if (i == like)
        return -1;   /* "UNLIKE": not the operator */
    size_t end = i;
    while (i && (isalnum((unsigned char)out[i - 1]) || out[i - 1] == '_' || out[i - 1] == '.'))
        i--;
    return i == end ? -1 : (long)i;
}

int my_sql_translate(const char *in, my_sql *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(in), markers = 0;
    for (size_t i = 0; i < n; i++)
        markers += in[i] == '?';
    /* a LIKE marker grows from "x LIKE ?" to "x REGEXP ?" */
    out->text = malloc(n + markers * 4 + 1);
    out->map = malloc((markers ? markers : 1) * sizeof *out->map);
    out->like = calloc(markers ? markers : 1, sizeof *out->like);
    if (!out->text || !out->map || !out->like) {
        my_sql_free(out);
        return -1;
    }
    size_t o = 0;
    int next = 0;   /* a bare "?" is the highest number so far + 1, as in SQLite */
    for (size_t i = 0; i < n;) {
        char c = in[i];
        if (c == '\'') {   /* a literal, '' inside it included */
            size_t j = i + 1;
            while (j < n && !(in[j] == '\'' && in[j + 1] != '\''))
                j += in[j] == '\'' ? 2 : 1;
            j = j < n ? j + 1 : n;
            memcpy(out->text + o, in + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        if (c != '?') {
            out->text[o++] = c;
            i++;
            continue;
        }
        long operand = like_operand(out->text, o);
        int num = 0;
        i++;
        if (isdigit((unsigned char)in[i])) {
            while (isdigit((unsigned char)in[i]) && num < 100000)
                num = num * 10 + (in[i++] - '0');
        }
        if (num < 1)   /* "?" (or a "?0" SQLite would refuse) */
            num = next + 1;
        if (num > next)
            next = num;
        if (operand >= 0) {
            /* "x LIKE ?" -> "x REGEXP ?": the driver turns the pattern into a
             * regular expression with SQLite's LIKE semantics */
            size_t like = o;
            while (out->text[like - 1] == ' ')
                like--;
            memcpy(out->text + like - 4, "REGEXP ?", 8);
            o = like + 4;
        } else {
            out->text[o++] = '?';
        }
        out->like[out->npos] = operand >= 0;
        out->map[out->npos++] = num - 1;
    }
    out->text[o] = '\0';
    out->nlogical = next;
    return 0;
}

void my_sql_free(my_sql *s)
{
    free(s->text);
    free(s->map);
    free(s->like);
    memset(s, 0, sizeof *s);
}

char *my_like_regexp(const char *pat, size_t n, unsigned long *len)
{
    /* "(?s)^" + at most 6 bytes per pattern byte ("[aA]", "\\.", ".{k,}") + "$" */
    char *re = malloc(6 * n + 8);
    if (!re)
        return NULL;
    size_t o = 0;
    memcpy(re, "(?s)^", 5);
    o = 5;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)pat[i];
        if (c == '%' || c == '_') {
            /* a run of wildcards is one: k "_" and any "%" is ".{k,}" (".*"
             * when k is 0), no "%" is ".{k}" -- "%%%%" as ".*.*.*.*" made
             * PCRE backtrack past the read timeout on a long row */
            size_t k = 0;
            bool any = false;
            for (; i < n && (pat[i] == '%' || pat[i] == '_'); i++) {
                k += pat[i] == '_';
                any = any || pat[i] == '%';
            }
            i--;
            o += (size_t)(k == 0 ? sprintf(re + o, ".*")
                          : sprintf(re + o, any ? ".{%zu,}" : ".{%zu}", k));
        } else if (c < 0x80 && isalpha(c)) {
            re[o++] = '[';
            re[o++] = (char)tolower(c);
            re[o++] = (char)toupper(c);
            re[o++] = ']';
        } else if (c < 0x80 && strchr("\\^$.|?*+()[]{}", c)) {
            re[o++] = '\\';
            re[o++] = (char)c;
        } else {
            re[o++] = (char)c;   /* other ASCII, and UTF-8 bytes: themselves */
        }
    }
    re[o++] = '$';
    re[o] = '\0';
    *len = (unsigned long)o;
    return re;
}
