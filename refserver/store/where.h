/* where.h — SQL WHERE clauses with bound parameters built from query filters.
 *
 * The seed's /logs search syntax (decnet-api.md §2.4): the string is split
 * shell-style (whitespace when quotes do not balance); tokens are ANDed;
 * `key:val` with key in {decky, service, event, attacker, attacker-ip,
 * attacker_ip} is a column equality, any other `key:val` a
 * json_extract(fields,'$.key') equality (key sanitised to [A-Za-z0-9_]), and
 * a bare token a LIKE over raw_line, decky, service and attacker_ip. A key
 * with nothing left after sanitising ("!:x", "-:1") would make the path
 * "$.", which SQLite rejects: such a token is searched as a bare word.
 * At most RS_WHERE_MAX_TERMS tokens: a longer search is refused (422), not
 * cut short. Values never enter the SQL text: they are collected as
 * bindings. */
#ifndef RS_WHERE_H
#define RS_WHERE_H
#include "buf.h"
#include "db.h"

#define RS_WHERE_MAX_TERMS 32
/* a bare word binds four times; start and end time once each */
#define RS_WHERE_MAX_BINDS (4 * RS_WHERE_MAX_TERMS + 2)

typedef struct rs_where {
    lb_buf sql;                          /* "" or " WHERE ..." */
    char *binds[RS_WHERE_MAX_BINDS];     /* owned copies, bound in order */
    int nbinds;
    const char *invalid;                 /* why the filter cannot be searched (422), or NULL */
} rs_where;

/* Split s shell-style into tokens (quotes and backslashes as in shlex);
 * falls back to a plain whitespace split when quotes are unbalanced.
 * Returns the number of tokens written to toks (each malloc'd), at most max;
 * -1 on OOM. */
int where_split(const char *s, char **toks, int max);

/* Build the /logs filter (any argument may be NULL = absent). 0, or -1
 * with w->invalid set for a search that cannot be run (a 422 for the
 * client) or NULL (out of memory). */
int where_logs(rs_where *w, const char *search, const char *start_time, const char *end_time);

/* Append " AND "/" WHERE " + cond, with one binding value (or NULL for none). */
int where_add(rs_where *w, const char *cond, const char *bind);

/* Bind every value of w to st starting at parameter index first. Returns the
 * next free index. */
int where_bind(const rs_where *w, rs_stmt *st, int first);

void where_free(rs_where *w);

#endif
