/* db_mariadb.c — the MariaDB driver (db_impl.h): the connection, its
 * errors and reconnects, and the ops table; statements: db_mariadb_stmt.c.
 *
 * Results are stored client-side (mysql_stmt_store_result) so a statement
 * can stay open while others run on the same connection, as the store's
 * per-row queries need. Columns are bound by type: integers as long long,
 * floats as double (no text round trip), everything else as text into
 * per-column buffers that grow on MYSQL_DATA_TRUNCATED and are kept for the
 * statement's life. The store's SQL is translated once, at prepare
 * (db_mariadb_sql.c). */
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_mariadb.h"

static bool lost_errno(unsigned e)
{
    return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR ||
           e == CR_CONN_HOST_ERROR || e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
           e == ER_SERVER_SHUTDOWN || e == CR_COMMANDS_OUT_OF_SYNC;
}

/* Record the error of the connection (st NULL) or of st; -1. */
int my_note(my_db *db, MYSQL_STMT *st)
{
    db->last_errno = st ? mysql_stmt_errno(st) : mysql_errno(db->h);
    snprintf(db->last_msg, sizeof db->last_msg, "%s", st ? mysql_stmt_error(st)
                                                          : mysql_error(db->h));
    if (lost_errno(db->last_errno))
        db->base.lost = true;
    return -1;
}

int my_note_oom(my_db *db)
{
    db->last_errno = 0;
    snprintf(db->last_msg, sizeof db->last_msg, "out of memory");
    return -1;
}

int my_fail(rs_db *base, lb_err *err)
{
    my_db *db = (my_db *)base;
    lb_err_set(err, "%s%s (MariaDB error %u)", db->base.lost ? "Database unavailable: " : "mariadb: ",
               db->last_msg, db->last_errno);
    if (err && db->base.lost)
        err->code = RS_DB_UNAVAILABLE;
    /* rolled back to break a deadlock or a lock wait, or a row another
     * transaction inserted first (two workers meeting a new attacker: READ
     * COMMITTED takes no gap lock on the missing row) -- run it again */
    else if (err && (db->last_errno == ER_LOCK_DEADLOCK || db->last_errno == ER_LOCK_WAIT_TIMEOUT ||
                     db->last_errno == ER_DUP_ENTRY))
        err->code = RS_DB_RETRY;
    return -1;
}

static int connect_db(my_db *db, lb_err *err)
{
    if (db->h)
        mysql_close(db->h);
    if (!(db->h = mysql_init(NULL)))
        return lb_err_set(err, "out of memory");
    /* no request waits on a dead server past these (seconds) */
    unsigned connect_s = 1, io_s = 5;
    my_bool off = 0;
    mysql_options(db->h, MYSQL_OPT_CONNECT_TIMEOUT, &connect_s);
    mysql_options(db->h, MYSQL_OPT_READ_TIMEOUT, &io_s);
    mysql_options(db->h, MYSQL_OPT_WRITE_TIMEOUT, &io_s);
    mysql_options(db->h, MYSQL_OPT_RECONNECT, &off);   /* db_ready reconnects, with backoff */
    mysql_options(db->h, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    /* UTC like the SQLite file; strings compare as bytes (SQLite's BINARY);
     * a backslash is a plain character in strings, as in SQLite; each read
     * sees what is committed, so counts taken after an attacker row's lock
     * (event_attacker.c) include the writes that held it before */
    mysql_options(db->h, MYSQL_INIT_COMMAND,
                  "SET NAMES utf8mb4 COLLATE utf8mb4_nopad_bin, time_zone = '+00:00', sql_mode = "
                  "'STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES,NO_ENGINE_SUBSTITUTION', "
                  "tx_isolation = 'READ-COMMITTED'");
    /* affected rows = rows matched, as sqlite3_changes() counts them */
    if (!mysql_real_connect(db->h, db->url.host, db->url.user, db->url.pass, db->url.name,
                            db->url.port, NULL, CLIENT_FOUND_ROWS)) {
        my_note(db, NULL);
        lb_err_set(err, "%s:%u/%s: cannot connect to MariaDB: %s", db->url.host, db->url.port,
                   db->url.name, db->last_msg);
        if (err && lost_errno(db->last_errno))
            err->code = RS_DB_UNAVAILABLE;
        return -1;
    }
    return 0;
}

static void my_close(rs_db *base)
{
    my_db *db = (my_db *)base;
    if (db->h)
        mysql_close(db->h);
    memset(db->url.pass, 0, sizeof db->url.pass);
    free(db);
}

static rs_db *my_open(const char *target, rs_db_mode mode, lb_err *err)
{
    (void)mode;   /* a connection's lifetime is the mode's difference (api/ctx.c) */
    my_db *db = calloc(1, sizeof *db);
    if (!db) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    if (db_url_parse(target, &db->url, err) || connect_db(db, err)) {
        my_close(&db->base);
        return NULL;
    }
    return &db->base;
}

static int my_reconnect(rs_db *base, lb_err *err)
{
    return connect_db((my_db *)base, err);
}

static int my_exec(rs_db *base, const char *sql, lb_err *err)
{
    my_db *db = (my_db *)base;
    if (mysql_real_query(db->h, sql, strlen(sql))) {
        my_note(db, NULL);
        return my_fail(base, err);
    }
    MYSQL_RES *r = mysql_store_result(db->h);
    if (r)
        mysql_free_result(r);
    return 0;
}

static long long my_changes(rs_db *db) { return ((my_db *)db)->changes; }
static long long my_last_id(rs_db *db) { return ((my_db *)db)->last_id; }

const rs_db_ops db_mariadb_ops = {
    .backend = RS_BACKEND_MARIADB,
    .begin_sql = "START TRANSACTION",
    .open = my_open,
    .close = my_close,
    .reconnect = my_reconnect,
    .prepare = my_prepare,
    .finalize = my_finalize,
    .reset = my_reset,
    .exec = my_exec,
    .bind_text = my_bind_text,
    .bind_int = my_bind_int,
    .bind_double = my_bind_double,
    .bind_null = my_bind_null,
    .step = my_step,
    .col_null = my_col_null,
    .col_text = my_col_text,
    .col_bytes = my_col_bytes,
    .col_int = my_col_int,
    .col_double = my_col_double,
    .changes = my_changes,
    .last_id = my_last_id,
    .fail = my_fail,
};
