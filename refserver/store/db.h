/* db.h — one database connection, whichever server is behind it.
 *
 * refserver stores into SQLite (the embedded default: --db PATH) or MariaDB
 * (--db mysql://USER:PASS@HOST:PORT/DBNAME). Everything above this header
 * (the store's queries, the writer, the handlers) talks to an rs_db and its
 * rs_stmt statements and never to a driver: db_sqlite.c and db_mariadb.c
 * implement the calls below (db_impl.h), db.c picks one from the target.
 *
 * The SQL the store writes is the subset both servers run: "?" or numbered
 * "?N" parameters (MariaDB's driver maps a repeated ?N onto its positional
 * markers), REPLACE INTO, LIMIT ? OFFSET ?, count/min/max/coalesce, LIKE and
 * json_unquote(json_extract(...)) (SQLite gets a json_unquote of its own).
 * What differs (DDL, the histogram's time arithmetic) asks db_backend().
 *
 * Every query is a prepared statement with bound parameters, cached per
 * connection by SQL text: a long-lived connection (pooled/batched modes)
 * prepares each distinct query once; a naive-mode connection lives for one
 * request and prepares every time, as the early seed code did.
 *
 * A lost MariaDB server marks the connection lost: calls fail with
 * err->code RS_DB_UNAVAILABLE (the handlers answer 503) until a reconnect
 * succeeds; reconnects are tried with a doubling backoff (0.1 s to 2 s)
 * counted from the end of each failed attempt. */
#ifndef RS_DB_H
#define RS_DB_H
#include <stdbool.h>
#include <stddef.h>
#include "config.h"
#include "lberr.h"

typedef struct rs_db rs_db;
typedef struct rs_stmt rs_stmt;

typedef enum rs_backend { RS_BACKEND_SQLITE, RS_BACKEND_MARIADB } rs_backend;

/* err->code of a call that failed because the database server is gone. */
#define RS_DB_UNAVAILABLE 503
/* err->code of a write transaction the server rolled back to break a
 * deadlock or a lock wait (MariaDB): run the whole transaction again. */
#define RS_DB_RETRY 1213
/* How many times a write transaction is run before RS_DB_RETRY fails it. */
#define DB_WRITE_ATTEMPTS 5

/* db_step's results (or -1 on error, err-less: see db_errmsg). */
enum { RS_STEP_DONE = 0, RS_STEP_ROW = 1 };

/* The backend a --db target names: "mysql://" or "mariadb://" -> MariaDB,
 * anything else is a SQLite path. */
rs_backend db_target_backend(const char *target);
/* Check a --db target without connecting; 0, or -1 with err (exit 2). */
int db_target_check(const char *target, lb_err *err);
/* target with its password replaced by "***", for logs and --help output. */
void db_target_redacted(const char *target, char *out, size_t cap);

/* Open target with the mode's settings. SQLite: naive -> rollback journal,
 * synchronous=FULL; pooled/batched -> WAL, synchronous=NORMAL; busy_timeout
 * 30 s. MariaDB: autocommit, UTC, utf8mb4; connect/read/write timeouts.
 * NULL + err on failure (err->code RS_DB_UNAVAILABLE when the server could
 * not be reached). */
rs_db *db_open(const char *target, rs_db_mode mode, lb_err *err);
void db_close(rs_db *db);
rs_backend db_backend(const rs_db *db);

/* The cached statement for sql, reset and with bindings cleared, ready to
 * bind and step. NULL + err on failure. */
rs_stmt *db_stmt(rs_db *db, const char *sql, lb_err *err);

/* Run SQL without results or parameters (DDL; SQLite takes several
 * statements at once, MariaDB one). 0 or -1 + err. */
int db_exec(rs_db *db, const char *sql, lb_err *err);
/* Transactions: a write transaction (SQLite BEGIN IMMEDIATE, MariaDB
 * START TRANSACTION), COMMIT, ROLLBACK (never fails the caller). */
int db_begin(rs_db *db, lb_err *err);
int db_commit(rs_db *db, lb_err *err);
void db_rollback(rs_db *db);

/* Bind parameter i (1-based). Text is not copied: it must stay valid until
 * the statement's first db_step. NULL text binds SQL NULL. */
void db_bind_text(rs_stmt *st, int i, const char *s);
void db_bind_int(rs_stmt *st, int i, long long v);
void db_bind_double(rs_stmt *st, int i, double v);
void db_bind_null(rs_stmt *st, int i);

/* Run the statement (first call) and move to the next row: RS_STEP_ROW,
 * RS_STEP_DONE, or -1 (db_fail has the reason). */
int db_step(rs_stmt *st);
/* Forget the current result so the statement can be bound and run again. */
void db_reset(rs_stmt *st);

/* Column i (0-based) of the current row. Text is valid until the next step
 * or reset; NULL for SQL NULL. */
bool db_col_null(rs_stmt *st, int i);
const char *db_col_text(rs_stmt *st, int i);
size_t db_col_bytes(rs_stmt *st, int i);
long long db_col_int(rs_stmt *st, int i);
double db_col_double(rs_stmt *st, int i);

/* Rows the last write statement changed (matched, for an UPDATE), and the
 * id the last INSERT generated. */
long long db_changes(rs_db *db);
long long db_last_id(rs_db *db);

/* The last error of db into err (code RS_DB_UNAVAILABLE when the server is
 * gone). Returns -1. */
int db_fail(rs_db *db, lb_err *err);
/* True while the connection is lost (MariaDB; SQLite never is). */
bool db_lost(const rs_db *db);
/* Make a lost connection usable again; called where no statement is in use
 * (a request's start, a writer batch's start). 0 when usable, 1 when it
 * was lost and has just reconnected, -1 with err (code RS_DB_UNAVAILABLE)
 * while the server stays gone: one reconnect is tried per backoff step,
 * the steps doubling from 0.1 s to 2 s, so a dead server costs a request
 * no wait at all between attempts. */
int db_ready(rs_db *db, lb_err *err);

/* Number of distinct statements prepared on this connection (for tests). */
int db_prepared_count(const rs_db *db);

#endif
