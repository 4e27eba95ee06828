/* store_logs.c — the logs table: pages, counts, histogram, SSE tail (decnet-api.md §2.4, §2.5). */
#include "store.h"
#include "jsonw.h"
#include "query.h"
#include <stdio.h>
#include <string.h>

#define LOG_COLS "id, timestamp, decky, service, event_type, attacker_ip, raw_line, " \
                 "fields, msg, trace_id, span_id"

/* One Log object in the spec's key order, straight from the row; arg, when
 * not NULL, is the largest id seen so far (the SSE tail's cursor). */
static int log_row(rs_stmt *st, lb_buf *b, void *arg, lb_err *err)
{
    static const char *const keys[] = {"id", "timestamp", "decky", "service", "event_type",
                                       "attacker_ip", "raw_line", "fields", "msg", "trace_id",
                                       "span_id"};
    long long *max_id = arg;
    if (max_id && db_col_int(st, 0) > *max_id)
        *max_id = db_col_int(st, 0);
    int rc = lb_buf_append(b, "{", 1);
    for (int i = 0; i < 11 && !rc; i++) {
        rc = jw_key(b, keys[i], i == 0);
        if (!rc)
            rc = i == 0 ? jw_col_int(b, st, i) : i == 1 ? jw_col_iso(b, st, i)
                                                        : jw_col_text(b, st, i);
    }
    return rc || lb_buf_append(b, "}", 1) ? sq_oom(err) : 0;
}

int store_logs_count(rs_db *db, const rs_where *w, long long *out, lb_err *err)
{
    return sq_count(db, "logs", w, out, err);
}

int store_logs_distinct_ips(rs_db *db, long long *out, lb_err *err)
{
    return sq_scalar(db, "SELECT count(DISTINCT attacker_ip) FROM logs", NULL, out, err);
}

int store_logs_max_id(rs_db *db, long long *out, lb_err *err)
{
    return sq_scalar(db, "SELECT coalesce(max(id), 0) FROM logs", NULL, out, err);
}

int store_logs_page(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err)
{
    rs_stmt *st = sq_page_stmt(db, "SELECT " LOG_COLS " FROM logs", "timestamp DESC, id DESC", p,
                                    err);
    return st ? sq_rows(db, st, log_row, NULL, out, NULL, err) : -1;
}

int store_logs_after(rs_db *db, const rs_where *w, long long after_id, long limit,
                     lb_buf *out, long long *max_id, size_t *nrows, lb_err *err)
{
    char sql[2048];
    const char *ws = w->sql.data ? w->sql.data : "";
    if (snprintf(sql, sizeof sql, "SELECT " LOG_COLS " FROM logs%s%s id > ? ORDER BY id ASC "
                 "LIMIT ?", ws, *ws ? " AND" : " WHERE") >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    rs_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    int i = where_bind(w, st, 1);
    db_bind_int(st, i, after_id);
    db_bind_int(st, i + 1, limit);
    return sq_rows(db, st, log_row, max_id, out, nrows, err);
}

int store_histogram(rs_db *db, const rs_where *w, long interval_minutes, json_t *arr,
                    lb_err *err)
{
    /* the bucket start as "YYYY-MM-DD HH:MM:SS"; MariaDB 10.11's
     * UNIX_TIMESTAMP stops at 2038, so seconds since 1970 are counted with
     * TIMESTAMPDIFF, which runs to 9999 as SQLite's strftime does */
    const char *bucket = db_backend(db) == RS_BACKEND_SQLITE
        ? "datetime((strftime('%s', timestamp) / ?) * ?, 'unixepoch')"
        : "TIMESTAMP '1970-01-01 00:00:00' + INTERVAL "
          "((TIMESTAMPDIFF(SECOND, TIMESTAMP '1970-01-01 00:00:00', timestamp) DIV ?) * ?) SECOND";
    char sql[2048];
    if (snprintf(sql, sizeof sql, "SELECT %s AS bucket, count(*) FROM logs%s GROUP BY bucket "
                 "ORDER BY bucket", bucket, w->sql.data ? w->sql.data : "") >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    rs_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    long long s = (long long)interval_minutes * 60;
    db_bind_int(st, 1, s);
    db_bind_int(st, 2, s);
    where_bind(w, st, 3);
    int rc;
    while ((rc = db_step(st)) == RS_STEP_ROW) {
        json_t *o = json_object();
        const char *t = db_col_text(st, 0);
        json_object_set_new(o, "time", t ? json_string(t) : json_null());
        json_object_set_new(o, "count", json_integer(db_col_int(st, 1)));
        json_array_append_new(arr, o);
    }
    db_reset(st);
    return rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}
