/* store_logs.c — the logs table: pages, counts, histogram, SSE tail (decnet-api.md §2.4, §2.5). */
#include "store.h"
#include <stdio.h>
#include <string.h>

#define LOG_COLS "id, timestamp, decky, service, event_type, attacker_ip, raw_line, " \
                 "fields, msg, trace_id, span_id"

static int sql_fail(rs_db *db, lb_err *err)
{
    return lb_err_set(err, "sqlite: %s", sqlite3_errmsg(db_handle(db)));
}

/* A text column as a JSON string, or null. */
static json_t *col_text(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    const char *s = (const char *)sqlite3_column_text(st, i);
    json_t *v = json_stringn(s ? s : "", (size_t)sqlite3_column_bytes(st, i));
    return v ? v : json_null();
}

/* "2026-04-17 21:03:11" as the seed's ISO form "2026-04-17T21:03:11". */
static json_t *col_iso(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    if (!s)
        return json_null();
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.39s", s);
    if (tmp[10] == ' ')
        tmp[10] = 'T';
    return json_string(tmp);
}

static json_t *log_row(sqlite3_stmt *st)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(sqlite3_column_int64(st, 0)));
    json_object_set_new(o, "timestamp", col_iso(st, 1));
    json_object_set_new(o, "decky", col_text(st, 2));
    json_object_set_new(o, "service", col_text(st, 3));
    json_object_set_new(o, "event_type", col_text(st, 4));
    json_object_set_new(o, "attacker_ip", col_text(st, 5));
    json_object_set_new(o, "raw_line", col_text(st, 6));
    json_object_set_new(o, "fields", col_text(st, 7));
    json_object_set_new(o, "msg", col_text(st, 8));
    json_object_set_new(o, "trace_id", col_text(st, 9));
    json_object_set_new(o, "span_id", col_text(st, 10));
    return o;
}

static int count_query(rs_db *db, const char *sql, const rs_where *w, long long *out,
                       lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    if (w)
        where_bind(w, st, 1);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return sql_fail(db, err);
    }
    *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return 0;
}

int store_logs_count(rs_db *db, const rs_where *w, long long *out, lb_err *err)
{
    char sql[2048];
    if (snprintf(sql, sizeof sql, "SELECT count(*) FROM logs%s", w->sql.data ? w->sql.data : "")
        >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    return count_query(db, sql, w, out, err);
}

int store_logs_distinct_ips(rs_db *db, long long *out, lb_err *err)
{
    return count_query(db, "SELECT count(DISTINCT attacker_ip) FROM logs", NULL, out, err);
}

int store_logs_max_id(rs_db *db, long long *out, lb_err *err)
{
    return count_query(db, "SELECT coalesce(max(id), 0) FROM logs", NULL, out, err);
}

static int rows_into(rs_db *db, sqlite3_stmt *st, json_t *arr, long long *max_id, lb_err *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (max_id && sqlite3_column_int64(st, 0) > *max_id)
            *max_id = sqlite3_column_int64(st, 0);
        json_array_append_new(arr, log_row(st));
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sql_fail(db, err);
}

int store_logs_page(rs_db *db, const rs_where *w, long limit, long offset, json_t *arr,
                    lb_err *err)
{
    char sql[2048];
    if (snprintf(sql, sizeof sql, "SELECT " LOG_COLS " FROM logs%s ORDER BY timestamp DESC "
                 "LIMIT ? OFFSET ?", w->sql.data ? w->sql.data : "") >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    int i = where_bind(w, st, 1);
    sqlite3_bind_int64(st, i, limit);
    sqlite3_bind_int64(st, i + 1, offset);
    return rows_into(db, st, arr, NULL, err);
}

int store_logs_after(rs_db *db, const rs_where *w, long long after_id, long limit,
                     json_t *arr, long long *max_id, lb_err *err)
{
    char sql[2048];
    const char *ws = w->sql.data ? w->sql.data : "";
    if (snprintf(sql, sizeof sql, "SELECT " LOG_COLS " FROM logs%s%s id > ? ORDER BY id ASC "
                 "LIMIT ?", ws, *ws ? " AND" : " WHERE") >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    int i = where_bind(w, st, 1);
    sqlite3_bind_int64(st, i, after_id);
    sqlite3_bind_int64(st, i + 1, limit);
    return rows_into(db, st, arr, max_id, err);
}

int store_histogram(rs_db *db, const rs_where *w, long interval_minutes, json_t *arr,
                    lb_err *err)
{
    char sql[2048];
    if (snprintf(sql, sizeof sql,
                 "SELECT datetime((strftime('%%s', timestamp) / ?) * ?, 'unixepoch') AS bucket,"
                 " count(*) FROM logs%s GROUP BY bucket ORDER BY bucket",
                 w->sql.data ? w->sql.data : "") >= (int)sizeof sql)
        return lb_err_set(err, "filter too long");
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    long long s = (long long)interval_minutes * 60;
    sqlite3_bind_int64(st, 1, s);
    sqlite3_bind_int64(st, 2, s);
    where_bind(w, st, 3);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *o = json_object();
        json_object_set_new(o, "time", col_text(st, 0));
        json_object_set_new(o, "count", json_integer(sqlite3_column_int64(st, 1)));
        json_array_append_new(arr, o);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sql_fail(db, err);
}
