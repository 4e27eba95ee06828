/* db_mariadb_stmt.c — the MariaDB driver's prepared statements (see db_mariadb.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_mariadb.h"

static void free_like_re(my_stmt *st)
{
    for (int k = 0; st->like_re && k < st->sql.npos; k++) {
        free(st->like_re[k]);
        st->like_re[k] = NULL;
    }
}

void my_finalize(rs_stmt *base)
{
    my_stmt *st = (my_stmt *)base;
    free_like_re(st);
    free(st->like_re);
    free(st->like_re_len);
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

rs_stmt *my_prepare(rs_db *base, const char *sql, lb_err *err)
{
    my_db *db = (my_db *)base;
    my_stmt *st = calloc(1, sizeof *st);
    if (!st || my_sql_translate(sql, &st->sql)) {
        free(st);
        lb_err_set(err, "out of memory");
        return NULL;
    }
    st->base.db = base;
    if (!(st->h = mysql_stmt_init(db->h))) {
        my_note(db, NULL);
        goto fail;
    }
    if (mysql_stmt_prepare(st->h, st->sql.text, strlen(st->sql.text))) {
        my_note(db, st->h);
        goto fail;
    }
    st->params = calloc(st->sql.nlogical ? st->sql.nlogical : 1, sizeof *st->params);
    st->pbind = calloc(st->sql.npos ? st->sql.npos : 1, sizeof *st->pbind);
    st->like_re = calloc(st->sql.npos ? st->sql.npos : 1, sizeof *st->like_re);
    st->like_re_len = calloc(st->sql.npos ? st->sql.npos : 1, sizeof *st->like_re_len);
    if (!st->params || !st->pbind || !st->like_re || !st->like_re_len || bind_columns(st)) {
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

void my_reset(rs_stmt *base)
{
    my_stmt *st = (my_stmt *)base;
    if (st->executed)
        mysql_stmt_free_result(st->h);
    st->executed = false;
    free_like_re(st);
    for (int i = 0; i < st->sql.nlogical; i++)
        st->params[i].type = MYSQL_TYPE_NULL;
}

static my_param *param(rs_stmt *base, int i)
{
    my_stmt *st = (my_stmt *)base;
    static my_param sink;   /* an index the SQL does not have: ignored, as SQLite's range error */
    return i >= 1 && i <= st->sql.nlogical ? &st->params[i - 1] : &sink;
}

void my_bind_text(rs_stmt *st, int i, const char *s)
{
    my_param *p = param(st, i);
    p->type = MYSQL_TYPE_STRING;
    p->s = s;
    p->len = (unsigned long)strlen(s);
}

void my_bind_int(rs_stmt *st, int i, long long v)
{
    my_param *p = param(st, i);
    p->type = MYSQL_TYPE_LONGLONG;
    p->i = v;
}

void my_bind_double(rs_stmt *st, int i, double v)
{
    my_param *p = param(st, i);
    p->type = MYSQL_TYPE_DOUBLE;
    p->d = v;
}

void my_bind_null(rs_stmt *st, int i)
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
            free(st->like_re[k]);
            if (!(st->like_re[k] = my_like_regexp(p->s, p->len, &st->like_re_len[k])))
                return my_note_oom(db);
            b->buffer = st->like_re[k];
            b->buffer_length = st->like_re_len[k];
            b->length = &st->like_re_len[k];
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
        return my_note(db, st->h);
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
        return my_note(db, st->h);
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
            return my_note(DB(st), st->h);
    }
    MYSQL_BIND binds[st->ncols];
    for (unsigned i = 0; i < st->ncols; i++)
        binds[i] = st->cols[i].bind;
    return mysql_stmt_bind_result(st->h, binds) ? my_note(DB(st), st->h) : 0;
}

int my_step(rs_stmt *base)
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
        return my_note(DB(st), st->h);
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

bool my_col_null(rs_stmt *st, int i)
{
    my_col *c = col(st, i);
    return !c || c->is_null;
}

const char *my_col_text(rs_stmt *st, int i)
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

size_t my_col_bytes(rs_stmt *st, int i)
{
    const char *s = my_col_text(st, i);
    my_col *c = col(st, i);
    return !s ? 0 : c->bind.buffer_type == MYSQL_TYPE_STRING ? c->len : strlen(s);
}

long long my_col_int(rs_stmt *st, int i)
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

double my_col_double(rs_stmt *st, int i)
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
