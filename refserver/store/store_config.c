/* store_config.c — the admin writes of /config (users, purge) and the
 * attacker-commands page (decnet-api.md §2; DECNET's sqlmodel_repo.py). */
#include "store.h"
#include <string.h>
#include "query.h"

static int step_changes(rs_db *db, sqlite3_stmt *st, long long *changed, lb_err *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sq_fail(db, err);
    if (changed)
        *changed = sqlite3_changes(db_handle(db));
    return 0;
}

int store_user_delete(rs_db *db, const char *uuid, bool *deleted, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "DELETE FROM users WHERE uuid = ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    long long n = 0;
    int rc = step_changes(db, st, &n, err);
    *deleted = n > 0;
    return rc;
}

int store_user_set_role(rs_db *db, const char *uuid, const char *role, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "UPDATE users SET role = ? WHERE uuid = ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, role, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_TRANSIENT);
    return step_changes(db, st, NULL, err);
}

int store_purge(rs_db *db, long long *logs, long long *bounties, long long *attackers,
                lb_err *err)
{
    static const char *const sql[] = {"DELETE FROM logs", "DELETE FROM bounty",
                                      "DELETE FROM attacker_behavior", "DELETE FROM attackers"};
    long long *out[] = {logs, bounties, NULL, attackers};
    if (db_exec(db, "BEGIN IMMEDIATE", err))
        return -1;
    for (int i = 0; i < 4; i++) {
        sqlite3_stmt *st = db_stmt(db, sql[i], err);
        if (!st || step_changes(db, st, out[i], err)) {
            db_exec(db, "ROLLBACK", NULL);
            return -1;
        }
    }
    if (db_exec(db, "COMMIT", err)) {
        db_exec(db, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
}

int store_attacker_exists(rs_db *db, const char *uuid, bool *found, lb_err *err)
{
    long long n = 0;
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM attackers WHERE uuid = ?", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    *found = n > 0;
    return rc == SQLITE_ROW ? 0 : sq_fail(db, err);
}

/* The commands of one attacker as rows (json_each keeps the list order),
 * filtered on their "service" when service is not NULL. */
#define CMDS_FROM " FROM attackers a, json_each(a.commands) j WHERE a.uuid = ?1 AND " \
    "(?2 IS NULL OR json_extract(j.value, '$.service') = ?2)"

int store_attacker_commands(rs_db *db, const char *uuid, const char *service, long limit,
                            long offset, long long *total, lb_buf *out, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*)" CMDS_FROM, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    if (service)
        sqlite3_bind_text(st, 2, service, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    *total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return sq_fail(db, err);
    st = db_stmt(db, "SELECT j.value" CMDS_FROM " ORDER BY j.key LIMIT ?3 OFFSET ?4", err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    if (service)
        sqlite3_bind_text(st, 2, service, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, limit);
    sqlite3_bind_int64(st, 4, offset);
    int wr = lb_buf_append(out, "[", 1);
    bool first = true;
    while (!wr && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        wr = (!first && lb_buf_append(out, ",", 1)) ||
             lb_buf_append(out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
        first = false;
    }
    sqlite3_reset(st);
    if (wr || lb_buf_append(out, "]", 1))
        return sq_oom(err);
    return rc == SQLITE_DONE ? 0 : sq_fail(db, err);
}
