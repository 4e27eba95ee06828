/* store.h — refserver's storage interface over SQLite (decnet-api.md §4).
 *
 * Queries take an open rs_db (db.h). The list queries (log, attacker and
 * bounty pages, one attacker, the SSE tail) write JSON text in the spec's
 * key order straight from the rows into an lb_buf (jsonw.h: a jansson tree
 * per page cost half the worker's CPU); the small irregular results (the
 * histogram buckets, the user list) are built as jansson values; counts and
 * user rows are plain C values. Handlers only validate, cache and wrap.
 * All SQL is prepared with bound parameters. Every function returns 0 or -1
 * with err filled; none prints. */
#ifndef RS_STORE_H
#define RS_STORE_H
#include <jansson.h>
#include <stdbool.h>
#include "db.h"
#include "where.h"

/* A user row as the auth and login paths need it. */
typedef struct rs_user {
    char uuid[40];
    char username[260];      /* 64 characters of UTF-8 (CreateUserRequest) */
    char password_hash[128];
    char role[16];
    bool must_change_password;
} rs_user;

/* The order of an /attackers page. */
typedef enum { RS_SORT_RECENT, RS_SORT_ACTIVE, RS_SORT_TRAVERSALS } rs_attacker_sort;

/* One page of a list: its filter and window; attackers also take an order
 * and how behaviour rows are loaded. */
typedef struct rs_page {
    const rs_where *w;
    long limit, offset;
    rs_attacker_sort sort;   /* attackers only */
    bool n_plus_one;         /* attackers only: one behaviour query per row, not one join */
} rs_page;

/* Create the tables and indexes of §4 when missing (idempotent). */
int store_schema(rs_db *db, lb_err *err);
/* True in *empty when no user and no log row exists yet (fresh database). */
int store_is_empty(rs_db *db, bool *empty, lb_err *err);

/* ---- logs ---- */
/* count(*) of logs matching w. */
int store_logs_count(rs_db *db, const rs_where *w, long long *out, lb_err *err);
/* count(DISTINCT attacker_ip) over all logs. */
int store_logs_distinct_ips(rs_db *db, long long *out, lb_err *err);
/* Append a JSON array of Log objects (timestamp DESC, LIMIT/OFFSET) to out. */
int store_logs_page(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err);
/* Append a JSON array of up to limit logs with id > after_id (ascending) to
 * out; *max_id gets the largest id seen (unchanged when none), *nrows the
 * number of rows (nrows may be NULL). */
int store_logs_after(rs_db *db, const rs_where *w, long long after_id, long limit,
                     lb_buf *out, long long *max_id, size_t *nrows, lb_err *err);
/* max(id) of logs, 0 when empty. */
int store_logs_max_id(rs_db *db, long long *out, lb_err *err);
/* Append {"time","count"} buckets of interval_minutes to arr (ascending). */
int store_histogram(rs_db *db, const rs_where *w, long interval_minutes, json_t *arr,
                    lb_err *err);

/* ---- attackers and bounty ---- */
/* Build the /attackers filter (search -> ip LIKE, service -> services LIKE). */
int store_attackers_where(rs_where *w, const char *search, const char *service);
int store_attackers_count(rs_db *db, const rs_where *w, long long *out, lb_err *err);
/* Append a JSON array of Attacker objects with their "behavior" to out, in
 * p->sort order. */
int store_attackers_page(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err);
/* Append one Attacker object by uuid to out; *found false (out untouched)
 * when absent. */
int store_attacker_get(rs_db *db, const char *uuid, lb_buf *out, bool *found, lb_err *err);
/* *found true when an attacker row has this uuid. */
int store_attacker_exists(rs_db *db, const char *uuid, bool *found, lb_err *err);
/* The attacker's commands (list order), only those of service when not
 * NULL: *total of them, and a JSON array of the page [offset, offset+limit)
 * appended to out. */
int store_attacker_commands(rs_db *db, const char *uuid, const char *service, long limit,
                            long offset, long long *total, lb_buf *out, lb_err *err);
/* Build the /bounty filter. */
int store_bounty_where(rs_where *w, const char *bounty_type, const char *search);
int store_bounty_count(rs_db *db, const rs_where *w, long long *out, lb_err *err);
/* Append a JSON array of bounty objects (payload as an object, timestamp
 * DESC) to out. */
int store_bounty_page(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err);

/* ---- users and state ---- */
/* Look a user up by "uuid" or "username" column; *found false when absent. */
int store_user_get(rs_db *db, bool by_uuid, const char *key, rs_user *u, bool *found,
                   lb_err *err);
/* Append {"uuid","username","role","must_change_password"} for every user. */
int store_users_list(rs_db *db, json_t *arr, lb_err *err);
/* Insert a user. */
int store_user_insert(rs_db *db, const rs_user *u, lb_err *err);
/* Set the hash and must_change_password of uuid. */
int store_user_set_password(rs_db *db, const char *uuid, const char *hash, bool must_change,
                            lb_err *err);
/* Delete a user; *deleted false when there was none. */
int store_user_delete(rs_db *db, const char *uuid, bool *deleted, lb_err *err);
/* Set a user's role. */
int store_user_set_role(rs_db *db, const char *uuid, const char *role, lb_err *err);
/* DELETE every log, bounty, behaviour and attacker row in one transaction
 * (the seed's purge_logs_and_bounties); the counts deleted. */
int store_purge(rs_db *db, long long *logs, long long *bounties, long long *attackers,
                lb_err *err);
/* The JSON text of state row key into out (cleared first); *found false when absent. */
int store_state_get(rs_db *db, const char *key, lb_buf *out, bool *found, lb_err *err);
/* Insert or replace state row key. */
int store_state_put(rs_db *db, const char *key, const char *json, lb_err *err);

#endif
