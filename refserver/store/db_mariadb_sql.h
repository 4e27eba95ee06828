/* db_mariadb_sql.h — the store's SQL as MariaDB's prepare takes it.
 *
 * The store writes SQLite's numbered parameters ("?1" used twice) and
 * plain "?"; MariaDB has positional "?" only. The translation emits a "?"
 * per marker and records which logical parameter each one takes, so a
 * statement binds its ?N once on either server.
 *
 * SQLite's LIKE folds ASCII case only, has no escape character and its "_"
 * is one UTF-8 character; no MariaDB collation folds ASCII alone (general_ci
 * also folds accents), and its LIKE escapes with a backslash. So every
 * "column LIKE ?" becomes "column REGEXP ?" and its marker is flagged: the
 * driver binds my_like_regexp(value), an anchored, case-sensitive (the
 * columns are utf8mb4_nopad_bin) expression with [aA] for each ASCII
 * letter. String literals are copied untouched. Written by hand: no packaged library
 * rewrites SQL parameter markers. Store-internal. */
#ifndef RS_DB_MARIADB_SQL_H
#define RS_DB_MARIADB_SQL_H
#include <stdbool.h>
#include <stddef.h>

typedef struct my_sql {
    char *text;              /* MariaDB's SQL */
    int *map;                /* positional marker k takes logical parameter map[k] (0-based) */
    bool *like;              /* marker k is a LIKE pattern (now a REGEXP operand) */
    int npos;                /* markers */
    int nlogical;            /* logical parameters: the highest ?N */
} my_sql;

/* 0, or -1 when out of memory. */
int my_sql_translate(const char *in, my_sql *out);
void my_sql_free(my_sql *s);

/* The regular expression matching what SQLite's "LIKE pat" matches (pat: n
 * bytes): malloc'd, its length in *len; NULL when out of memory. */
char *my_like_regexp(const char *pat, size_t n, unsigned long *len);

#endif
