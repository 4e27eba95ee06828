/* db_url.c — parse a MariaDB --db target (see db_url.h). */
#include "db_url.h"
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"

/* Copy URL part `what` into out (cap bytes); absent -> "" unless required. */
static int part(CURLU *h, CURLUPart what, const char *name, bool required, char *out, size_t cap,
                lb_err *err)
{
    char *v = NULL;
    CURLUcode rc = curl_url_get(h, what, &v, CURLU_URLDECODE);
    if (rc != CURLUE_OK || !v) {
        out[0] = '\0';
        return required ? lb_err_set(err, "--db: the URL has no %s", name) : 0;
    }
    size_t n = strlen(v);
    int bad = n >= cap || memchr(v, '\0', n) != NULL;
    if (!bad)
        memcpy(out, v, n + 1);
    curl_free(v);
    return bad ? lb_err_set(err, "--db: the URL's %s is too long", name) : 0;
}

int db_url_parse(const char *target, rs_db_url *u, lb_err *err)
{
    memset(u, 0, sizeof *u);
    CURLU *h = curl_url();
    if (!h)
        return lb_err_set(err, "out of memory");
    int rc = curl_url_set(h, CURLUPART_URL, target, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK
        /* not echoed: the text may hold a password */
        ? lb_err_set(err, "--db: not a valid URL (bad host or port?); want "
                          "mysql://USER:PASS@HOST:PORT/DBNAME")
        : 0;
    char path[128] = "", port[16] = "", query[8] = "";
    rc = rc || part(h, CURLUPART_USER, "user", true, u->user, sizeof u->user, err) ||
         part(h, CURLUPART_PASSWORD, "password", false, u->pass, sizeof u->pass, err) ||
         part(h, CURLUPART_HOST, "host", true, u->host, sizeof u->host, err) ||
         part(h, CURLUPART_PORT, "port", false, port, sizeof port, err) ||
         part(h, CURLUPART_PATH, "database name", true, path, sizeof path, err) ||
         part(h, CURLUPART_QUERY, "query", false, query, sizeof query, err);
    curl_url_cleanup(h);
    if (rc)
        return -1;
    if (query[0])
        return lb_err_set(err, "--db: the URL takes no ?options");
    /* curl keeps IPv6 brackets in the host; the client library wants none */
    size_t hn = strlen(u->host);
    if (hn > 2 && u->host[0] == '[' && u->host[hn - 1] == ']') {
        memmove(u->host, u->host + 1, hn - 2);
        u->host[hn - 2] = '\0';
    }
    char *end;
    long p = port[0] ? strtol(port, &end, 10) : 3306;
    if (port[0] && (*end || p < 1 || p > 65535))
        return lb_err_set(err, "--db: bad port '%s'", port);
    u->port = (unsigned)p;
    const char *name = path[0] == '/' ? path + 1 : path;
    size_t n = strlen(name);
    if (n == 0 || n > 64 || strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789_$") != n)
        return lb_err_set(err, "--db: database name '%s' must be 1-64 of [A-Za-z0-9_$]", name);
    memcpy(u->name, name, n + 1);
    if (!u->pass[0]) {
        const char *env = getenv("REFSERVER_DB_PASSWORD");
        if (env && strlen(env) < sizeof u->pass)
            strcpy(u->pass, env);
    }
    return 0;
}

int db_target_check(const char *target, lb_err *err)
{
    if (db_target_backend(target) == RS_BACKEND_SQLITE)
        return 0;
    rs_db_url u;
    return db_url_parse(target, &u, err);
}

void db_target_redacted(const char *target, char *out, size_t cap)
{
    rs_db_url u;
    if (db_target_backend(target) == RS_BACKEND_SQLITE || db_url_parse(target, &u, NULL)) {
        snprintf(out, cap, "%s", target);
        return;
    }
    snprintf(out, cap, "mysql://%s%s@%s%s%s:%u/%s", u.user, u.pass[0] ? ":***" : "",
             strchr(u.host, ':') ? "[" : "", u.host, strchr(u.host, ':') ? "]" : "", u.port,
             u.name);
}
