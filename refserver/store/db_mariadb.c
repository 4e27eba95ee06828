/* db_mariadb.c — the MariaDB driver (db_impl.h), on libmariadb's prepared
 * statement API.
 *
 * Results are stored client-side (mysql_stmt_store_result) so a statement
 * can stay open while others run on the same connection, as the store's
 * per-row queries need. Columns are bound by type: integers as long long,
 * floats as double (no text round trip), everything else as text into
 * per-column buffers that grow on MYSQL_DATA_TRUNCATED and are kept for the
 * statement's life. The store's SQL is translated once, at prepare
 * (db_mariadb_sql.c). */
#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_impl.h"
#include "db_mariadb_sql.h"
#include "db_url.h"

typedef struct my_db {
    rs_db base;
    MYSQL *h;
    rs_db_url url;
    unsigned last_errno;
    char last_msg[256];
    long long changes, last_id;
} my_db;

typedef struct my_param {
    enum enum_field_types type;
    const char *s;
    unsigned long len;
    long long i;
    double d;
} my_param;

typedef struct my_col {
    MYSQL_BIND bind;
    char *buf;               /* text columns; NUL-terminated after a fetch */
    unsigned long cap, len;
    my_bool is_null, error;
    long long i;
    double d;
    char num[32];            /* an int or double column read as text */
} my_col;

typedef struct my_stmt {
    rs_stmt base;
    MYSQL_STMT *h;
    my_sql sql;              /* positional marker -> logical ?N */
    my_param *params;        /* sql.nlogical logical parameters */
    MYSQL_BIND *pbind;       /* sql.npos positional binds */
    char **esc;              /* per marker: a LIKE value as its regular expression */
    unsigned long *esc_len;
    my_col *cols;
    unsigned ncols;
    bool executed;
} my_stmt;

#define DB(st) ((my_db *)(st)->base.db)

static bool lost_errno(unsigned e)
{
    return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR ||
           e == CR_CONN_HOST_ERROR || e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
           e == ER_SERVER_SHUTDOWN || e == CR_COMMANDS_OUT_OF_SYNC;
}

/* Record the error of the connection (st NULL) or of st; -1. */
static int note(my_db *db, MYSQL_STMT *st)
{
    db->last_errno = st ? mysql_stmt_errno(st) : mysql_errno(db->h);
    snprintf(db->last_msg, sizeof db->last_msg, "%s", st ? mysql_stmt_error(st)
                                                          : mysql_error(db->h));
    if (lost_errno(db->last_errno))
        db->base.lost = true;
    return -1;
}

static int note_oom(my_db *db)
{
    db->last_errno = 0;
    snprintf(db->last_msg, sizeof db->last_msg, "out of memory");
    return -1;
}

static int my_fail(rs_db *base, lb_err *err)
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
    unsigned connect_s = 2, io_s = 10;
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
        note(db, NULL);
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
        note(db, NULL);
        return my_fail(base, err);
    }
    MYSQL_RES *r = mysql_store_result(db->h);
    if (r)
        mysql_free_result(r);
    return 0;
}

static void free_escaped(my_stmt *st)
{
    for (int k = 0; st->esc && k < st->sql.npos; k++) {
        free(st->esc[k]);
        st->esc[k] = NULL;
    }
}

static void my_finalize(rs_stmt *base)
{
    my_stmt *st = (my_stmt *)base;
    free_escaped(st);
    free(st->esc);
    free(st->esc_len);
    if (st->h)
        mysql_stmt_close(st->h);
    for (unsigned i = 0; i < st->ncols; i++)
        free(st->cols[i].buf);
    free(st->cols);
    free(st->params);
    free(st->pbind);
    my_sql_free(&st->sql);
    free(st);
}

/* Bind the result columns by their type (after prepare: the metadata). */
static int bind_columns(my_stmt *st)
{
    MYSQL_RES *meta = mysql_stmt_result_metadata(st->h);
    if (!meta)
        return 0;   /* no result set */
    st->ncols = mysql_num_fields(meta);
    MYSQL_FIELD *f = mysql_fetch_fields(meta);
    st->cols = calloc(st->ncols, sizeof *st->cols);
    for (unsigned i = 0; st->cols && i < st->ncols; i++) {
        my_col *c = &st->cols[i];
        c->bind.is_null = &c->is_null;
        c->bind.error = &c->error;
        c->bind.length = &c->len;
        switch (f[i].type) {
        case MYSQL_TYPE_TINY: case MYSQL_TYPE_SHORT: case MYSQL_TYPE_LONG:
        case MYSQL_TYPE_INT24: case MYSQL_TYPE_LONGLONG: case MYSQL_TYPE_YEAR:
            c->bind.buffer_type = MYSQL_TYPE_LONGLONG;
            c->bind.buffer = &c->i;
            break;
        case MYSQL_TYPE_FLOAT: case MYSQL_TYPE_DOUBLE:
            c->bind.buffer_type = MYSQL_TYPE_DOUBLE;
            c->bind.buffer = &c->d;
            break;
        default:
            c->bind.buffer_type = MYSQL_TYPE_STRING;
            c->cap = 256;
            if (!(c->buf = malloc(c->cap)))
                st->ncols = i;   /* freed by finalize; reported below */
            c->bind.buffer = c->buf;
            c->bind.buffer_length = c->cap - 1;   /* room for the NUL after a fetch */
        }
    }
    unsigned want = mysql_num_fields(meta);
    mysql_free_result(meta);
    return st->cols && st->ncols == want ? 0 : -1;
}

static rs_stmt *my_prepare(rs_db *base, const char *sql, lb_err *err)
{
    my_db *db = (my_db *)base;
    my_stmt *st = calloc(1, sizeof *st);
    if (!st || my_sql_translate(sql, &st->sql)) {
        free(st);
        lb_err_set(err, "out of memory");
        return NULL;
    }
    st->base.db = base;
    my_bool on = 1;
    if (!(st->h = mysql_stmt_init(db->h))) {
        note(db, NULL);
        goto fail;
    }
    mysql_stmt_attr_set(st->h, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
    if (mysql_stmt_prepare(st->h, st->sql.text, strlen(st->sql.text))) {
        note(db, st->h);
        goto fail;
    }
    st->params = calloc(st->sql.nlogical ? st->sql.nlogical : 1, sizeof *st->params);
    st->pbind = calloc(st->sql.npos ? st->sql.npos : 1, sizeof *st->pbind);
    st->esc = calloc(st->sql.npos ? st->sql.npos : 1, sizeof *st->esc);
    st->esc_len = calloc(st->sql.npos ? st->sql.npos : 1, sizeof *st->esc_len);
    if (!st->params || !st->pbind || !st->esc || !st->esc_len || bind_columns(st)) {
        my_finalize(&st->base);
        lb_err_set(err, "out of memory");
        return NULL;
    }
    for (int i = 0; i < st->sql.nlogical; i++)
        st->params[i].type = MYSQL_TYPE_NULL;
    return &st->base;
fail:
    my_fail(base, err);
    lb_err_set(err, "prepare failed: %s (MariaDB error %u) in: %.200s", db->last_msg,
               db->last_errno, st->sql.text);
    if (err && db->base.lost)
        err->code = RS_DB_UNAVAILABLE;
    my_finalize(&st->base);
    return NULL;
}

static void my_reset(rs_stmt *base)
{
    my_stmt *st = (my_stmt *)base;
    if (st->executed)
        mysql_stmt_free_result(st->h);
    st->executed = false;
    free_escaped(st);
    for (int i = 0; i < st->sql.nlogical; i++)
        st->params[i].type = MYSQL_TYPE_NULL;
}

static my_param *param(rs_stmt *base, int i)
{
    my_stmt *st = (my_stmt *)base;
    static my_param sink;   /* an index the SQL does not have: ignored, as SQLite's range error */
    return i >= 1 && i <= st->sql.nlogical ? &st->params[i - 1] : &sink;
}

static void my_bind_text(rs_stmt *st, int i, const char *s)
{
    my_param *p = param(st, i);
    p->type = MYSQL_TYPE_STRING;
    p->s = s;
    p->len = (unsigned long)strlen(s);
}

static void my_bind_int(rs_stmt *st, int i, long long v)
{
    my_param *p = param(st, i);
    p->type = MYSQL_TYPE_LONGLONG;
    p->i = v;
}

static void my_bind_double(rs_stmt *st, int i, double v)
{
    my_param *p = param(st, i);
    p->type = MYSQL_TYPE_DOUBLE;
    p->d = v;
}

static void my_bind_null(rs_stmt *st, int i)
{
    param(st, i)->type = MYSQL_TYPE_NULL;
}

static int execute(my_stmt *st)
{
    my_db *db = DB(st);
    for (int k = 0; k < st->sql.npos; k++) {
        my_param *p = &st->params[st->sql.map[k]];
        MYSQL_BIND *b = &st->pbind[k];
        memset(b, 0, sizeof *b);
        b->buffer_type = p->type;
        if (p->type == MYSQL_TYPE_STRING && st->sql.like[k]) {
            free(st->esc[k]);
            if (!(st->esc[k] = my_like_regexp(p->s, p->len, &st->esc_len[k])))
                return note_oom(db);
            b->buffer = st->esc[k];
            b->buffer_length = st->esc_len[k];
            b->length = &st->esc_len[k];
        } else if (p->type == MYSQL_TYPE_STRING) {
            b->buffer = (void *)p->s;
            b->buffer_length = p->len;
            b->length = &p->len;
        } else if (p->type == MYSQL_TYPE_LONGLONG) {
            b->buffer = &p->i;
        } else if (p->type == MYSQL_TYPE_DOUBLE) {
            b->buffer = &p->d;
        }
    }
    if ((st->sql.npos && mysql_stmt_bind_param(st->h, st->pbind)) || mysql_stmt_execute(st->h))
        return note(db, st->h);
    st->executed = true;
    if (!st->ncols) {
        db->changes = (long long)mysql_stmt_affected_rows(st->h);
        db->last_id = (long long)mysql_stmt_insert_id(st->h);
        return 0;
    }
    MYSQL_BIND binds[st->ncols];
    for (unsigned i = 0; i < st->ncols; i++)
        binds[i] = st->cols[i].bind;
    if (mysql_stmt_store_result(st->h) || mysql_stmt_bind_result(st->h, binds))
        return note(db, st->h);
    return 0;
}

/* A text column longer than its buffer: grow it and fetch that column again. */
static int refetch(my_stmt *st)
{
    for (unsigned i = 0; i < st->ncols; i++) {
        my_col *c = &st->cols[i];
        if (!c->error || c->bind.buffer_type != MYSQL_TYPE_STRING)
            continue;
        char *nb = realloc(c->buf, c->len + 1);
        if (!nb)
            return -1;
        c->buf = nb;
        c->cap = c->len + 1;
        c->bind.buffer = c->buf;
        c->bind.buffer_length = c->cap - 1;
        if (mysql_stmt_fetch_column(st->h, &c->bind, i, 0))
            return note(DB(st), st->h);
    }
    MYSQL_BIND binds[st->ncols];
    for (unsigned i = 0; i < st->ncols; i++)
        binds[i] = st->cols[i].bind;
    return mysql_stmt_bind_result(st->h, binds) ? note(DB(st), st->h) : 0;
}

static int my_step(rs_stmt *base)
{
    my_stmt *st = (my_stmt *)base;
    if (!st->executed && execute(st))
        return -1;
    if (!st->ncols)
        return RS_STEP_DONE;
    int rc = mysql_stmt_fetch(st->h);
    if (rc == MYSQL_NO_DATA)
        return RS_STEP_DONE;
    if (rc == MYSQL_DATA_TRUNCATED && refetch(st))
        return -1;
    if (rc == 1)
        return note(DB(st), st->h);
    /* buffer_length is cap - 1, so a whole value always leaves room for its NUL */
    for (unsigned i = 0; i < st->ncols; i++)
        if (st->cols[i].buf)
            st->cols[i].buf[st->cols[i].len < st->cols[i].cap ? st->cols[i].len
                                                               : st->cols[i].cap - 1] = '\0';
    return RS_STEP_ROW;
}

static my_col *col(rs_stmt *base, int i)
{
    my_stmt *st = (my_stmt *)base;
    return i >= 0 && (unsigned)i < st->ncols ? &st->cols[i] : NULL;
}

static bool my_col_null(rs_stmt *st, int i)
{
    my_col *c = col(st, i);
    return !c || c->is_null;
}

static const char *my_col_text(rs_stmt *st, int i)
{
    my_col *c = col(st, i);
    if (!c || c->is_null)
        return NULL;
    if (c->bind.buffer_type == MYSQL_TYPE_LONGLONG)
        snprintf(c->num, sizeof c->num, "%lld", c->i);
    else if (c->bind.buffer_type == MYSQL_TYPE_DOUBLE)
        snprintf(c->num, sizeof c->num, "%.17g", c->d);
    else
        return c->buf;
    return c->num;
}

static size_t my_col_bytes(rs_stmt *st, int i)
{
    const char *s = my_col_text(st, i);
    my_col *c = col(st, i);
    return !s ? 0 : c->bind.buffer_type == MYSQL_TYPE_STRING ? c->len : strlen(s);
}

static long long my_col_int(rs_stmt *st, int i)
{
    my_col *c = col(st, i);
    if (!c || c->is_null)
        return 0;
    if (c->bind.buffer_type == MYSQL_TYPE_LONGLONG)
        return c->i;
    if (c->bind.buffer_type == MYSQL_TYPE_DOUBLE)
        return (long long)c->d;
    return strtoll(c->buf, NULL, 10);
}

static double my_col_double(rs_stmt *st, int i)
{
    my_col *c = col(st, i);
    if (!c || c->is_null)
        return 0;
    if (c->bind.buffer_type == MYSQL_TYPE_DOUBLE)
        return c->d;
    if (c->bind.buffer_type == MYSQL_TYPE_LONGLONG)
        return (double)c->i;
    return strtod(c->buf, NULL);
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
