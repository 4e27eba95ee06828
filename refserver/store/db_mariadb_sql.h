/* db_mariadb_sql.h — the store's SQL as MariaDB's prepare takes it.
 *
 * The store writes SQLite's numbered parameters ("?1" used twice) and
 * plain "?"; MariaDB has positional "?" only. The translation emits a "?"
 * per marker and records which logical parameter each one takes, so a
 * statement binds its ?N once on either server. It also gives every
 * "LIKE ?" the case-insensitive collation SQLite's LIKE has (columns are
 * utf8mb4_bin so that "=" stays case-sensitive as in SQLite). String
 * literals are copied untouched. Written by hand: no packaged library
 * rewrites SQL parameter markers. Store-internal. */
#ifndef RS_DB_MARIADB_SQL_H
#define RS_DB_MARIADB_SQL_H

typedef struct my_sql {
    char *text;              /* MariaDB's SQL */
    int *map;                /* positional marker k takes logical parameter map[k] (0-based) */
    int npos;                /* markers */
    int nlogical;            /* logical parameters: the highest ?N */
} my_sql;

/* 0, or -1 when out of memory. */
int my_sql_translate(const char *in, my_sql *out);
void my_sql_free(my_sql *s);

#endif
