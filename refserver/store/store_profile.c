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
    rs_stmt *st = db_stmt(db, "SELECT count(*), coalesce(sum(bounty_type = 'credential'), 0) "
                              "FROM bounty WHERE attacker_ip = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, ip);
    if (db_step(st) != RS_STEP_ROW) {
        db_reset(st);
        return sq_fail(db, err);
    }
    long long bounties = db_col_int(st, 0), creds = db_col_int(st, 1);
    db_reset(st);
    /* the fingerprints as the seed's JSON objects, oldest first (written
     * here, not with SQL JSON functions: the two servers spell those apart) */
    st = db_stmt(db, "SELECT id, timestamp, decky, service, attacker_ip, bounty_type, payload "
                     "FROM bounty WHERE attacker_ip = ? AND bounty_type = 'fingerprint' "
                     "ORDER BY timestamp, id", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, ip);
    lb_buf fp = {0};
    int rc = sq_rows(db, st, sq_bounty_row, NULL, &fp, NULL, err);
    if (!rc && !(st = db_stmt(db, "UPDATE attackers SET bounty_count = ?, credential_count = ?, "
                                  "fingerprints = ? WHERE uuid = ?", err)))
        rc = -1;
    if (!rc) {
        db_bind_int(st, 1, bounties);
        db_bind_int(st, 2, creds);
        db_bind_text(st, 3, fp.data);
        db_bind_text(st, 4, uuid);
        rc = db_step(st) == RS_STEP_DONE ? 0 : sq_fail(db, err);
        db_reset(st);
    }
    lb_buf_free(&fp);
    return rc;
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
static const char *intern(loaded *l, const char *t)
{
    const char *s = t ? t : "";
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
    rs_stmt *st = db_stmt(db, "SELECT timestamp, service, decky, event_type, fields "
                               "FROM logs WHERE attacker_ip = ? ORDER BY id DESC LIMIT ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, ip);
    db_bind_int(st, 2, PROFILE_WINDOW);
    int rc;
    while ((rc = db_step(st)) == RS_STEP_ROW) {
        pf_event *e = &l->ev[l->n];
        e->service = intern(l, db_col_text(st, 1));
        e->decky = intern(l, db_col_text(st, 2));
        e->event_type = intern(l, db_col_text(st, 3));
        const char *ftext = db_col_text(st, 4);
        json_t *f = needs_fields(e->event_type, ftext) ? json_loads(ftext, 0, NULL) : NULL;
        if (!json_is_object(f)) {
            json_decref(f);
            f = json_incref(l->empty);
        }
        e->ts = parse_ts(db_col_text(st, 0));
        e->fields = f;
        l->n++;
        if (!e->service || !e->decky || !e->event_type) {
            db_reset(st);
            return sq_oom(err);
        }
    }
    db_reset(st);
    if (rc != RS_STEP_DONE)
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
    /* REPLACE INTO: one upsert both servers take (the row has no other
     * columns to keep); updated_at from here, as neither spells "now" alike */
    rs_stmt *st = db_stmt(db, "REPLACE INTO attacker_behavior (attacker_uuid, os_guess, "
        "hop_distance, tcp_fingerprint, retransmit_count, behavior_class, beacon_interval_s, "
        "beacon_jitter_pct, tool_guesses, timing_stats, phase_sequence, updated_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    if (r->os_guess)
        db_bind_text(st, 2, r->os_guess);
    if (r->hop_distance >= 0)
        db_bind_int(st, 3, r->hop_distance);
    db_bind_text(st, 4, r->tcp_fingerprint);
    db_bind_int(st, 5, r->retransmit_count);
    db_bind_text(st, 6, r->behavior_class);
    if (r->beacon) {
        db_bind_double(st, 7, r->beacon_interval_s);
        db_bind_double(st, 8, r->beacon_jitter_pct);
    }
    db_bind_text(st, 9, r->tool_guesses);
    db_bind_text(st, 10, r->timing_stats);
    db_bind_text(st, 11, r->phase_sequence);
    char now[24];
    time_t t = time(NULL);
    struct tm tm;
    strftime(now, sizeof now, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
    db_bind_text(st, 12, now);
    int rc = db_step(st);
    db_reset(st);
    return rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
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
    rs_stmt *st = db_stmt(db, "SELECT ip FROM attackers ORDER BY ip", err);
    if (!st)
        return -1;
    size_t n = 0, cap = 0;
    char **ips = NULL;
    int rc = 0;
    while (!rc && db_step(st) == RS_STEP_ROW) {
        if (n == cap) {
            char **g = realloc(ips, (cap = cap ? cap * 2 : 64) * sizeof *ips);
            if (!g) {
                rc = lb_err_set(err, "out of memory");
                break;
            }
            ips = g;
        }
        if (!(ips[n] = strdup(db_col_text(st, 0))))
            rc = lb_err_set(err, "out of memory");
        else
            n++;
    }
    db_reset(st);
    for (size_t i = 0; i < n; i++) {
        if (!rc)
            rc = profile_attacker(db, ips[i], err);
        free(ips[i]);
    }
    free(ips);
    return rc;
}
