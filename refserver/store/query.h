/* query.h — the pieces the store's query files share (store-internal).
 *
 * The three paged lists (logs, attackers, bounty) are one query shape:
 * "SELECT ... FROM table<filter> ORDER BY ... LIMIT ? OFFSET ?" whose rows
 * are written as a JSON array, plus "SELECT count(*) FROM table<filter>".
 * The SQL text is built here once, with its length checked, so a filter
 * too long for the buffer is an error and never a silently cut query. */
#ifndef RS_QUERY_H
#define RS_QUERY_H
#include <stddef.h>
#include "db.h"
#include "store.h"

/* The last SQLite error of db as err ("sqlite: ..."). Returns -1. */
int sq_fail(rs_db *db, lb_err *err);

/* The single integer row of sql (w's values bound from ?1 when w is not NULL). */
int sq_scalar(rs_db *db, const char *sql, const rs_where *w, long long *out, lb_err *err);

/* count(*) of table rows matching w. */
int sq_count(rs_db *db, const char *table, const rs_where *w, long long *out, lb_err *err);

/* The statement "<select><p's filter> ORDER BY <order> LIMIT ? OFFSET ?",
 * prepared with every value bound. NULL + err ("filter too long" when the
 * text does not fit). */
rs_stmt *sq_page_stmt(rs_db *db, const char *select, const char *order, const rs_page *p,
                           lb_err *err);

/* Writes one row of st as JSON to out; 0 or -1 with err set. */
typedef int (*sq_row_fn)(rs_stmt *st, lb_buf *out, void *arg, lb_err *err);

/* Step st to its end, appending "[row,row,...]" to out; st is reset after.
 * *nrows (may be NULL) gets the number of rows stepped. 0 or -1 + err. */
int sq_rows(rs_db *db, rs_stmt *st, sq_row_fn row, void *arg, lb_buf *out, size_t *nrows,
            lb_err *err);

/* One bounty row (id, timestamp, decky, service, attacker_ip, bounty_type,
 * payload) as the seed's Bounty object: the /bounty pages and the
 * fingerprints an attackers row keeps. An sq_row_fn. */
int sq_bounty_row(rs_stmt *st, lb_buf *out, void *arg, lb_err *err);

/* err = "out of memory"; returns -1. */
int sq_oom(lb_err *err);

#endif
