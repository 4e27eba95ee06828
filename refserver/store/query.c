/* query.c — shared query pieces of the store (see query.h). */
#include "query.h"
#include <stdio.h>

/* Room for the longest SQL we build: the /logs filter is bounded by the
 * 512-character search and RS_WHERE_MAX_BINDS conditions. */
#define SQ_SQL_MAX 2048

int sq_fail(rs_db *db, lb_err *err)
{
    return db_fail(db, err);
}

int sq_oom(lb_err *err)
{
    return lb_err_set(err, "out of memory");
}

static const char *where_text(const rs_where *w)
{
    return w->sql.data ? w->sql.data : "";
}

int sq_scalar(rs_db *db, const char *sql, const rs_where *w, long long *out, lb_err *err)
{
    rs_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    if (w)
        where_bind(w, st, 1);
    if (db_step(st) != RS_STEP_ROW) {
        db_reset(st);
        return sq_fail(db, err);
    }
    *out = db_col_int(st, 0);
    db_reset(st);
    return 0;
}

int sq_count(rs_db *db, const char *table, const rs_where *w, long long *out, lb_err *err)
{
    char sql[SQ_SQL_MAX];
    if (snprintf(sql, sizeof sql, "SELECT count(*) FROM %s%s", table, where_text(w))
        >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    return sq_scalar(db, sql, w, out, err);
}

rs_stmt *sq_page_stmt(rs_db *db, const char *select, const char *order, const rs_page *p,
                           lb_err *err)
{
    char sql[SQ_SQL_MAX];
    if (snprintf(sql, sizeof sql, "%s%s ORDER BY %s LIMIT ? OFFSET ?", select,
                 where_text(p->w), order) >= (int)sizeof sql) {
        lb_err_set(err, "filter too long");
        return NULL;
    }
    rs_stmt *st = db_stmt(db, sql, err);
    if (st) {
        int i = where_bind(p->w, st, 1);
        db_bind_int(st, i, p->limit);
        db_bind_int(st, i + 1, p->offset);
    }
    return st;
}

int sq_rows(rs_db *db, rs_stmt *st, sq_row_fn row, void *arg, lb_buf *out, size_t *nrows,
            lb_err *err)
{
    size_t n = 0;
    int rc = RS_STEP_DONE;
    int bad = lb_buf_append(out, "[", 1) ? sq_oom(err) : 0;
    while (!bad && (rc = db_step(st)) == RS_STEP_ROW) {
        if (n++ && lb_buf_append(out, ",", 1))
            bad = sq_oom(err);
        else
            bad = row(st, out, arg, err);
    }
    db_reset(st);
    if (nrows)
        *nrows = n;
    if (bad)
        return -1;
    if (rc != RS_STEP_DONE)
        return sq_fail(db, err);
    return lb_buf_append(out, "]", 1) ? sq_oom(err) : 0;
}
