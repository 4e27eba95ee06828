/* where.h — SQL WHERE clauses with bound parameters built from query filters.
 *
 * The seed's /logs search syntax (decnet-api.md §2.4): the string is split
 * shell-style (whitespace when quotes do not balance); tokens are ANDed;
 * `key:val` with key in {decky, service, event, attacker, attacker-ip,
 * attacker_ip} is a column equality, any other `key:val` a
 * json_extract(fields,'$.key') equality (key sanitised to [A-Za-z0-9_]), and
 * a bare token a LIKE over raw_line, decky, service and attacker_ip.
 * Values never enter the SQL text: they are collected as bindings. */
#ifndef RS_WHERE_H
#define RS_WHERE_H
#include <sqlite3.h>
#include "buf.h"

#define RS_WHERE_MAX_BINDS 64

typedef struct rs_where {
    lb_buf sql;                          /* "" or " WHERE ..." */
    char *binds[RS_WHERE_MAX_BINDS];     /* owned copies, bound in order */
    int nbinds;
} rs_where;

/* Split s shell-style into tokens (quotes and backslashes as in shlex);
 * falls back to a plain whitespace split when quotes are unbalanced.
 * Returns the number of tokens written to toks (each malloc'd), at most max;
 * -1 on OOM. */
int where_split(const char *s, char **toks, int max);

/* Build the /logs filter (any argument may be NULL = absent). 0 or -1 (OOM
 * or too many tokens). */
int where_logs(rs_where *w, const char *search, const char *start_time, const char *end_time);

/* Append " AND "/" WHERE " + cond, with one binding value (or NULL for none). */
int where_add(rs_where *w, const char *cond, const char *bind);

/* Bind every value of w to st starting at parameter index first. Returns the
 * next free index. */
int where_bind(const rs_where *w, sqlite3_stmt *st, int first);

void where_free(rs_where *w);

#endif
