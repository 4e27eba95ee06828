/* where.c — filter strings to parameterised WHERE clauses (see where.h). */
#include "where.h"
#include "isotime.h"
#include <ctype.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int split_shell(const char *s, char **toks, int max, bool *unbalanced)
{
    int n = 0;
    const char *p = s;
    *unbalanced = false;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        lb_buf t = {0};
        bool any = false;
        while (*p && !isspace((unsigned char)*p)) {
            if (*p == '\'' || *p == '"') {
                char q = *p++;
                const char *end = strchr(p, q);
                if (!end) {
                    lb_buf_free(&t);
                    *unbalanced = true;
                    return n;
                }
                if (lb_buf_append(&t, p, (size_t)(end - p))) {
                    lb_buf_free(&t);
                    return -1;
                }
                any = true;
                p = end + 1;
            } else {
                if (*p == '\\' && p[1])
                    p++;
                if (lb_buf_append(&t, p, 1)) {
                    lb_buf_free(&t);
                    return -1;
                }
                any = true;
                p++;
            }
        }
        if (!any || n >= max) {
            lb_buf_free(&t);
            continue;
        }
        toks[n++] = t.data ? t.data : strdup("");
    }
    return n;
}

int where_split(const char *s, char **toks, int max)
{
    bool unbalanced;
    int n = split_shell(s, toks, max, &unbalanced);
    if (n < 0 || !unbalanced)
        return n;
    for (int i = 0; i < n; i++)
        free(toks[i]);
    n = 0;   /* shlex raised: fall back to str.split() */
    const char *p = s;
    while (*p && n < max) {
        while (*p && isspace((unsigned char)*p))
            p++;
        size_t len = 0;
        while (p[len] && !isspace((unsigned char)p[len]))
            len++;
        if (!len)
            break;
        if (!(toks[n] = strndup(p, len)))
            return -1;
        n++;
        p += len;
    }
    return n;
}

int where_add(rs_where *w, const char *cond, const char *bind)
{
    if (bind && w->nbinds >= RS_WHERE_MAX_BINDS)
        return -1;
    if (lb_buf_puts(&w->sql, w->sql.len ? " AND " : " WHERE ") || lb_buf_puts(&w->sql, cond))
        return -1;
    if (bind) {
        if (!(w->binds[w->nbinds] = strdup(bind)))
            return -1;
        w->nbinds++;
    }
    return 0;
}

/* Add one more binding for placeholders already in the SQL text. */
static int where_bind_more(rs_where *w, const char *bind)
{
    if (w->nbinds >= RS_WHERE_MAX_BINDS || !(w->binds[w->nbinds] = strdup(bind)))
        return -1;
    w->nbinds++;
    return 0;
}

static const char *column_for(const char *key, size_t n)
{
    static const struct { const char *k, *col; } map[] = {
        {"decky", "decky"}, {"service", "service"}, {"event", "event_type"},
        {"attacker", "attacker_ip"}, {"attacker-ip", "attacker_ip"},
        {"attacker_ip", "attacker_ip"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i].k) == n && !strncmp(map[i].k, key, n))
            return map[i].col;
    return NULL;
}

static int add_token(rs_where *w, const char *tok)
{
    const char *colon = strchr(tok, ':');
    if (colon && colon != tok) {
        size_t kn = (size_t)(colon - tok);
        const char *val = colon + 1;
        const char *col = column_for(tok, kn);
        char cond[160];
        if (col) {
            snprintf(cond, sizeof cond, "%s = ?", col);
            return where_add(w, cond, val);
        }
        char key[64];
        size_t k = 0;
        for (size_t i = 0; i < kn && k < sizeof key - 1; i++)
            if (isalnum((unsigned char)tok[i]) || tok[i] == '_')
                key[k++] = tok[i];
        key[k] = '\0';
        if (k > 0) {
            /* as text on both servers: MariaDB's json_unquote gives "5" for a
             * number, SQLite's json_extract the integer 5 */
            snprintf(cond, sizeof cond,
                     "CAST(json_unquote(json_extract(fields, '$.\"%s\"')) AS CHAR) = ?", key);
            return where_add(w, cond, val);
        }
        /* no key left ("!:x"): "$." is no JSON path; search the word */
    }
    size_t tl = strlen(tok);
    char *like = malloc(tl + 3);
    if (!like)
        return -1;
    like[0] = '%';
    memcpy(like + 1, tok, tl);
    strcpy(like + 1 + tl, "%");
    /* one value for four placeholders, bound four times so bindings stay
     * strictly positional */
    int rc = where_add(w, "(raw_line LIKE ? OR decky LIKE ? OR service LIKE ? OR "
                          "attacker_ip LIKE ?)", like);
    for (int i = 0; i < 3 && !rc; i++)
        rc = where_bind_more(w, like);
    free(like);
    return rc;
}

/* The seed compares start_time/end_time with the stored text as strings
 * (decnet-api.md §2.4), unvalidated. A value in the stored form
 * ("YYYY-MM-DD HH:MM:SS", a real time) orders the same as a string and as a
 * MariaDB DATETIME, so the column's index serves it on both servers; any
 * other value ("2026-04-17T00:00", "abc") is compared as text explicitly,
 * which is what SQLite does anyway and what MariaDB does not. */
static const char *time_cond(const char *v, bool start)
{
    char norm[ISOTIME_LEN];
    bool stored_form = strlen(v) == ISOTIME_LEN - 1 && !isotime_normalise(v, norm, NULL) &&
                       !strcmp(norm, v);
    if (stored_form)
        return start ? "timestamp >= ?" : "timestamp <= ?";
    return start ? "CAST(timestamp AS CHAR) >= ?" : "CAST(timestamp AS CHAR) <= ?";
}

int where_logs(rs_where *w, const char *search, const char *start_time, const char *end_time)
{
    memset(w, 0, sizeof *w);
    if (lb_buf_puts(&w->sql, ""))
        return -1;
    if (start_time && where_add(w, time_cond(start_time, true), start_time))
        return -1;
    if (end_time && where_add(w, time_cond(end_time, false), end_time))
        return -1;
    if (!search)
        return 0;
    char *toks[RS_WHERE_MAX_TERMS + 1];
    int n = where_split(search, toks, RS_WHERE_MAX_TERMS + 1);
    if (n < 0)
        return -1;
    int rc = 0;
    if (n > RS_WHERE_MAX_TERMS) {
        w->invalid = "search: more than 32 terms";
        rc = -1;
    }
    for (int i = 0; i < n; i++) {
        if (!rc)
            rc = add_token(w, toks[i]);
        free(toks[i]);
    }
    return rc;
}

int where_bind(const rs_where *w, rs_stmt *st, int first)
{
    for (int i = 0; i < w->nbinds; i++)
        db_bind_text(st, first++, w->binds[i]);
    return first;
}

void where_free(rs_where *w)
{
    for (int i = 0; i < w->nbinds; i++)
        free(w->binds[i]);
    w->nbinds = 0;
    lb_buf_free(&w->sql);
}
