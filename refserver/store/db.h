/* db.h — one SQLite connection with its pragmas and a prepared-statement cache.
 *
 * Every query in refserver is a prepared statement with bound parameters.
 * Statements are cached per connection by SQL text, so a long-lived
 * connection (pooled/batched modes) prepares each distinct query once; a
 * naive-mode connection lives for one request and prepares every time, as
 * the early seed code did. */
#ifndef RS_DB_H
#define RS_DB_H
#include <sqlite3.h>
#include "config.h"
#include "lberr.h"

typedef struct rs_db rs_db;

/* Open path (creating it) with the mode's pragmas: naive -> rollback
 * journal (DELETE), synchronous=FULL; pooled/batched -> WAL,
 * synchronous=NORMAL. busy_timeout 30 s in all modes. NULL + err on failure. */
rs_db *db_open(const char *path, rs_db_mode mode, lb_err *err);
void db_close(rs_db *db);
sqlite3 *db_handle(rs_db *db);

/* The cached statement for sql, reset and with bindings cleared, ready to
 * bind and step. NULL + err (with SQLite's message) on failure. */
sqlite3_stmt *db_stmt(rs_db *db, const char *sql, lb_err *err);

/* Run SQL without results (DDL, BEGIN/COMMIT). 0 or -1 + err. */
int db_exec(rs_db *db, const char *sql, lb_err *err);

/* Number of distinct statements prepared on this connection (for tests). */
int db_prepared_count(const rs_db *db);

#endif
