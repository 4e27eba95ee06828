/* db_dispatch.c — db.h for every driver: the dispatch, statement cache and reconnect
 * backoff (named apart from db.h so that db_impl.h, which both include, makes no circle). */
#include "db_impl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"

#define BACKOFF_MIN 0.1
#define BACKOFF_MAX 2.0

rs_backend db_target_backend(const char *target)
{
    return !strncmp(target, "mysql://", 8) || !strncmp(target, "mariadb://", 10)
        ? RS_BACKEND_MARIADB : RS_BACKEND_SQLITE;
}

static const rs_db_ops *ops_for(const char *target)
{
    return db_target_backend(target) == RS_BACKEND_MARIADB ? &db_mariadb_ops : &db_sqlite_ops;
}

rs_db *db_open(const char *target, rs_db_mode mode, lb_err *err)
{
    const rs_db_ops *ops = ops_for(target);
    rs_db *db = ops->open(target, mode, err);
    if (db) {
        db->ops = ops;
        db->backoff = BACKOFF_MIN;
    }
    return db;
}

/* Drop every cached statement (a lost connection's are dead). */
static void db_flush(rs_db *db)
{
    for (int i = 0; i < db->n; i++) {
        db->ops->finalize(db->cache[i].st);
        free(db->cache[i].sql);
    }
    db->n = 0;
}

void db_close(rs_db *db)
{
    if (!db)
        return;
    db_flush(db);
    db->ops->close(db);
}

rs_backend db_backend(const rs_db *db)
{
    return db->ops->backend;
}

int db_prepared_count(const rs_db *db)
{
    return db->n;
}

bool db_lost(const rs_db *db)
{
    return db->lost;
}

static int unavailable(lb_err *err, double wait)
{
    lb_err_set(err, "Database unavailable: connection lost, reconnecting (next attempt in %.1f s)",
               wait > 0 ? wait : 0);
    if (err)
        err->code = RS_DB_UNAVAILABLE;
    return -1;
}

int db_ready(rs_db *db, lb_err *err)
{
    if (!db->lost)
        return 0;
    double now = (double)clock_mono_ns() / 1e9;
    if (now < db->retry_at)
        return unavailable(err, db->retry_at - now);
    db_flush(db);
    if (db->ops->reconnect(db, err)) {
        /* from the end of the attempt: one against a frozen server lasts the
         * whole connect timeout, and the next must not start at once */
        db->retry_at = (double)clock_mono_ns() / 1e9 + db->backoff;
        db->backoff = db->backoff * 2 < BACKOFF_MAX ? db->backoff * 2 : BACKOFF_MAX;
        if (err)
            err->code = RS_DB_UNAVAILABLE;
        return -1;
    }
    db->lost = false;
    db->backoff = BACKOFF_MIN;
    return 1;
}

rs_stmt *db_stmt(rs_db *db, const char *sql, lb_err *err)
{
    if (db->lost) {
        unavailable(err, db->retry_at - (double)clock_mono_ns() / 1e9);
        return NULL;
    }
    for (int i = 0; i < db->n; i++) {
        if (db->cache[i].sql[0] == sql[0] && !strcmp(db->cache[i].sql, sql)) {
            rs_stmt *st = db->cache[i].st;
            db->ops->reset(st);
            return st;
        }
    }
    rs_stmt *st = db->ops->prepare(db, sql, err);
    if (!st)
        return NULL;
    st->db = db;
    char *copy = strdup(sql);
    if (!copy) {
        db->ops->finalize(st);
        lb_err_set(err, "out of memory");
        return NULL;
    }
    int slot;
    if (db->n < DB_STMT_SLOTS) {
        slot = db->n++;
    } else {
        slot = (int)(db->evict++ % DB_STMT_SLOTS);
        db->ops->finalize(db->cache[slot].st);
        free(db->cache[slot].sql);
    }
    db->cache[slot].sql = copy;
    db->cache[slot].st = st;
    return st;
}

int db_exec(rs_db *db, const char *sql, lb_err *err)
{
    if (db->lost)
        return unavailable(err, db->retry_at - (double)clock_mono_ns() / 1e9);
    return db->ops->exec(db, sql, err);
}

int db_begin(rs_db *db, lb_err *err)
{
    return db_exec(db, db->ops->begin_sql, err);
}

int db_commit(rs_db *db, lb_err *err)
{
    return db_exec(db, "COMMIT", err);
}

void db_rollback(rs_db *db)
{
    if (!db->lost)
        db->ops->exec(db, "ROLLBACK", NULL);
}

void db_bind_text(rs_stmt *st, int i, const char *s)
{
    if (s)
        st->db->ops->bind_text(st, i, s);
    else
        st->db->ops->bind_null(st, i);
}

void db_bind_int(rs_stmt *st, int i, long long v) { st->db->ops->bind_int(st, i, v); }
void db_bind_double(rs_stmt *st, int i, double v) { st->db->ops->bind_double(st, i, v); }
void db_bind_null(rs_stmt *st, int i) { st->db->ops->bind_null(st, i); }
int db_step(rs_stmt *st) { return st->db->ops->step(st); }
void db_reset(rs_stmt *st) { st->db->ops->reset(st); }
bool db_col_null(rs_stmt *st, int i) { return st->db->ops->col_null(st, i); }
const char *db_col_text(rs_stmt *st, int i) { return st->db->ops->col_text(st, i); }
size_t db_col_bytes(rs_stmt *st, int i) { return st->db->ops->col_bytes(st, i); }
long long db_col_int(rs_stmt *st, int i) { return st->db->ops->col_int(st, i); }
double db_col_double(rs_stmt *st, int i) { return st->db->ops->col_double(st, i); }
long long db_changes(rs_db *db) { return db->ops->changes(db); }
long long db_last_id(rs_db *db) { return db->ops->last_id(db); }
int db_fail(rs_db *db, lb_err *err) { return db->ops->fail(db, err); }
