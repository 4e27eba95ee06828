/* store_attackers.c — attackers (+ behaviour) and bounty pages (decnet-api.md §2.6, §2.7). */
#include "store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ATT_COLS "a.uuid, a.ip, a.first_seen, a.last_seen, a.event_count, a.service_count, " \
    "a.decky_count, a.services, a.deckies, a.traversal_path, a.is_traversal, a.bounty_count, " \
    "a.credential_count, a.fingerprints, a.commands, a.updated_at"
#define ATT_NCOLS 16
#define BEH_COLS "b.attacker_uuid, b.os_guess, b.hop_distance, b.tcp_fingerprint, " \
    "b.retransmit_count, b.behavior_class, b.beacon_interval_s, b.beacon_jitter_pct, " \
    "b.tool_guesses, b.timing_stats, b.phase_sequence, b.updated_at"

static int sql_fail(rs_db *db, lb_err *err)
{
    return lb_err_set(err, "sqlite: %s", sqlite3_errmsg(db_handle(db)));
}

static json_t *text_or_null(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    json_t *v = s ? json_string(s) : NULL;
    return v ? v : json_null();
}

static json_t *iso_or_null(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    if (!s)
        return json_null();
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.39s", s);
    if (tmp[10] == ' ')
        tmp[10] = 'T';
    return json_string(tmp);
}

/* A JSON-text column decoded; `fallback` ("[]" or "{}") when NULL or invalid. */
static json_t *json_col(sqlite3_stmt *st, int i, const char *fallback)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    json_t *v = s ? json_loads(s, JSON_DECODE_ANY, NULL) : NULL;
    if (!v || json_is_null(v)) {
        json_decref(v);
        v = json_loads(fallback, 0, NULL);
    }
    return v;
}

static json_t *real_or_null(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? json_null()
                                                     : json_real(sqlite3_column_double(st, i));
}

static json_t *int_or_null(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? json_null()
                                                     : json_integer(sqlite3_column_int64(st, i));
}

/* Behaviour columns starting at column c; null when the row has none. */
static json_t *behavior_obj(sqlite3_stmt *st, int c)
{
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    json_t *b = json_object();
    json_object_set_new(b, "attacker_uuid", text_or_null(st, c));
    json_object_set_new(b, "os_guess", text_or_null(st, c + 1));
    json_object_set_new(b, "hop_distance", int_or_null(st, c + 2));
    json_object_set_new(b, "tcp_fingerprint", json_col(st, c + 3, "{}"));
    json_object_set_new(b, "retransmit_count", json_integer(sqlite3_column_int64(st, c + 4)));
    json_object_set_new(b, "behavior_class", text_or_null(st, c + 5));
    json_object_set_new(b, "beacon_interval_s", real_or_null(st, c + 6));
    json_object_set_new(b, "beacon_jitter_pct", real_or_null(st, c + 7));
    json_object_set_new(b, "tool_guesses", json_col(st, c + 8, "[]"));
    json_object_set_new(b, "timing_stats", json_col(st, c + 9, "{}"));
    json_object_set_new(b, "phase_sequence", json_col(st, c + 10, "{}"));
    json_object_set_new(b, "updated_at", iso_or_null(st, c + 11));
    return b;
}

static json_t *attacker_obj(sqlite3_stmt *st)
{
    json_t *o = json_object();
    json_object_set_new(o, "uuid", text_or_null(st, 0));
    json_object_set_new(o, "ip", text_or_null(st, 1));
    json_object_set_new(o, "first_seen", iso_or_null(st, 2));
    json_object_set_new(o, "last_seen", iso_or_null(st, 3));
    json_object_set_new(o, "event_count", json_integer(sqlite3_column_int64(st, 4)));
    json_object_set_new(o, "service_count", json_integer(sqlite3_column_int64(st, 5)));
    json_object_set_new(o, "decky_count", json_integer(sqlite3_column_int64(st, 6)));
    json_object_set_new(o, "services", json_col(st, 7, "[]"));
    json_object_set_new(o, "deckies", json_col(st, 8, "[]"));
    json_object_set_new(o, "traversal_path", text_or_null(st, 9));
    json_object_set_new(o, "is_traversal", json_boolean(sqlite3_column_int(st, 10)));
    json_object_set_new(o, "bounty_count", json_integer(sqlite3_column_int64(st, 11)));
    json_object_set_new(o, "credential_count", json_integer(sqlite3_column_int64(st, 12)));
    json_object_set_new(o, "fingerprints", json_col(st, 13, "[]"));
    json_object_set_new(o, "commands", json_col(st, 14, "[]"));
    json_object_set_new(o, "updated_at", iso_or_null(st, 15));
    return o;
}

static char *like_wrap(const char *pre, const char *s, const char *post)
{
    size_t n = strlen(pre) + strlen(s) + strlen(post) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", pre, s, post);
    return p;
}

int store_attackers_where(rs_where *w, const char *search, const char *service)
{
    memset(w, 0, sizeof *w);
    int rc = buf_puts(&w->sql, "");
    if (!rc && search) {
        char *l = like_wrap("%", search, "%");
        rc = !l || where_add(w, "ip LIKE ?", l);
        free(l);
    }
    if (!rc && service) {
        char *l = like_wrap("%\"", service, "\"%");
        rc = !l || where_add(w, "services LIKE ?", l);
        free(l);
    }
    return rc ? -1 : 0;
}

static int count_where(rs_db *db, const char *table, const rs_where *w, long long *out,
                       lb_err *err)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s%s", table, w->sql.data ? w->sql.data : "");
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    where_bind(w, st, 1);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return sql_fail(db, err);
    }
    *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return 0;
}

int store_attackers_count(rs_db *db, const rs_where *w, long long *out, lb_err *err)
{
    return count_where(db, "attackers", w, out, err);
}

static int behavior_for(rs_db *db, const char *uuid, json_t *obj, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT " BEH_COLS " FROM attacker_behavior b "
                                   "WHERE b.attacker_uuid = ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        json_object_set_new(obj, "behavior", behavior_obj(st, 0));
    else
        json_object_set_new(obj, "behavior", json_null());
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sql_fail(db, err);
}

int store_attackers_page(rs_db *db, const rs_where *w, rs_attacker_sort sort, long limit,
                         long offset, bool n_plus_one, json_t *arr, lb_err *err)
{
    static const char *const order[] = {"a.last_seen DESC", "a.event_count DESC",
                                        "a.is_traversal DESC"};
    char sql[2048];
    const char *ws = w->sql.data ? w->sql.data : "";
    if (n_plus_one)
        snprintf(sql, sizeof sql, "SELECT " ATT_COLS " FROM attackers a%s ORDER BY %s "
                 "LIMIT ? OFFSET ?", ws, order[sort]);
    else
        snprintf(sql, sizeof sql, "SELECT " ATT_COLS ", " BEH_COLS " FROM attackers a "
                 "LEFT JOIN attacker_behavior b ON b.attacker_uuid = a.uuid%s ORDER BY %s "
                 "LIMIT ? OFFSET ?", ws, order[sort]);
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    int i = where_bind(w, st, 1);
    sqlite3_bind_int64(st, i, limit);
    sqlite3_bind_int64(st, i + 1, offset);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *o = attacker_obj(st);
        if (!n_plus_one) {
            json_object_set_new(o, "behavior", behavior_obj(st, ATT_NCOLS));
        } else if (behavior_for(db, (const char *)sqlite3_column_text(st, 0), o, err)) {
            json_decref(o);
            sqlite3_reset(st);
            return -1;
        }
        json_array_append_new(arr, o);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sql_fail(db, err);
}

int store_attacker_get(rs_db *db, const char *uuid, json_t **out, lb_err *err)
{
    *out = NULL;
    sqlite3_stmt *st = db_stmt(db, "SELECT " ATT_COLS ", " BEH_COLS " FROM attackers a "
                               "LEFT JOIN attacker_behavior b ON b.attacker_uuid = a.uuid "
                               "WHERE a.uuid = ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = attacker_obj(st);
        json_object_set_new(*out, "behavior", behavior_obj(st, ATT_NCOLS));
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sql_fail(db, err);
}

int store_bounty_where(rs_where *w, const char *bounty_type, const char *search)
{
    memset(w, 0, sizeof *w);
    int rc = buf_puts(&w->sql, "");
    if (!rc && bounty_type)
        rc = where_add(w, "bounty_type = ?", bounty_type);
    if (!rc && search) {
        char *l = like_wrap("%", search, "%");
        rc = !l || where_add(w, "(decky LIKE ? OR service LIKE ? OR attacker_ip LIKE ? OR "
                                "payload LIKE ?)", l);
        /* three more bindings for the other placeholders */
        for (int k = 0; k < 3 && !rc; k++) {
            if (w->nbinds >= RS_WHERE_MAX_BINDS || !(w->binds[w->nbinds] = strdup(l)))
                rc = -1;
            else
                w->nbinds++;
        }
        free(l);
    }
    return rc ? -1 : 0;
}

int store_bounty_count(rs_db *db, const rs_where *w, long long *out, lb_err *err)
{
    return count_where(db, "bounty", w, out, err);
}

int store_bounty_page(rs_db *db, const rs_where *w, long limit, long offset, json_t *arr,
                      lb_err *err)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT id, timestamp, decky, service, attacker_ip, bounty_type, "
             "payload FROM bounty%s ORDER BY timestamp DESC LIMIT ? OFFSET ?",
             w->sql.data ? w->sql.data : "");
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return -1;
    int i = where_bind(w, st, 1);
    sqlite3_bind_int64(st, i, limit);
    sqlite3_bind_int64(st, i + 1, offset);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(sqlite3_column_int64(st, 0)));
        json_object_set_new(o, "timestamp", iso_or_null(st, 1));
        json_object_set_new(o, "decky", text_or_null(st, 2));
        json_object_set_new(o, "service", text_or_null(st, 3));
        json_object_set_new(o, "attacker_ip", text_or_null(st, 4));
        json_object_set_new(o, "bounty_type", text_or_null(st, 5));
        json_object_set_new(o, "payload", json_col(st, 6, "{}"));
        json_array_append_new(arr, o);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sql_fail(db, err);
}
