/* db_impl.h — what a database driver provides (db_sqlite.c, db_mariadb.c).
 *
 * db.c owns what every driver shares: the dispatch, the statement cache and
 * the lost-connection state. A driver embeds rs_db / rs_stmt as the first
 * member of its own structs and fills an rs_db_ops table. Store-internal:
 * nothing outside refserver/store/ includes this. */
#ifndef RS_DB_IMPL_H
#define RS_DB_IMPL_H
#include "db.h"

#define DB_STMT_SLOTS 64

typedef struct rs_db_ops {
    rs_backend backend;
    const char *begin_sql;     /* the write transaction's BEGIN */
    /* an allocated connection with its rs_db base zeroed; NULL + err */
    rs_db *(*open)(const char *target, rs_db_mode mode, lb_err *err);
    void (*close)(rs_db *db);
    /* reconnect a lost connection (statements already finalized); 0 or -1 */
    int (*reconnect)(rs_db *db, lb_err *err);
    rs_stmt *(*prepare)(rs_db *db, const char *sql, lb_err *err);
    void (*finalize)(rs_stmt *st);
    void (*reset)(rs_stmt *st);            /* forget the result and the bindings */
    int (*exec)(rs_db *db, const char *sql, lb_err *err);
    void (*bind_text)(rs_stmt *st, int i, const char *s);
    void (*bind_int)(rs_stmt *st, int i, long long v);
    void (*bind_double)(rs_stmt *st, int i, double v);
    void (*bind_null)(rs_stmt *st, int i);
    int (*step)(rs_stmt *st);
    bool (*col_null)(rs_stmt *st, int i);
    const char *(*col_text)(rs_stmt *st, int i);
    size_t (*col_bytes)(rs_stmt *st, int i);
    long long (*col_int)(rs_stmt *st, int i);
    double (*col_double)(rs_stmt *st, int i);
    long long (*changes)(rs_db *db);
    long long (*last_id)(rs_db *db);
    int (*fail)(rs_db *db, lb_err *err);   /* the last error into err; -1 */
} rs_db_ops;

struct rs_db {
    const rs_db_ops *ops;
    struct { char *sql; rs_stmt *st; } cache[DB_STMT_SLOTS];
    int n;
    unsigned evict;          /* round-robin victim once full: dynamic search SQL only */
    bool lost;               /* the server went away; see db_ready */
    double retry_at;         /* monotonic s before which no reconnect is tried */
    double backoff;          /* s, the next wait after a failed reconnect */
};

struct rs_stmt {
    rs_db *db;
};

extern const rs_db_ops db_sqlite_ops;
extern const rs_db_ops db_mariadb_ops;

#endif
