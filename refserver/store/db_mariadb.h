/* db_mariadb.h — the MariaDB driver's structures, shared by its two files:
 * db_mariadb.c (connection, errors, the ops table) and db_mariadb_stmt.c
 * (prepared statements: binding, running, fetching). Store-internal. */
#ifndef RS_DB_MARIADB_H
#define RS_DB_MARIADB_H
#include <mysql.h>
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
    char **like_re;              /* per marker: a LIKE value as its regular expression */
    unsigned long *like_re_len;
    my_col *cols;
    unsigned ncols;
    bool executed;
} my_stmt;

#define DB(st) ((my_db *)(st)->base.db)

/* Record the error of the connection (st NULL) or of st, marking the
 * connection lost when it is a lost-server error; -1. */
int my_note(my_db *db, MYSQL_STMT *st);
/* Record "out of memory" as the last error; -1. */
int my_note_oom(my_db *db);
/* The last error into err (code RS_DB_UNAVAILABLE / RS_DB_RETRY); -1. */
int my_fail(rs_db *base, lb_err *err);

/* db_mariadb_stmt.c: the statement calls of rs_db_ops */
rs_stmt *my_prepare(rs_db *base, const char *sql, lb_err *err);
void my_finalize(rs_stmt *base);
void my_reset(rs_stmt *base);
void my_bind_text(rs_stmt *st, int i, const char *s);
void my_bind_int(rs_stmt *st, int i, long long v);
void my_bind_double(rs_stmt *st, int i, double v);
void my_bind_null(rs_stmt *st, int i);
int my_step(rs_stmt *base);
bool my_col_null(rs_stmt *st, int i);
const char *my_col_text(rs_stmt *st, int i);
size_t my_col_bytes(rs_stmt *st, int i);
long long my_col_int(rs_stmt *st, int i);
double my_col_double(rs_stmt *st, int i);

#endif
