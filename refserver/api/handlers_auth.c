/* handlers_auth.c — POST /api/v1/auth/login and /auth/change-password
 * (decnet-api.md §2.1, §2.2). bcrypt runs on the worker's pool; the reply is
 * sent from the completion on the loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "auth.h"
#include "authz.h"
#include "body.h"
#include "clock.h"
#include "handlers.h"
#include "hutil.h"
#include "reply.h"
#include "throttle.h"
#include "lens/trace_hooks.h"

#define TOKEN_TTL (24 * 3600)   /* exp = now + 1440 min */

/* Both bodies are two required strings of at most 72 characters (bcrypt's
 * limit), validated by body_parse as the seed's pydantic models are. */
#define PW_FIELD(n) {.name = (n), .kind = BODY_STR, .required = true, .max_len = 72}

/* ---- login ---- */

typedef struct login_job {
    rs_ctx *ctx;
    char password[80];
    char username[300];    /* <= 72 characters of UTF-8, for the throttle */
    rs_user user;
    bool known;            /* false: checked against a dummy hash, always refused */
    bool ok;
    uint64_t t0;           /* when the pool thread started (for the bcrypt span) */
    uint64_t ns, cpu_ns;   /* wall time on the pool thread, and its CPU time */
} login_job;

/* CPU time of the calling thread: with more pool threads than cores the
 * wall time of a bcrypt check includes waiting for a core. */
static uint64_t thread_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void login_work(void *arg)
{
    login_job *j = arg;
    uint64_t t0 = clock_mono_ns(), c0 = thread_cpu_ns();
    /* an unknown username costs the same bcrypt check as a wrong password
     * (the dummy hash has the configured cost), so the answer's timing does
     * not tell which usernames exist */
    bool ok = auth_bcrypt_check(j->password, j->user.password_hash);
    j->ok = j->known && ok;
    j->t0 = t0;
    j->ns = clock_mono_ns() - t0;
    j->cpu_ns = thread_cpu_ns() - c0;
}

/* A bcrypt job dropped at shutdown: the client is told to retry elsewhere. */
static void reply_shutting_down(rs_ctx *ctx)
{
    ctx->rep->extra_headers = "Retry-After: 1\r\n";
    ctx->rep->close = true;
    reply_detail(ctx->rep, 503, "Server shutting down");
}

static void login_done(void *arg, bool cancelled)
{
    login_job *j = arg;
    rs_ctx *ctx = j->ctx;
    if (cancelled) {
        if (!ctx_gone(ctx))
            reply_shutting_down(ctx);
        explicit_bzero(j->password, sizeof j->password);
        free(j);
        ctx_async_done(ctx);
        return;
    }
    ctx->req->phase.bcrypt_ns += j->ns;
    trace_child_at(ctx->req->trace, "bcrypt.verify", OTEL_KIND_INTERNAL, j->t0, j->t0 + j->ns);
    ctx->w->bcrypt_jobs++;
    ctx->w->bcrypt_ns += j->cpu_ns;
    if (!j->ok && ctx->w->login_throttle) {
        double now = ev_now(ctx->w->loop);
        throttle_fail(ctx->w->login_throttle, 'i', ctx_peer(ctx), now);
        throttle_fail(ctx->w->login_throttle, 'u', j->username, now);
    }
    if (!ctx_gone(ctx)) {
        char token[1024];
        lb_err err;
        if (!j->ok) {
            reply_unauthorized(ctx->rep, "Incorrect username or password");
        } else if (auth_jwt_issue(ctx->w->cfg->jwt_secret, j->user.uuid, time(NULL), TOKEN_TTL,
                                  token, sizeof token, &err)) {
            ctx_fail(ctx, &err);
        } else {
            hx_json(ctx, 200, json_pack("{s:s,s:s,s:b}", "access_token", token, "token_type",
                                        "bearer", "must_change_password",
                                        j->user.must_change_password), -1);
        }
    }
    explicit_bzero(j->password, sizeof j->password);
    free(j);
    ctx_async_done(ctx);
}

static int submit_or_busy(rs_ctx *ctx, pool_work_fn work, pool_done_fn done, void *job)
{
    if (pool_submit(ctx->w->pool, work, done, job) == 0)
        return RS_ASYNC;
    free(job);
    ctx->rep->extra_headers = "Retry-After: 1\r\n";
    reply_detail(ctx->rep, 503, "Server busy: authentication queue full");
    return RS_DONE;
}

/* 429 when the client's IP or the username has failed too often (before
 * any database or bcrypt work, and even for the right password: the
 * window must end before guessing goes on). True when refused. */
static bool login_throttled(rs_ctx *ctx, const char *username)
{
    rs_throttle *t = ctx->w->login_throttle;
    if (!t)
        return false;
    double now = ev_now(ctx->w->loop);
    long wi = throttle_wait(t, 'i', ctx_peer(ctx), now);
    long wu = throttle_wait(t, 'u', username, now);
    long wait = wi > wu ? wi : wu;
    if (!wait)
        return false;
    /* the reply is formatted before this worker's loop runs anything else */
    static char retry[48];
    snprintf(retry, sizeof retry, "Retry-After: %ld\r\n", wait);
    ctx->rep->extra_headers = retry;
    char detail[96];
    snprintf(detail, sizeof detail, "Too many failed login attempts; retry after %ld s", wait);
    reply_detail(ctx->rep, 429, detail);
    return true;
}

int handle_login(rs_ctx *ctx)
{
    static const body_field fields[] = {PW_FIELD("username"), PW_FIELD("password")};
    json_t *body;
    if (body_parse(ctx, fields, 2, false, &body))
        return RS_DONE;
    const char *username = json_string_value(json_object_get(body, "username"));
    if (login_throttled(ctx, username)) {
        json_decref(body);
        return RS_DONE;
    }
    login_job *j = calloc(1, sizeof *j);
    if (!j) {
        json_decref(body);
        return ctx_fail(ctx, NULL);
    }
    j->ctx = ctx;
    snprintf(j->password, sizeof j->password, "%s",
             json_string_value(json_object_get(body, "password")));
    snprintf(j->username, sizeof j->username, "%s", username);
    /* by name, through the 5 s positive-only login cache when it is on */
    int found = authz_find_user(ctx, &ctx->w->login_users, false, username, &j->user);
    json_decref(body);
    if (found < 0) {
        free(j);
        return RS_DONE;
    }
    j->known = found == 0;
    if (!j->known)   /* a well-formed hash of the configured cost that no password matches */
        snprintf(j->user.password_hash, sizeof j->user.password_hash,
                 "$2b$%02d$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
                 ctx->w->cfg->bcrypt_cost);
    return submit_or_busy(ctx, login_work, login_done, j);
}

/* ---- change-password ---- */

typedef struct chpw_job {
    rs_ctx *ctx;
    char old_pw[80], new_pw[80];
    char hash[AUTH_HASH_MAX];
    int cost;
    bool ok, hashed;
    uint64_t t0, ns, cpu_ns;   /* pool-thread start, wall and CPU time */
} chpw_job;

static void chpw_work(void *arg)
{
    chpw_job *j = arg;
    uint64_t t0 = clock_mono_ns(), c0 = thread_cpu_ns();
    j->ok = auth_bcrypt_check(j->old_pw, j->hash);
    if (j->ok) {
        lb_err err;
        j->hashed = auth_bcrypt_hash(j->new_pw, j->cost, j->hash, &err) == 0;
    }
    j->t0 = t0;
    j->ns = clock_mono_ns() - t0;
    j->cpu_ns = thread_cpu_ns() - c0;
}

static void chpw_done(void *arg, bool cancelled)
{
    chpw_job *j = arg;
    rs_ctx *ctx = j->ctx;
    if (cancelled) {
        if (!ctx_gone(ctx))
            reply_shutting_down(ctx);
        explicit_bzero(j, sizeof *j);
        free(j);
        ctx_async_done(ctx);
        return;
    }
    rs_worker *w = ctx->w;
    ctx->req->phase.bcrypt_ns += j->ns;
    trace_child_at(ctx->req->trace, "bcrypt.verify+hash", OTEL_KIND_INTERNAL, j->t0, j->t0 + j->ns);
    w->bcrypt_jobs++;
    w->bcrypt_ns += j->cpu_ns;
    lb_err err;
    if (!j->ok) {
        if (!ctx_gone(ctx))
            reply_unauthorized(ctx->rep, "Incorrect old password");
    } else if (!j->hashed) {
        if (!ctx_gone(ctx))
            ctx_fail(ctx, NULL);
    } else {
        rs_db *db = ctx_db_acquire(ctx);
        int rc = db ? store_user_set_password(db, ctx->user.uuid, j->hash, false, &err) : -1;
        ctx_db_release(ctx, db);
        usercache_clear(&w->auth_users);
        usercache_clear(&w->login_users);
        ttl_invalidate(&w->cache[RS_CACHE_CONFIG]);
        if (!ctx_gone(ctx)) {
            if (rc)
                ctx_fail(ctx, db ? &err : NULL);
            else
                hx_json(ctx, 200, json_pack("{s:s}", "message", "Password updated successfully"),
                        -1);
        }
    }
    explicit_bzero(j, sizeof *j);
    free(j);
    ctx_async_done(ctx);
}

int handle_change_password(rs_ctx *ctx)
{
    static const body_field fields[] = {PW_FIELD("old_password"), PW_FIELD("new_password")};
    json_t *body;
    if (body_parse(ctx, fields, 2, false, &body))
        return RS_DONE;
    chpw_job *j = calloc(1, sizeof *j);
    if (!j) {
        json_decref(body);
        return ctx_fail(ctx, NULL);
    }
    j->ctx = ctx;
    j->cost = ctx->w->cfg->bcrypt_cost;
    snprintf(j->old_pw, sizeof j->old_pw, "%s",
             json_string_value(json_object_get(body, "old_password")));
    snprintf(j->new_pw, sizeof j->new_pw, "%s",
             json_string_value(json_object_get(body, "new_password")));
    snprintf(j->hash, sizeof j->hash, "%s", ctx->user.password_hash);
    json_decref(body);
    return submit_or_busy(ctx, chpw_work, chpw_done, j);
}
