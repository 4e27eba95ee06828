/* store_config.c — the admin writes of /config (users, purge) and the
 * attacker-commands page (decnet-api.md §2; DECNET's sqlmodel_repo.py). */
#include "store.h"
#include <stdlib.h>
#include <string.h>
#include "query.h"

static int step_changes(rs_db *db, rs_stmt *st, long long *changed, lb_err *err)
{
    int rc = db_step(st);
    db_reset(st);
    if (rc != RS_STEP_DONE)
        return sq_fail(db, err);
    if (changed)
        *changed = db_changes(db);
    return 0;
}

int store_user_delete(rs_db *db, const char *uuid, bool *deleted, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "DELETE FROM users WHERE uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    long long n = 0;
    int rc = step_changes(db, st, &n, err);
    *deleted = n > 0;
    return rc;
}

int store_user_set_role(rs_db *db, const char *uuid, const char *role, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "UPDATE users SET role = ? WHERE uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, role);
    db_bind_text(st, 2, uuid);
    return step_changes(db, st, NULL, err);
}

int store_purge(rs_db *db, long long *logs, long long *bounties, long long *attackers,
                lb_err *err)
{
    static const char *const sql[] = {"DELETE FROM logs", "DELETE FROM bounty",
                                      "DELETE FROM attacker_behavior", "DELETE FROM attackers"};
    long long *out[] = {logs, bounties, NULL, attackers};
    if (db_begin(db, err))
        return -1;
    for (int i = 0; i < 4; i++) {
        rs_stmt *st = db_stmt(db, sql[i], err);
        if (!st || step_changes(db, st, out[i], err)) {
            db_rollback(db);
            return -1;
        }
    }
    if (db_commit(db, err)) {
        db_rollback(db);
        return -1;
    }
    return 0;
}

int store_attacker_exists(rs_db *db, const char *uuid, bool *found, lb_err *err)
{
    long long n = 0;
    rs_stmt *st = db_stmt(db, "SELECT count(*) FROM attackers WHERE uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    int rc = db_step(st);
    if (rc == RS_STEP_ROW)
        n = db_col_int(st, 0);
    db_reset(st);
    *found = n > 0;
    return rc == RS_STEP_ROW ? 0 : sq_fail(db, err);
}

/* The attacker's commands array, filtered and paged here: SQLite's
 * json_each and MariaDB's JSON_TABLE share no spelling. */
int store_attacker_commands(rs_db *db, const char *uuid, const char *service, long limit,
                            long offset, long long *total, lb_buf *out, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "SELECT commands FROM attackers WHERE uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, uuid);
    int rc = db_step(st);
    json_t *all = rc == RS_STEP_ROW && db_col_text(st, 0) ? json_loads(db_col_text(st, 0), 0, NULL)
                                                        : NULL;
    db_reset(st);
    if (rc < 0)
        return sq_fail(db, err);
    *total = 0;
    int wr = lb_buf_append(out, "[", 1);
    size_t i;
    json_t *c;
    json_array_foreach(all, i, c) {
        const char *svc = json_string_value(json_object_get(c, "service"));
        if (service && (!svc || strcmp(svc, service)))
            continue;
        long long k = (*total)++;
        if (wr || k < offset || k >= offset + limit)
            continue;
        char *text = json_dumps(c, JSON_COMPACT | JSON_ENCODE_ANY);
        wr = !text || (k > offset && lb_buf_append(out, ",", 1)) || lb_buf_puts(out, text);
        free(text);
    }
    json_decref(all);
    return wr || lb_buf_append(out, "]", 1) ? sq_oom(err) : 0;
}
