/* handlers_misc.c — /healthz, /api/v1/stats, /api/v1/health, /api/v1/config
 * (decnet-api.md §2.3, §2.9, §2.10 and §7). */
#include <string.h>
#include "handlers.h"
#include "hutil.h"
#include "reply.h"
#include "store/writer.h"

int handle_healthz(rs_ctx *ctx)
{
    static const char body[] = "{\"status\":\"ok\"}";
    reply_raw(ctx->rep, 200, body, sizeof body - 1);
    return RS_DONE;
}

int handle_stats(rs_ctx *ctx)
{
    if (hx_cached(ctx, RS_CACHE_STATS))
        return RS_DONE;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return RS_DONE;
    lb_err err;
    json_t *v = hx_stats(db, &err);
    ctx_db_release(ctx, db);
    if (!v)
        return ctx_fail(ctx, &err);
    hx_json(ctx, 200, v, RS_CACHE_STATS);
    return ctx_after_pool(ctx);
}

static json_t *component(const char *status, const char *detail)
{
    return json_pack("{s:s,s:s?}", "status", status, "detail", detail);
}

/* refserver's own components: the database probe (cached 1 s as in the
 * seed), the write path and the worker set. */
int handle_health(rs_ctx *ctx)
{
    rs_worker *w = ctx->w;
    rs_ttl *probe = &w->cache[RS_CACHE_HEALTH];
    bool db_ok = true;
    char detail[LB_ERR_LEN] = "";
    bool missed = !ttl_fresh(probe, ev_now(w->loop));
    if (missed) {
        rs_db *db = ctx_db_acquire(ctx);
        long long n = 0;
        lb_err err;
        rs_where all = {0};
        if (!db || store_logs_count(db, &all, &n, &err)) {
            db_ok = false;
            snprintf(detail, sizeof detail, "%s", db ? err.msg : "no database connection");
        } else {
            ttl_put_number(probe, ev_now(w->loop), n);
        }
        ctx_db_release(ctx, db);
    }
    char wdetail[160], kdetail[64];
    if (w->writer) {
        unsigned long long batches, rows;
        writer_stats(w->writer, &batches, &rows);
        snprintf(wdetail, sizeof wdetail, "batched: %llu rows in %llu commits", rows, batches);
    } else {
        snprintf(wdetail, sizeof wdetail, "%s", config_db_mode_name(w->cfg->db_mode));
    }
    snprintf(kdetail, sizeof kdetail, "%d worker%s", w->cfg->workers,
             w->cfg->workers == 1 ? "" : "s");
    json_t *comps = json_object();
    json_object_set_new(comps, "database", component(db_ok ? "ok" : "failing",
                                                     db_ok ? NULL : detail));
    json_object_set_new(comps, "writer", component("ok", wdetail));
    json_object_set_new(comps, "workers", component("ok", kdetail));
    json_t *v = json_pack("{s:s,s:o}", "status", db_ok ? "healthy" : "unhealthy",
                          "components", comps);
    hx_json(ctx, db_ok ? 200 : 503, v, -1);
    return missed ? ctx_after_pool(ctx) : RS_DONE;
}

static json_t *state_obj(rs_db *db, const char *key, lb_err *err, bool *fail)
{
    lb_buf b = {0};
    bool found;
    json_t *v = NULL;
    if (store_state_get(db, key, &b, &found, err))
        *fail = true;
    else if (found)
        v = json_loads(b.data, 0, NULL);
    lb_buf_free(&b);
    return json_is_object(v) ? v : (json_decref(v), json_object());
}

int handle_config(rs_ctx *ctx)
{
    bool admin = !strcmp(ctx->user.role, "admin");
    /* the cache holds the admin body; viewers are rare and built uncached */
    if (admin && hx_cached(ctx, RS_CACHE_CONFIG))
        return RS_DONE;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return RS_DONE;
    lb_err err;
    bool fail = false;
    json_t *limits = state_obj(db, "config_limits", &err, &fail);
    json_t *globals = fail ? json_object() : state_obj(db, "config_globals", &err, &fail);
    json_t *users = json_array();
    if (!fail && admin && store_users_list(db, users, &err))
        fail = true;
    ctx_db_release(ctx, db);
    json_t *lim = json_object_get(limits, "deployment_limit");
    json_t *gmi = json_object_get(globals, "global_mutation_interval");
    json_t *v = json_object();
    json_object_set_new(v, "role", json_string(ctx->user.role));
    json_object_set_new(v, "deployment_limit",
                        json_is_integer(lim) ? json_incref(lim) : json_integer(10));
    json_object_set_new(v, "global_mutation_interval",
                        json_is_string(gmi) ? json_incref(gmi) : json_string("30m"));
    if (admin)
        json_object_set(v, "users", users);
    if (admin && ctx->w->cfg->developer)   /* the seed shows it to admins only */
        json_object_set_new(v, "developer_mode", json_true());
    json_decref(limits);
    json_decref(globals);
    json_decref(users);
    if (fail) {
        json_decref(v);
        return ctx_fail(ctx, &err);
    }
    return hx_json(ctx, 200, v, admin ? RS_CACHE_CONFIG : -1);
}
