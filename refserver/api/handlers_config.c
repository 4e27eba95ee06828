/* handlers_config.c — the admin's configuration writes (DECNET
 * router/config/api_update_config.py, api_reinit.py): deployment limit,
 * global mutation interval, and the developer-mode purge. Each drops the
 * caches of this worker that show what it changed; other workers see it
 * when their own TTL runs out, as each of the seed's workers did. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "body.h"
#include "handlers.h"
#include "hutil.h"
#include "reply.h"

/* Write one state row from a validated body; answer {"message": msg}. */
static int put_state(rs_ctx *ctx, const char *key, json_t *value, const char *msg)
{
    char *text = json_dumps(value, JSON_COMPACT);
    json_decref(value);
    rs_db *db = text ? ctx_db_acquire(ctx) : NULL;
    if (!db) {
        free(text);
        return text ? RS_DONE : ctx_fail(ctx, NULL);
    }
    lb_err err;
    int rc = store_state_put(db, key, text, &err);
    ctx_db_release(ctx, db);
    free(text);
    if (rc)
        return ctx_fail(ctx, &err);
    ttl_invalidate(&ctx->w->cache[RS_CACHE_CONFIG]);
    return hx_json(ctx, 200, json_pack("{s:s}", "message", msg), -1);
}

int handle_deployment_limit(rs_ctx *ctx)
{
    static const body_field f[] = {
        {.name = "deployment_limit", .kind = BODY_INT, .required = true, .lo = 1, .hi = 500},
    };
    json_t *b;
    if (body_parse(ctx, f, 1, false, &b))
        return RS_DONE;
    return put_state(ctx, "config_limits", b, "Deployment limit updated");
}

int handle_global_mutation_interval(rs_ctx *ctx)
{
    static const body_field f[] = {
        {.name = "global_mutation_interval", .kind = BODY_STR, .required = true,
         .match = body_is_duration, .pattern = BODY_DURATION_PATTERN},
    };
    json_t *b;
    if (body_parse(ctx, f, 1, false, &b))
        return RS_DONE;
    return put_state(ctx, "config_globals", b, "Global mutation interval updated");
}

int handle_reinit(rs_ctx *ctx)
{
    if (!ctx->w->cfg->developer)
        return reply_detail(ctx->rep, 403, "Developer mode is not enabled"), RS_DONE;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return RS_DONE;
    long long logs = 0, bounties = 0, attackers = 0;
    lb_err err;
    int rc = store_purge(db, &logs, &bounties, &attackers, &err);
    ctx_db_release(ctx, db);
    if (rc)
        return ctx_fail(ctx, &err);
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_invalidate(&ctx->w->cache[i]);
    return hx_json(ctx, 200, json_pack("{s:s,s:{s:I,s:I,s:I}}", "message", "Data purged",
                                       "deleted", "logs", logs, "bounties", bounties,
                                       "attackers", attackers), -1);
}
