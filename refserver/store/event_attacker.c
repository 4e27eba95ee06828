/* event_attacker.c — an ingested event's attackers row (see event.h).
 *
 * The row's JSON sets are read, changed with jansson and written back, in
 * the caller's transaction: SQLite's json_each/json_insert and MariaDB's
 * JSON_TABLE/JSON_ARRAY_APPEND share no spelling, and one C path gives both
 * servers the same text. Arrays are written compact, as SQLite's JSON
 * functions wrote them. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "event.h"
#include "query.h"

/* Is s in the array of strings a? */
static bool has(const json_t *a, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
        if (json_is_string(v) && !strcmp(json_string_value(v), s))
            return true;
    return false;
}

static int cmp_json_str(const void *x, const void *y)
{
    const char *a = json_string_value(*(json_t *const *)x);
    const char *b = json_string_value(*(json_t *const *)y);
    return strcmp(a ? a : "", b ? b : "");
}

/* Add s to the sorted set a (byte order: SQLite's BINARY, MariaDB's _bin). */
static int set_add_sorted(json_t *a, const char *s)
{
    if (has(a, s))
        return 0;
    if (json_array_append_new(a, json_string(s)))
        return -1;
    size_t n = json_array_size(a);
    json_t **v = malloc(n * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++)
        v[i] = json_incref(json_array_get(a, i));
    qsort(v, n, sizeof *v, cmp_json_str);
    json_array_clear(a);
    int rc = 0;
    for (size_t i = 0; i < n; i++)
        rc |= json_array_append_new(a, v[i]);
    free(v);
    return rc;
}

/* " → "-joined deckies, or NULL (no traversal below two). */
static char *traversal(const json_t *deckies)
{
    if (json_array_size(deckies) < 2)
        return NULL;
    size_t i, len = 1;
    json_t *v;
    json_array_foreach(deckies, i, v)
        len += strlen(json_string_value(v) ? json_string_value(v) : "") + 5;
    char *s = calloc(1, len);
    json_array_foreach(deckies, i, v) {
        if (!s)
            break;
        if (i)
            strcat(s, " \u2192 ");
        strcat(s, json_string_value(v) ? json_string_value(v) : "");
    }
    return s;
}

/* A JSON array column's value (an empty array when NULL or not an array). */
static json_t *array_col(rs_stmt *st, int i)
{
    const char *t = db_col_text(st, i);
    json_t *a = t ? json_loads(t, 0, NULL) : NULL;
    if (!json_is_array(a)) {
        json_decref(a);
        a = json_array();
    }
    return a;
}

/* commands (a JSON array's text) with obj appended, or NULL (out of
 * memory). By text when it has the compact shape refserver writes: a
 * command-heavy attacker's array is long, and parsing it per event with
 * jansson cost the ingest 60% more CPU than SQLite's json_insert did. */
static char *append_command(const char *commands, const char *obj)
{
    size_t n = commands ? strlen(commands) : 0, m = strlen(obj);
    bool empty = n < 2 || !strcmp(commands, "[]");
    if (!empty && (commands[0] != '[' || commands[n - 1] != ']')) {
        json_t *a = json_loads(commands, 0, NULL), *o = json_loads(obj, 0, NULL);
        if (!json_is_array(a)) {
            json_decref(a);
            a = json_array();
        }
        char *text = a && o && !json_array_append(a, o) ? json_dumps(a, JSON_COMPACT) : NULL;
        json_decref(a);
        json_decref(o);
        return text;
    }
    char *out = malloc(n + m + 3);
    if (!out)
        return NULL;
    if (empty) {
        out[0] = '[';
        memcpy(out + 1, obj, m);
        memcpy(out + 1 + m, "]", 2);
    } else {
        memcpy(out, commands, n - 1);
        out[n - 1] = ',';
        memcpy(out + n, obj, m);
        memcpy(out + n + m, "]", 2);
    }
    return out;
}

int event_attacker_upsert(rs_db *db, const rs_event *e, const char *cmd, lb_err *err)
{
    char uuid[37];
    event_attacker_uuid(e->attacker_ip, uuid);
    /* The commands array, which can be long, only when it grows. On MariaDB
     * the row is locked (FOR UPDATE) until the transaction ends, so two
     * workers ingesting one attacker at once take turns instead of writing
     * sets from the same stale read; when both find it missing, the second
     * INSERT fails as a duplicate and its transaction runs again
     * (RS_DB_RETRY). SQLite's single writer already gives that order, and
     * has no FOR UPDATE. */
    static const char *const sel[2][2] = {
        {"SELECT first_seen, last_seen, services, deckies FROM attackers WHERE uuid = ?",
         "SELECT first_seen, last_seen, services, deckies, commands FROM attackers "
         "WHERE uuid = ?"},
        {"SELECT first_seen, last_seen, services, deckies FROM attackers WHERE uuid = ? "
         "FOR UPDATE",
         "SELECT first_seen, last_seen, services, deckies, commands FROM attackers "
         "WHERE uuid = ? FOR UPDATE"}};
    rs_stmt *st = db_stmt(db, sel[db_backend(db) == RS_BACKEND_MARIADB][cmd != NULL], err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    int rc = db_step(st);
    if (rc < 0) {
        db_reset(st);
        return sq_fail(db, err);
    }
    bool found = rc == RS_STEP_ROW;
    char first[24] = "", last[24] = "";
    json_t *svcs, *deckies;
    char *s_cmds = NULL;   /* NULL: commands unchanged */
    int bad = 0;
    if (cmd) {
        char ts[24];
        snprintf(ts, sizeof ts, "%s", e->timestamp);
        if (ts[10] == ' ')
            ts[10] = 'T';
        json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "service", e->service, "decky", e->decky,
                              "command", cmd, "timestamp", ts);
        char *obj = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        s_cmds = obj ? append_command(found ? db_col_text(st, 4) : NULL, obj) : NULL;
        bad = !s_cmds;
        free(obj);
    }
    if (found) {
        snprintf(first, sizeof first, "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
        snprintf(last, sizeof last, "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
        svcs = array_col(st, 2);
        deckies = array_col(st, 3);
    } else {
        svcs = json_array();
        deckies = json_array();
    }
    db_reset(st);
    if (!first[0] || strcmp(e->timestamp, first) < 0)
        snprintf(first, sizeof first, "%s", e->timestamp);
    if (strcmp(e->timestamp, last) > 0)
        snprintf(last, sizeof last, "%s", e->timestamp);
    bad = bad || !svcs || !deckies || set_add_sorted(svcs, e->service) ||
          (!has(deckies, e->decky) && json_array_append_new(deckies, json_string(e->decky)));
    char *s_svcs = bad ? NULL : json_dumps(svcs, JSON_COMPACT);
    char *s_deckies = bad ? NULL : json_dumps(deckies, JSON_COMPACT);
    char *path = traversal(deckies);
    long long nsvc = (long long)json_array_size(svcs), ndeck = (long long)json_array_size(deckies);
    rc = !s_svcs || !s_deckies || (ndeck >= 2 && !path) ? sq_oom(err) : 0;
    if (!rc)
        st = db_stmt(db, found
            ? "UPDATE attackers SET first_seen = ?2, last_seen = ?3, event_count = event_count + 1, "
              "updated_at = ?4, services = ?5, deckies = ?6, commands = coalesce(?7, commands), "
              "service_count = ?8, "
              "decky_count = ?9, is_traversal = ?10, traversal_path = ?11 WHERE uuid = ?1"
            : "INSERT INTO attackers (uuid, first_seen, last_seen, updated_at, services, deckies, "
              "commands, service_count, decky_count, is_traversal, traversal_path, ip, "
              "event_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1)", err);
    if (!rc && !st)
        rc = -1;
    if (!rc) {
        db_bind_text(st, 1, uuid);
        db_bind_text(st, 2, first);
        db_bind_text(st, 3, last);
        db_bind_text(st, 4, e->timestamp);
        db_bind_text(st, 5, s_svcs);
        db_bind_text(st, 6, s_deckies);
        db_bind_text(st, 7, s_cmds ? s_cmds : found ? NULL : "[]");
        db_bind_int(st, 8, nsvc);
        db_bind_int(st, 9, ndeck);
        db_bind_int(st, 10, ndeck >= 2);
        db_bind_text(st, 11, path);
        if (!found)
            db_bind_text(st, 12, e->attacker_ip);
        rc = db_step(st) == RS_STEP_DONE ? 0 : sq_fail(db, err);
        db_reset(st);
    }
    free(s_svcs);
    free(s_deckies);
    free(s_cmds);
    free(path);
    json_decref(svcs);
    json_decref(deckies);
    return rc;
}
