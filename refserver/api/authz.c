/* authz.c — bearer-token checks per route level, with the auth-user cache knob. */
#include "authz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "auth.h"
#include "clock.h"
#include "hutil.h"
#include "params.h"
#include "reply.h"
#include "store/store.h"

static const char CREDS[] = "Could not validate credentials";

/* auth_jwt_verify through the worker's token cache. 0 with uuid and *exp
 * filled, or -1. */
static int verify_cached(rs_worker *w, const char *tok, char *uuid, size_t cap, long *exp_out)
{
    time_t now = time(NULL);
    long exp;
    if (w->tokens && tokencache_get(w->tokens, tok, uuid, cap, &exp)) {
        *exp_out = exp;
        return exp > (long)now ? 0 : -1;
    }
    lb_err err;
    if (auth_jwt_verify_exp(w->cfg->jwt_secret, tok, now, uuid, cap, &exp, &err))
        return -1;
    if (w->tokens)
        tokencache_put(w->tokens, tok, uuid, exp);
    *exp_out = exp;
    return 0;
}

int authz_find_user(rs_ctx *ctx, rs_usercache *cache, bool by_uuid, const char *key,
                    rs_user *out)
{
    double now = ev_now(ctx->w->loop);
    if (cache && usercache_get(cache, key, now, out))
        return 0;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return -1;
    bool found;
    lb_err err;
    int rc = store_user_get(db, by_uuid, key, out, &found, &err);
    ctx_db_release(ctx, db);
    if (rc) {
        ctx_fail(ctx, &err);
        return -1;
    }
    if (!found)
        return 1;
    if (cache)
        usercache_put(cache, key, out, now);
    return 0;
}

int authz_check(rs_ctx *ctx)
{
    rs_auth_level level = ctx->route->auth;
    if (level == RS_AUTH_NONE)
        return 0;
    uint64_t t0 = clock_mono_ns();
    char *qtoken = NULL;
    const char *tok = auth_bearer(ctx->req->auth.data);
    if (!tok && level == RS_AUTH_STREAM) {
        rs_query q;
        if (query_parse(&q, ctx->req->query) == 0) {
            const char *t = query_get(&q, "token");
            if (t && *t)
                qtoken = strdup(t);
            query_free(&q);
        }
        tok = qtoken;
    }
    int rc = -1;
    char uuid[64];
    if (!tok || verify_cached(ctx->w, tok, uuid, sizeof uuid, &ctx->token_exp)) {
        reply_unauthorized(ctx->rep, CREDS);
        goto out;
    }
    /* change-password uses the uncached get_user_by_uuid in the seed */
    bool cacheable = level != RS_AUTH_TOKEN && ctx->w->cfg->auth_user_cache;
    int found = authz_find_user(ctx, cacheable ? &ctx->w->auth_users : NULL, true, uuid,
                                &ctx->user);
    if (found < 0)
        goto out;
    if (found > 0) {
        if (level == RS_AUTH_STREAM)
            reply_detail(ctx->rep, 403, "Insufficient permissions");
        else
            reply_unauthorized(ctx->rep, CREDS);
        goto out;
    }
    bool admin = !strcmp(ctx->user.role, "admin");
    bool viewer = admin || !strcmp(ctx->user.role, "viewer");
    if ((level == RS_AUTH_VIEWER || level == RS_AUTH_ADMIN) && ctx->user.must_change_password) {
        reply_detail(ctx->rep, 403, "Password change required before accessing this resource");
        goto out;
    }
    if ((level == RS_AUTH_ADMIN && !admin) || (level != RS_AUTH_TOKEN && !viewer)) {
        reply_detail(ctx->rep, 403, "Insufficient permissions");
        goto out;
    }
    rc = 0;
out:
    free(qtoken);
    ctx->req->phase.auth_ns += clock_mono_ns() - t0;
    return rc;
}
