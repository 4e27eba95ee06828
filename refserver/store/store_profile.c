/* store_profile.c — the profiler's per-attacker refresh over stored rows
 * (see derive.h profile_attacker). */
#include "derive.h"
#include "event.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "query.h"
#include "store.h"

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* "YYYY-MM-DD HH:MM:SS" (as ingest stores it) to epoch seconds, 0 when not
 * that shape. By hand: sscanf + timegm were a fifth of a profile's time. */
static time_t parse_ts(const char *s)
{
    if (!s || strlen(s) < 19)
        return 0;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    int hh = digits(s + 11, 2), mm = digits(s + 14, 2), ss = digits(s + 17, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || hh < 0 || mm < 0 || ss < 0)
        return 0;
    /* days from 1970-01-01 (the civil-from-days inverse, proleptic Gregorian) */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = era * 146097 + doe - 719468;
    return (time_t)(days * 86400 + hh * 3600 + mm * 60 + ss);
}

/* Bounty and credential counts and the fingerprint bounties, as the
 * profiler's _build_record takes them from get_bounties_for_ips. */
static int refresh_bounties(rs_db *db, const char *ip, const char *uuid, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "UPDATE attackers SET "
        "bounty_count = (SELECT count(*) FROM bounty WHERE attacker_ip = ?1), "
        "credential_count = (SELECT count(*) FROM bounty WHERE attacker_ip = ?1 AND "
        "  bounty_type = 'credential'), "
        "fingerprints = (SELECT json_group_array(json_object('id', id, 'timestamp', "
        "  replace(timestamp, ' ', 'T'), 'decky', decky, 'service', service, 'attacker_ip', "
        "  attacker_ip, 'bounty_type', bounty_type, 'payload', json(payload))) FROM "
        "  (SELECT * FROM bounty WHERE attacker_ip = ?1 AND bounty_type = 'fingerprint' "
        "   ORDER BY timestamp, id)) "
        "WHERE uuid = ?2", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, ip, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(db, err);
}

typedef struct loaded {
    json_t *empty;    /* the fields of every event the profile reads none of */
    pf_event *ev;
    size_t n;
    char **names;     /* interned service/decky/event_type strings */
    size_t nnames, cap;
} loaded;

static void loaded_free(loaded *l)
{
    for (size_t i = 0; i < l->n; i++)
        json_decref((json_t *)l->ev[i].fields);
    for (size_t i = 0; i < l->nnames; i++)
        free(l->names[i]);
    free(l->names);
    free(l->ev);
    json_decref(l->empty);
}

/* One copy of each distinct name: a window repeats a few services, deckies
 * and event types a thousand times. NULL when out of memory. */
static const char *intern(loaded *l, const unsigned char *t)
{
    const char *s = t ? (const char *)t : "";
    for (size_t i = l->nnames; i-- > 0;)
        if (!strcmp(l->names[i], s))
            return l->names[i];
    if (l->nnames == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **g = realloc(l->names, cap * sizeof *g);
        if (!g)
            return NULL;
        l->names = g;
        l->cap = cap;
    }
    return (l->names[l->nnames] = strdup(s)) ? l->names[l->nnames++] : NULL;
}

/* Does the profile read this event's fields? Header tools read requests,
 * the rollup the sniffer/prober events, the phases any payload size: the
 * rest are not parsed (most of a window; the parse was most of its cost). */
static bool needs_fields(const char *etype, const char *text)
{
    return etype && text && (!strcmp(etype, "request") || !strncmp(etype, "tcp", 3) ||
                             strstr(text, "\"bytes\"") || strstr(text, "\"size\"") ||
                             strstr(text, "\"content_length\""));
}

/* The latest PROFILE_WINDOW events of ip (by id: the index on attacker_ip
 * yields them in rowid order, no sort). */
static int load_events(rs_db *db, const char *ip, loaded *l, lb_err *err)
{
    memset(l, 0, sizeof *l);
    l->empty = json_object();
    l->ev = calloc(PROFILE_WINDOW, sizeof *l->ev);
    if (!l->empty || !l->ev)
        return sq_oom(err);
    sqlite3_stmt *st = db_stmt(db, "SELECT timestamp, service, decky, event_type, fields "
                               "FROM logs WHERE attacker_ip = ? ORDER BY id DESC LIMIT ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, ip, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, PROFILE_WINDOW);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pf_event *e = &l->ev[l->n];
        e->service = intern(l, sqlite3_column_text(st, 1));
        e->decky = intern(l, sqlite3_column_text(st, 2));
        e->event_type = intern(l, sqlite3_column_text(st, 3));
        const char *ftext = (const char *)sqlite3_column_text(st, 4);
        json_t *f = needs_fields(e->event_type, ftext) ? json_loads(ftext, 0, NULL) : NULL;
        if (!json_is_object(f)) {
            json_decref(f);
            f = json_incref(l->empty);
        }
        e->ts = parse_ts((const char *)sqlite3_column_text(st, 0));
        e->fields = f;
        l->n++;
        if (!e->service || !e->decky || !e->event_type) {
            sqlite3_reset(st);
            return sq_oom(err);
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sq_fail(db, err);
    /* oldest first, as the profiler's engine holds them */
    for (size_t i = 0; i < l->n / 2; i++) {
        pf_event t = l->ev[i];
        l->ev[i] = l->ev[l->n - 1 - i];
        l->ev[l->n - 1 - i] = t;
    }
    return 0;
}

static int upsert_behaviour(rs_db *db, const char *uuid, const pf_record *r, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "INSERT INTO attacker_behavior (attacker_uuid, os_guess, "
        "hop_distance, tcp_fingerprint, retransmit_count, behavior_class, beacon_interval_s, "
        "beacon_jitter_pct, tool_guesses, timing_stats, phase_sequence, updated_at) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, datetime('now')) "
        "ON CONFLICT (attacker_uuid) DO UPDATE SET os_guess = ?2, hop_distance = ?3, "
        "tcp_fingerprint = ?4, retransmit_count = ?5, behavior_class = ?6, "
        "beacon_interval_s = ?7, beacon_jitter_pct = ?8, tool_guesses = ?9, "
        "timing_stats = ?10, phase_sequence = ?11, updated_at = datetime('now')", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
    if (r->os_guess)
        sqlite3_bind_text(st, 2, r->os_guess, -1, SQLITE_STATIC);
    if (r->hop_distance >= 0)
        sqlite3_bind_int64(st, 3, r->hop_distance);
    sqlite3_bind_text(st, 4, r->tcp_fingerprint, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, r->retransmit_count);
    sqlite3_bind_text(st, 6, r->behavior_class, -1, SQLITE_STATIC);
    if (r->beacon) {
        sqlite3_bind_double(st, 7, r->beacon_interval_s);
        sqlite3_bind_double(st, 8, r->beacon_jitter_pct);
    }
    sqlite3_bind_text(st, 9, r->tool_guesses, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, r->timing_stats, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, r->phase_sequence, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(db, err);
}

int profile_attacker(rs_db *db, const char *ip, lb_err *err)
{
    char uuid[37];
    event_attacker_uuid(ip, uuid);
    bool exists = false;
    if (store_attacker_exists(db, uuid, &exists, err))
        return -1;
    if (!exists)
        return 0;
    if (refresh_bounties(db, ip, uuid, err))
        return -1;
    loaded l;
    pf_record r;
    int out = load_events(db, ip, &l, err);
    if (!out && profile_build(l.ev, l.n, &r))
        out = sq_oom(err);
    else if (!out) {
        out = upsert_behaviour(db, uuid, &r, err);
        profile_free(&r);
    }
    loaded_free(&l);
    return out;
}

int profile_all_attackers(rs_db *db, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT ip FROM attackers ORDER BY ip", err);
    if (!st)
        return -1;
    size_t n = 0, cap = 0;
    char **ips = NULL;
    int rc = 0;
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        if (n == cap) {
            char **g = realloc(ips, (cap = cap ? cap * 2 : 64) * sizeof *ips);
            if (!g) {
                rc = lb_err_set(err, "out of memory");
                break;
            }
            ips = g;
        }
        if (!(ips[n] = strdup((const char *)sqlite3_column_text(st, 0))))
            rc = lb_err_set(err, "out of memory");
        else
            n++;
    }
    sqlite3_reset(st);
    for (size_t i = 0; i < n; i++) {
        if (!rc)
            rc = profile_attacker(db, ips[i], err);
        free(ips[i]);
    }
    free(ips);
    return rc;
}
