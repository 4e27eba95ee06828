/* store_attackers.c — attackers (+ behaviour) and bounty pages (decnet-api.md §2.6, §2.7). */
#include "store.h"
#include "jsonw.h"
#include "query.h"
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

/* Behaviour columns starting at column c; null when the row has none. The
 * JSON columns hold text refserver wrote itself and are emitted as is. */
static int behavior_obj(lb_buf *b, rs_stmt *st, int c)
{
    if (db_col_null(st, c))
        return lb_buf_append(b, "null", 4);
    int rc = lb_buf_append(b, "{", 1);
    rc = rc || jw_key(b, "attacker_uuid", 1) || jw_col_text(b, st, c);
    rc = rc || jw_key(b, "os_guess", 0) || jw_col_text(b, st, c + 1);
    rc = rc || jw_key(b, "hop_distance", 0) || jw_col_int(b, st, c + 2);
    rc = rc || jw_key(b, "tcp_fingerprint", 0) || jw_col_raw(b, st, c + 3, "{}");
    rc = rc || jw_key(b, "retransmit_count", 0) || jw_col_int(b, st, c + 4);
    rc = rc || jw_key(b, "behavior_class", 0) || jw_col_text(b, st, c + 5);
    rc = rc || jw_key(b, "beacon_interval_s", 0) || jw_col_real(b, st, c + 6);
    rc = rc || jw_key(b, "beacon_jitter_pct", 0) || jw_col_real(b, st, c + 7);
    rc = rc || jw_key(b, "tool_guesses", 0) || jw_col_raw(b, st, c + 8, "[]");
    rc = rc || jw_key(b, "timing_stats", 0) || jw_col_raw(b, st, c + 9, "{}");
    rc = rc || jw_key(b, "phase_sequence", 0) || jw_col_raw(b, st, c + 10, "{}");
    rc = rc || jw_key(b, "updated_at", 0) || jw_col_iso(b, st, c + 11);
    return rc || lb_buf_append(b, "}", 1) ? -1 : 0;
}

/* The attacker's columns, without the closing brace (behaviour follows). */
static int attacker_open(lb_buf *b, rs_stmt *st)
{
    int rc = lb_buf_append(b, "{", 1);
    rc = rc || jw_key(b, "uuid", 1) || jw_col_text(b, st, 0);
    rc = rc || jw_key(b, "ip", 0) || jw_col_text(b, st, 1);
    rc = rc || jw_key(b, "first_seen", 0) || jw_col_iso(b, st, 2);
    rc = rc || jw_key(b, "last_seen", 0) || jw_col_iso(b, st, 3);
    rc = rc || jw_key(b, "event_count", 0) || jw_col_int(b, st, 4);
    rc = rc || jw_key(b, "service_count", 0) || jw_col_int(b, st, 5);
    rc = rc || jw_key(b, "decky_count", 0) || jw_col_int(b, st, 6);
    rc = rc || jw_key(b, "services", 0) || jw_col_raw(b, st, 7, "[]");
    rc = rc || jw_key(b, "deckies", 0) || jw_col_raw(b, st, 8, "[]");
    rc = rc || jw_key(b, "traversal_path", 0) || jw_col_text(b, st, 9);
    rc = rc || jw_key(b, "is_traversal", 0) ||
         lb_buf_puts(b, db_col_int(st, 10) ? "true" : "false");
    rc = rc || jw_key(b, "bounty_count", 0) || jw_col_int(b, st, 11);
    rc = rc || jw_key(b, "credential_count", 0) || jw_col_int(b, st, 12);
    rc = rc || jw_key(b, "fingerprints", 0) || jw_col_raw(b, st, 13, "[]");
    rc = rc || jw_key(b, "commands", 0) || jw_col_raw(b, st, 14, "[]");
    rc = rc || jw_key(b, "updated_at", 0) || jw_col_iso(b, st, 15);
    return rc || jw_key(b, "behavior", 0) ? -1 : 0;
}

/* pre + s + post in a buffer sized to fit (snprintf cannot cut it). */
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
    int rc = lb_buf_puts(&w->sql, "");
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

int store_attackers_count(rs_db *db, const rs_where *w, long long *out, lb_err *err)
{
    return sq_count(db, "attackers", w, out, err);
}

static int behavior_for(rs_db *db, const char *uuid, lb_buf *out, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "SELECT " BEH_COLS " FROM attacker_behavior b "
                                   "WHERE b.attacker_uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    int rc = db_step(st);
    int wr = rc == RS_STEP_ROW ? behavior_obj(out, st, 0) : lb_buf_append(out, "null", 4);
    db_reset(st);
    if (wr)
        return sq_oom(err);
    return rc == RS_STEP_ROW || rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

/* What attacker_row needs besides the row. */
typedef struct att_page {
    rs_db *db;
    bool n_plus_one;
} att_page;

/* One Attacker object of a page (arg: att_page). Behaviour comes from the
 * joined columns, or with n_plus_one from a query of its own. */
static int attacker_row(rs_stmt *st, lb_buf *out, void *arg, lb_err *err)
{
    const att_page *p = arg;
    if (attacker_open(out, st))
        return sq_oom(err);
    if (p->n_plus_one) {
        /* the N+1 shape: the row's uuid must outlive the inner query */
        char uuid[64];
        const char *u = db_col_text(st, 0);
        if (snprintf(uuid, sizeof uuid, "%s", u ? u : "") >= (int)sizeof uuid)
            return lb_err_set(err, "attacker uuid too long");
        if (behavior_for(p->db, uuid, out, err))
            return -1;
    } else if (behavior_obj(out, st, ATT_NCOLS)) {
        return sq_oom(err);
    }
    return lb_buf_append(out, "}", 1) ? sq_oom(err) : 0;
}

int store_attackers_page(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err)
{
    /* uuid breaks ties, so both servers give one order */
    static const char *const order[] = {"a.last_seen DESC, a.uuid", "a.event_count DESC, a.uuid",
                                        "a.is_traversal DESC, a.uuid"};
    rs_stmt *st = sq_page_stmt(db, p->n_plus_one
        ? "SELECT " ATT_COLS " FROM attackers a"
        : "SELECT " ATT_COLS ", " BEH_COLS " FROM attackers a "
          "LEFT JOIN attacker_behavior b ON b.attacker_uuid = a.uuid", order[p->sort], p, err);
    att_page ap = {db, p->n_plus_one};
    return st ? sq_rows(db, st, attacker_row, &ap, out, NULL, err) : -1;
}

int store_attacker_get(rs_db *db, const char *uuid, lb_buf *out, bool *found, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "SELECT " ATT_COLS ", " BEH_COLS " FROM attackers a "
                               "LEFT JOIN attacker_behavior b ON b.attacker_uuid = a.uuid "
                               "WHERE a.uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    int rc = db_step(st);
    *found = rc == RS_STEP_ROW;
    int wr = *found && (attacker_open(out, st) || behavior_obj(out, st, ATT_NCOLS) ||
                        lb_buf_append(out, "}", 1));
    db_reset(st);
    if (wr)
        return sq_oom(err);
    return rc == RS_STEP_ROW || rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

int store_bounty_where(rs_where *w, const char *bounty_type, const char *search)
{
    memset(w, 0, sizeof *w);
    int rc = lb_buf_puts(&w->sql, "");
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
    return sq_count(db, "bounty", w, out, err);
}

int sq_bounty_row(rs_stmt *st, lb_buf *out, void *arg, lb_err *err)
{
    (void)arg;
    int rc = lb_buf_append(out, "{", 1);
    rc = rc || jw_key(out, "id", 1) || jw_col_int(out, st, 0);
    rc = rc || jw_key(out, "timestamp", 0) || jw_col_iso(out, st, 1);
    rc = rc || jw_key(out, "decky", 0) || jw_col_text(out, st, 2);
    rc = rc || jw_key(out, "service", 0) || jw_col_text(out, st, 3);
    rc = rc || jw_key(out, "attacker_ip", 0) || jw_col_text(out, st, 4);
    rc = rc || jw_key(out, "bounty_type", 0) || jw_col_text(out, st, 5);
    rc = rc || jw_key(out, "payload", 0) || jw_col_raw(out, st, 6, "{}");
    return rc || lb_buf_append(out, "}", 1) ? sq_oom(err) : 0;
}

int store_bounty_page(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err)
{
    rs_stmt *st = sq_page_stmt(db, "SELECT id, timestamp, decky, service, attacker_ip, "
                                    "bounty_type, payload FROM bounty", "timestamp DESC, id DESC", p, err);
    return st ? sq_rows(db, st, sq_bounty_row, NULL, out, NULL, err) : -1;
}
