/* store_users.c — users and state rows (decnet-api.md §2.1, §2.2, §2.9). */
#include "store.h"
#include <stdio.h>
#include <string.h>
#include "query.h"

static void copy_col(char *dst, size_t cap, rs_stmt *st, int i)
{
    const char *s = db_col_text(st, i);
    snprintf(dst, cap, "%s", s ? s : "");
}

int store_user_get(rs_db *db, bool by_uuid, const char *key, rs_user *u, bool *found,
                   lb_err *err)
{
    rs_stmt *st = db_stmt(db, by_uuid
        ? "SELECT uuid, username, password_hash, role, must_change_password FROM users "
          "WHERE uuid = ?"
        : "SELECT uuid, username, password_hash, role, must_change_password FROM users "
          "WHERE username = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, key);
    int rc = db_step(st);
    *found = rc == RS_STEP_ROW;
    if (*found) {
        copy_col(u->uuid, sizeof u->uuid, st, 0);
        copy_col(u->username, sizeof u->username, st, 1);
        copy_col(u->password_hash, sizeof u->password_hash, st, 2);
        copy_col(u->role, sizeof u->role, st, 3);
        u->must_change_password = db_col_int(st, 4) != 0;
    }
    db_reset(st);
    return rc == RS_STEP_ROW || rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

int store_users_list(rs_db *db, json_t *arr, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "SELECT uuid, username, role, must_change_password "
                                   "FROM users ORDER BY rowid", err);
    if (!st)
        return -1;
    int rc;
    while ((rc = db_step(st)) == RS_STEP_ROW)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:b}",
            "uuid", db_col_text(st, 0),
            "username", db_col_text(st, 1),
            "role", db_col_text(st, 2),
            "must_change_password", db_col_int(st, 3)));
    db_reset(st);
    return rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

int store_user_insert(rs_db *db, const rs_user *u, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "INSERT INTO users (uuid, username, password_hash, role, "
                                   "must_change_password) VALUES (?, ?, ?, ?, ?)", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, u->uuid);
    db_bind_text(st, 2, u->username);
    db_bind_text(st, 3, u->password_hash);
    db_bind_text(st, 4, u->role);
    db_bind_int(st, 5, u->must_change_password);
    int rc = db_step(st);
    db_reset(st);
    return rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

int store_user_set_password(rs_db *db, const char *uuid, const char *hash, bool must_change,
                            lb_err *err)
{
    rs_stmt *st = db_stmt(db, "UPDATE users SET password_hash = ?, "
                                   "must_change_password = ? WHERE uuid = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, hash);
    db_bind_int(st, 2, must_change);
    db_bind_text(st, 3, uuid);
    int rc = db_step(st);
    db_reset(st);
    return rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

int store_state_get(rs_db *db, const char *key, lb_buf *out, bool *found, lb_err *err)
{
    lb_buf_clear(out);
    rs_stmt *st = db_stmt(db, "SELECT value FROM state WHERE `key` = ?", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, key);
    int rc = db_step(st);
    *found = rc == RS_STEP_ROW;
    if (*found && lb_buf_append(out, db_col_text(st, 0),
                             db_col_bytes(st, 0))) {
        db_reset(st);
        return lb_err_set(err, "out of memory");
    }
    db_reset(st);
    return rc == RS_STEP_ROW || rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}

int store_state_put(rs_db *db, const char *key, const char *json, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "REPLACE INTO state (`key`, value) VALUES (?, ?)", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, key);
    db_bind_text(st, 2, json);
    int rc = db_step(st);
    db_reset(st);
    return rc == RS_STEP_DONE ? 0 : sq_fail(db, err);
}
