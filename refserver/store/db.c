/* db.c — SQLite connection, pragmas per db mode, statement cache (see db.h). */
#include "db.h"
#include <stdlib.h>
#include <string.h>

#define STMT_SLOTS 64

struct rs_db {
    sqlite3 *h;
    struct { char *sql; sqlite3_stmt *st; } cache[STMT_SLOTS];
    int n;
    unsigned evict;   /* round-robin victim once full: dynamic search SQL only */
};

rs_db *db_open(const char *path, rs_db_mode mode, lb_err *err)
{
    rs_db *db = calloc(1, sizeof *db);
    if (!db) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        lb_err_set(err, "%s: cannot open database: %s", path,
                   db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
        sqlite3_close(db->h);
        free(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->h, 30000);
    const char *pragmas = mode == RS_DB_NAIVE
        ? "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    if (db_exec(db, pragmas, err)) {
        db_close(db);
        return NULL;
    }
    return db;
}

void db_close(rs_db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db->n; i++) {
        sqlite3_finalize(db->cache[i].st);
        free(db->cache[i].sql);
    }
    sqlite3_close(db->h);
    free(db);
}

sqlite3 *db_handle(rs_db *db)
{
    return db->h;
}

int db_prepared_count(const rs_db *db)
{
    return db->n;
}

sqlite3_stmt *db_stmt(rs_db *db, const char *sql, lb_err *err)
{
    for (int i = 0; i < db->n; i++) {
        if (db->cache[i].sql[0] == sql[0] && !strcmp(db->cache[i].sql, sql)) {
            sqlite3_stmt *st = db->cache[i].st;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return st;
        }
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        lb_err_set(err, "prepare failed: %s", sqlite3_errmsg(db->h));
        return NULL;
    }
    char *copy = strdup(sql);
    if (!copy) {
        sqlite3_finalize(st);
        lb_err_set(err, "out of memory");
        return NULL;
    }
    int slot;
    if (db->n < STMT_SLOTS) {
        slot = db->n++;
    } else {
        slot = (int)(db->evict++ % STMT_SLOTS);
        sqlite3_finalize(db->cache[slot].st);
        free(db->cache[slot].sql);
    }
    db->cache[slot].sql = copy;
    db->cache[slot].st = st;
    return st;
}

int db_exec(rs_db *db, const char *sql, lb_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        lb_err_set(err, "%s", msg ? msg : sqlite3_errmsg(db->h));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}
