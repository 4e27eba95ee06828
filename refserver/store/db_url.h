/* db_url.h — a MariaDB --db target, mysql://USER[:PASS]@HOST[:PORT]/DBNAME.
 *
 * Parsed with libcurl's URL API (curl_url), which already handles
 * percent-encoding, IPv6 brackets and ports. The password may be left out
 * of the URL (so it does not show in ps) and given in
 * REFSERVER_DB_PASSWORD instead. Store-internal. */
#ifndef RS_DB_URL_H
#define RS_DB_URL_H
#include "lberr.h"

typedef struct rs_db_url {
    char user[128];
    char pass[256];
    char host[256];
    unsigned port;           /* 3306 when absent */
    char name[65];           /* the database: [A-Za-z0-9_$], 1..64 characters */
} rs_db_url;

/* 0, or -1 with err saying which part is wrong. */
int db_url_parse(const char *target, rs_db_url *u, lb_err *err);

#endif
