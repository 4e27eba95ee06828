/* db_sqlite.c — the SQLite driver (db_impl.h): pragmas per db mode, and a
 * json_unquote() so the store's JSON filters read alike on both servers. */
#include <sqlite3.h>
#include <stdlib.h>
#include "db_impl.h"

typedef struct sq_db {
    rs_db base;
    sqlite3 *h;
} sq_db;

typedef struct sq_stmt {
    rs_stmt base;
    sqlite3_stmt *h;
} sq_stmt;

#define H(db) (((sq_db *)(db))->h)
#define S(st) (((sq_stmt *)(st))->h)

/* MariaDB's json_extract() returns JSON text ("\"ssh\""), SQLite's the SQL
 * value (ssh); the store writes json_unquote(json_extract(...)) for both,
 * and here json_unquote is the identity, as SQLite's value needs none. */
static void fn_json_unquote(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_value(cx, argv[0]);
}

static int sq_exec(rs_db *db, const char *sql, lb_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(H(db), sql, NULL, NULL, &msg) != SQLITE_OK) {
        lb_err_set(err, "sqlite: %s", msg ? msg : sqlite3_errmsg(H(db)));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static void sq_close(rs_db *db)
{
    sqlite3_close(H(db));
    free(db);
}

static rs_db *sq_open(const char *path, rs_db_mode mode, lb_err *err)
{
    sq_db *db = calloc(1, sizeof *db);
    if (!db) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        lb_err_set(err, "%s: cannot open database: %s", path,
                   db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
        sq_close(&db->base);
        return NULL;
    }
    sqlite3_busy_timeout(db->h, 30000);
    sqlite3_create_function(db->h, "json_unquote", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            fn_json_unquote, NULL, NULL);
    const char *pragmas = mode == RS_DB_NAIVE
        ? "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    if (sq_exec(&db->base, pragmas, err)) {
        sq_close(&db->base);
        return NULL;
    }
    return &db->base;
}

static int sq_reconnect(rs_db *db, lb_err *err)
{
    (void)db;   /* a file does not go away */
    return lb_err_set(err, "sqlite: no reconnect");
}

static int sq_fail(rs_db *db, lb_err *err)
{
    return lb_err_set(err, "sqlite: %s", sqlite3_errmsg(H(db)));
}

static rs_stmt *sq_prepare(rs_db *db, const char *sql, lb_err *err)
{
    sq_stmt *st = calloc(1, sizeof *st);
    if (!st) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    if (sqlite3_prepare_v3(H(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &st->h, NULL)
        != SQLITE_OK) {
        lb_err_set(err, "prepare failed: %s", sqlite3_errmsg(H(db)));
        free(st);
        return NULL;
    }
    return &st->base;
}

static void sq_finalize(rs_stmt *st)
{
    sqlite3_finalize(S(st));
    free(st);
}

static void sq_reset(rs_stmt *st)
{
    sqlite3_reset(S(st));
    sqlite3_clear_bindings(S(st));
}

static void sq_bind_text(rs_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(S(st), i, s, -1, SQLITE_STATIC);
}

static void sq_bind_int(rs_stmt *st, int i, long long v) { sqlite3_bind_int64(S(st), i, v); }
static void sq_bind_double(rs_stmt *st, int i, double v) { sqlite3_bind_double(S(st), i, v); }
static void sq_bind_null(rs_stmt *st, int i) { sqlite3_bind_null(S(st), i); }

static int sq_step(rs_stmt *st)
{
    int rc = sqlite3_step(S(st));
    return rc == SQLITE_ROW ? RS_STEP_ROW : rc == SQLITE_DONE ? RS_STEP_DONE : -1;
}

static bool sq_col_null(rs_stmt *st, int i)
{
    return sqlite3_column_type(S(st), i) == SQLITE_NULL;
}

static const char *sq_col_text(rs_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(S(st), i);
}

static size_t sq_col_bytes(rs_stmt *st, int i) { return (size_t)sqlite3_column_bytes(S(st), i); }
static long long sq_col_int(rs_stmt *st, int i) { return sqlite3_column_int64(S(st), i); }
static double sq_col_double(rs_stmt *st, int i) { return sqlite3_column_double(S(st), i); }
static long long sq_changes(rs_db *db) { return sqlite3_changes(H(db)); }
static long long sq_last_id(rs_db *db) { return sqlite3_last_insert_rowid(H(db)); }

const rs_db_ops db_sqlite_ops = {
    .backend = RS_BACKEND_SQLITE,
    .begin_sql = "BEGIN IMMEDIATE",
    .open = sq_open,
    .close = sq_close,
    .reconnect = sq_reconnect,
    .prepare = sq_prepare,
    .finalize = sq_finalize,
    .reset = sq_reset,
    .exec = sq_exec,
    .bind_text = sq_bind_text,
    .bind_int = sq_bind_int,
    .bind_double = sq_bind_double,
    .bind_null = sq_bind_null,
    .step = sq_step,
    .col_null = sq_col_null,
    .col_text = sq_col_text,
    .col_bytes = sq_col_bytes,
    .col_int = sq_col_int,
    .col_double = sq_col_double,
    .changes = sq_changes,
    .last_id = sq_last_id,
    .fail = sq_fail,
};
