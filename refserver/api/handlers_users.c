/* handlers_users.c — the admin's user management under /api/v1/config/users
 * (DECNET router/config/api_manage_users.py): create, delete, role,
 * reset-password. The two that hash a password run bcrypt on the worker's
 * pool and answer from the completion, as login does. Every write drops
 * this worker's user caches and /config body (the seed's
 * invalidate_user_cache + invalidate_list_users_cache). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "auth.h"
#include "body.h"
#include "clock.h"
#include "handlers.h"
#include "hutil.h"
#include "reply.h"

static const char *const ROLES[] = {"admin", "viewer", NULL};

/* The {user_uuid} segment: the one after "/api/v1/config/users/". */
static void path_user(const rs_ctx *ctx, char *out, size_t cap)
{
    const char *p = ctx->req->path + strlen("/api/v1/config/users/");
    size_t n = strcspn(p, "/");
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), p);
}

static void users_changed(rs_ctx *ctx)
{
    usercache_clear(&ctx->w->auth_users);
    usercache_clear(&ctx->w->login_users);
    ttl_invalidate(&ctx->w->cache[RS_CACHE_CONFIG]);
}

static int message(rs_ctx *ctx, const char *msg)
{
    return hx_json(ctx, 200, json_pack("{s:s}", "message", msg), -1);
}

/* The user named by the path into u; 0 found, 1 absent (404 set), -1 (500 set). */
static int find_target(rs_ctx *ctx, const char *uuid, rs_user *u)
{
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return -1;
    bool found;
    lb_err err;
    int rc = store_user_get(db, true, uuid, u, &found, &err);
    ctx_db_release(ctx, db);
    if (rc)
        return ctx_fail(ctx, &err), -1;
    if (!found)
        return reply_detail(ctx->rep, 404, "User not found"), 1;
    return 0;
}

/* ---- bcrypt on the pool ---- */

typedef struct hash_job {
    rs_ctx *ctx;
    char password[80];
    int cost;
    bool ok;
    uint64_t ns;
    lb_err err;
    rs_user user;          /* create: the row to insert; reset: the target */
    bool create;
} hash_job;

static void hash_work(void *arg)
{
    hash_job *j = arg;
    uint64_t t0 = clock_mono_ns();
    j->ok = auth_bcrypt_hash(j->password, j->cost, j->user.password_hash, &j->err) == 0;
    j->ns = clock_mono_ns() - t0;
}

/* Store the hashed row and answer (create: the UserResponse; reset: message). */
static void hash_store(rs_ctx *ctx, hash_job *j)
{
    if (!j->ok) {
        ctx_fail(ctx, &j->err);
        return;
    }
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return;
    lb_err err;
    int rc;
    bool dup = false;
    if (j->create) {
        rs_user other;
        /* the name may have been taken while bcrypt ran */
        rc = store_user_get(db, false, j->user.username, &other, &dup, &err);
        if (!rc && !dup)
            rc = store_user_insert(db, &j->user, &err);
    } else {
        rc = store_user_set_password(db, j->user.uuid, j->user.password_hash, true, &err);
    }
    ctx_db_release(ctx, db);
    if (rc) {
        ctx_fail(ctx, &err);
        return;
    }
    if (dup) {
        reply_detail(ctx->rep, 409, "Username already exists");
        return;
    }
    users_changed(ctx);
    if (!j->create) {
        message(ctx, "Password reset successfully");
        return;
    }
    hx_json(ctx, 200, json_pack("{s:s,s:s,s:s,s:b}", "uuid", j->user.uuid, "username",
                                j->user.username, "role", j->user.role,
                                "must_change_password", 1), -1);
}

static void hash_done(void *arg, bool cancelled)
{
    hash_job *j = arg;
    rs_ctx *ctx = j->ctx;
    if (!ctx_gone(ctx)) {
        if (cancelled) {
            ctx->rep->extra_headers = "Retry-After: 1\r\n";
            ctx->rep->close = true;
            reply_detail(ctx->rep, 503, "Server shutting down");
        } else {
            ctx->req->phase.bcrypt_ns += j->ns;
            ctx->w->bcrypt_jobs++;
            ctx->w->bcrypt_ns += j->ns;
            hash_store(ctx, j);
        }
    }
    explicit_bzero(j->password, sizeof j->password);
    free(j);
    ctx_async_done(ctx);
}

static int submit(rs_ctx *ctx, hash_job *j, const char *password)
{
    j->ctx = ctx;
    j->cost = ctx->w->cfg->bcrypt_cost;
    snprintf(j->password, sizeof j->password, "%s", password);
    if (pool_submit(ctx->w->pool, hash_work, hash_done, j) == 0)
        return RS_ASYNC;
    explicit_bzero(j->password, sizeof j->password);
    free(j);
    ctx->rep->extra_headers = "Retry-After: 1\r\n";
    reply_detail(ctx->rep, 503, "Server busy: authentication queue full");
    return RS_DONE;
}

/* A random (version 4) uuid, as the seed's uuid.uuid4(). */
static int uuid4(char out[37])
{
    unsigned char b[16];
    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b)
        return -1;
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
    return 0;
}

int handle_user_create(rs_ctx *ctx)
{
    static const body_field f[] = {
        {.name = "username", .kind = BODY_STR, .required = true, .min_len = 1, .max_len = 64},
        {.name = "password", .kind = BODY_STR, .required = true, .min_len = 8, .max_len = 72},
        {.name = "role", .kind = BODY_STR, .literals = ROLES, .dflt = "viewer"},
    };
    json_t *b;
    if (body_parse(ctx, f, 3, false, &b))
        return RS_DONE;
    hash_job *j = calloc(1, sizeof *j);
    const char *name = json_string_value(json_object_get(b, "username"));
    rs_user existing;
    int found = j ? 1 : -2;
    if (found == 1) {
        rs_db *db = ctx_db_acquire(ctx);
        bool hit = false;
        lb_err err;
        found = !db ? -1 : store_user_get(db, false, name, &existing, &hit, &err) ? -3 : hit;
        ctx_db_release(ctx, db);
        if (found == -3)
            ctx_fail(ctx, &err);
    }
    int rc = RS_DONE;
    if (found == -2)
        ctx_fail(ctx, NULL);
    else if (found == 1)
        reply_detail(ctx->rep, 409, "Username already exists");
    else if (found == 0 && uuid4(j->user.uuid))
        ctx_fail(ctx, NULL);
    else if (found == 0) {
        j->create = true;
        snprintf(j->user.username, sizeof j->user.username, "%s", name);
        snprintf(j->user.role, sizeof j->user.role, "%s",
                 json_string_value(json_object_get(b, "role")));
        j->user.must_change_password = true;
        rc = submit(ctx, j, json_string_value(json_object_get(b, "password")));
        j = NULL;   /* the pool (or submit's failure path) owns it */
    }
    free(j);
    json_decref(b);
    return rc;
}

int handle_user_reset_password(rs_ctx *ctx)
{
    static const body_field f[] = {
        {.name = "new_password", .kind = BODY_STR, .required = true, .min_len = 8,
         .max_len = 72},
    };
    json_t *b;
    if (body_parse(ctx, f, 1, false, &b))
        return RS_DONE;
    char uuid[64];
    path_user(ctx, uuid, sizeof uuid);
    hash_job *j = calloc(1, sizeof *j);
    int rc = RS_DONE;
    if (!j)
        ctx_fail(ctx, NULL);
    else if (find_target(ctx, uuid, &j->user) == 0) {
        rc = submit(ctx, j, json_string_value(json_object_get(b, "new_password")));
        j = NULL;
    }
    free(j);
    json_decref(b);
    return rc;
}

int handle_user_delete(rs_ctx *ctx)
{
    char uuid[64];
    path_user(ctx, uuid, sizeof uuid);
    if (!strcmp(uuid, ctx->user.uuid))
        return reply_detail(ctx->rep, 403, "Cannot delete your own account"), RS_DONE;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return RS_DONE;
    bool deleted = false;
    lb_err err;
    int rc = store_user_delete(db, uuid, &deleted, &err);
    ctx_db_release(ctx, db);
    if (rc)
        return ctx_fail(ctx, &err);
    if (!deleted)
        return reply_detail(ctx->rep, 404, "User not found"), RS_DONE;
    users_changed(ctx);
    return message(ctx, "User deleted");
}

int handle_user_role(rs_ctx *ctx)
{
    static const body_field f[] = {
        {.name = "role", .kind = BODY_STR, .required = true, .literals = ROLES},
    };
    json_t *b;
    if (body_parse(ctx, f, 1, false, &b))
        return RS_DONE;
    char uuid[64];
    path_user(ctx, uuid, sizeof uuid);
    rs_user target;
    int rc = RS_DONE;
    if (!strcmp(uuid, ctx->user.uuid)) {
        reply_detail(ctx->rep, 403, "Cannot change your own role");
    } else if (find_target(ctx, uuid, &target) == 0) {
        rs_db *db = ctx_db_acquire(ctx);
        lb_err err;
        if (db && store_user_set_role(db, uuid, json_string_value(json_object_get(b, "role")),
                                      &err)) {
            ctx_db_release(ctx, db);
            rc = ctx_fail(ctx, &err);
        } else if (db) {
            ctx_db_release(ctx, db);
            users_changed(ctx);
            rc = message(ctx, "User role updated");
        }
    }
    json_decref(b);
    return rc;
}
