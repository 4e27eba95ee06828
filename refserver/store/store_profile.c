/* store_profile.c — the profiler's per-attacker refresh over stored rows
 * (see derive.h profile_attacker). */
#include "derive.h"
#include "event.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "query.h"

static time_t parse_ts(const char *s)
{
    struct tm tm = {0};
    if (!s || sscanf(s, "%d-%d-%d%*c%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                     &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
        return 0;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
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
    pf_event *ev;
    char **strs;      /* 3 per event: service, decky, event_type */
    size_t n;
} loaded;

static void loaded_free(loaded *l)
{
    for (size_t i = 0; i < l->n; i++)
        json_decref((json_t *)l->ev[i].fields);
    for (size_t i = 0; i < 3 * l->n; i++)
        free(l->strs[i]);
    free(l->ev);
    free(l->strs);
}

/* The latest PROFILE_WINDOW events of ip (by id: the index on attacker_ip
 * yields them in rowid order, no sort). */
static int load_events(rs_db *db, const char *ip, loaded *l, lb_err *err)
{
    memset(l, 0, sizeof *l);
    l->ev = calloc(PROFILE_WINDOW, sizeof *l->ev);
    l->strs = calloc(3 * PROFILE_WINDOW, sizeof *l->strs);
    if (!l->ev || !l->strs)
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
        char **s = &l->strs[3 * l->n];
        for (int k = 0; k < 3; k++) {
            const char *t = (const char *)sqlite3_column_text(st, k + 1);
            s[k] = strdup(t ? t : "");
        }
        json_t *f = json_loads((const char *)sqlite3_column_text(st, 4), 0, NULL);
        if (!json_is_object(f)) {
            json_decref(f);
            f = json_object();
        }
        e->ts = parse_ts((const char *)sqlite3_column_text(st, 0));
        e->fields = f;
        l->n++;
        if (!s[0] || !s[1] || !s[2] || !f) {
            sqlite3_reset(st);
            return sq_oom(err);
        }
        e->service = s[0];
        e->decky = s[1];
        e->event_type = s[2];
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
    long long exists = 0;
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM attackers WHERE uuid = ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        exists = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return sq_fail(db, err);
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
