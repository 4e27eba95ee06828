/* handlers_lists.c — /api/v1/attackers (+ detail, commands), /api/v1/bounty,
 * /api/v1/deckies (decnet-api.md §2.6–§2.8, §8). */
#include <stdio.h>
#include <string.h>
#include "handlers.h"
#include "hutil.h"
#include "params.h"
#include "reply.h"

static const char SORT_PATTERN[] = "^(recent|active|traversals)$";

int handle_attackers(rs_ctx *ctx)
{
    bool dev = ctx->w->cfg->developer;
    rs_query q;
    if (hx_query(ctx, &q))
        return RS_DONE;
    long limit, offset;
    rs_attacker_sort sort = RS_SORT_RECENT;
    const char *sort_by = query_get(&q, "sort_by");
    int rc = RS_DONE;
    rs_where w = {0};
    if (param_page(&q, &limit, &offset, ctx->rep, dev))
        goto out;
    if (sort_by) {
        if (!strcmp(sort_by, "recent")) sort = RS_SORT_RECENT;
        else if (!strcmp(sort_by, "active")) sort = RS_SORT_ACTIVE;
        else if (!strcmp(sort_by, "traversals")) sort = RS_SORT_TRAVERSALS;
        else {
            char msg[96];
            snprintf(msg, sizeof msg, "String should match pattern '%s'", SORT_PATTERN);
            reply_invalid(ctx->rep, dev, "string_pattern_mismatch", "query", "sort_by", msg,
                            sort_by, "pattern", json_string(SORT_PATTERN));
            goto out;
        }
    }
    if (store_attackers_where(&w, query_opt(&q, "search"), query_opt(&q, "service"))) {
        reply_detail(ctx->rep, 500, "Internal Server Error");
        goto out;
    }
    static const hx_list attackers = {store_attackers_count, store_attackers_page,
                                      RS_CACHE_ATTACKERS_TOTAL};
    rs_page page = {.w = &w, .limit = limit, .offset = offset, .sort = sort,
                    .n_plus_one = ctx->w->cfg->n_plus_one};
    rc = hx_list_reply(ctx, &attackers, &page, -1);
out:
    where_free(&w);
    query_free(&q);
    return rc;
}

/* The uuid segment of /api/v1/attackers/{uuid}[/commands], copied to out. */
static void path_uuid(const char *path, char *out, size_t cap)
{
    const char *p = path + strlen("/api/v1/attackers/");
    size_t n = strcspn(p, "/");
    if (n >= cap)
        n = cap - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

/* The attacker named by the path into out; false with the reply set (404
 * or 500) when there is none. */
static bool load_attacker(rs_ctx *ctx, lb_buf *out)
{
    char uuid[64];
    path_uuid(ctx->req->path, uuid, sizeof uuid);
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return false;
    bool found = false;
    lb_err err;
    int rc = store_attacker_get(db, uuid, out, &found, &err);
    ctx_db_release(ctx, db);
    if (rc)
        ctx_fail(ctx, &err);
    else if (!found)
        reply_detail(ctx->rep, 404, "Attacker not found");
    return rc == 0 && found;
}

int handle_attacker_detail(rs_ctx *ctx)
{
    if (load_attacker(ctx, &ctx->rep->body))
        ctx->rep->status = 200;
    return RS_DONE;
}

/* limit 1..200 here (the lists take 1..1000), offset as the lists, and a
 * service filter; the envelope of the lists. */
int handle_attacker_commands(rs_ctx *ctx)
{
    bool dev = ctx->w->cfg->developer;
    rs_query q;
    if (hx_query(ctx, &q))
        return RS_DONE;
    long limit, offset;
    int rc = RS_DONE;
    if (param_int(&q, "limit", 50, 1, 200, &limit, ctx->rep, dev) ||
        param_int(&q, "offset", 0, 0, 2147483647L, &offset, ctx->rep, dev))
        goto out;
    char uuid[64];
    path_uuid(ctx->req->path, uuid, sizeof uuid);
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        goto out;
    bool found = false;
    long long total = 0;
    lb_buf rows = {0};
    lb_err err;
    int src = store_attacker_exists(db, uuid, &found, &err);
    if (!src && found)
        src = store_attacker_commands(db, uuid, query_opt(&q, "service"), limit, offset,
                                      &total, &rows, &err);
    ctx_db_release(ctx, db);
    if (src)
        rc = ctx_fail(ctx, &err);
    else if (!found)
        reply_detail(ctx->rep, 404, "Attacker not found");
    else
        rc = hx_page_reply(ctx, total, &(rs_page){.limit = limit, .offset = offset}, &rows, -1);
    lb_buf_free(&rows);
out:
    query_free(&q);
    return rc;
}

int handle_bounty(rs_ctx *ctx)
{
    bool dev = ctx->w->cfg->developer;
    rs_query q;
    if (hx_query(ctx, &q))
        return RS_DONE;
    long limit, offset;
    int rc = RS_DONE;
    rs_where w = {0};
    if (param_page(&q, &limit, &offset, ctx->rep, dev))
        goto out;
    const char *btype = query_opt(&q, "bounty_type");
    const char *search = query_opt(&q, "search");
    bool dflt = !btype && !search && limit == 50 && offset == 0;
    if (dflt && hx_cached(ctx, RS_CACHE_BOUNTY))
        goto out;
    if (store_bounty_where(&w, btype, search)) {
        reply_detail(ctx->rep, 500, "Internal Server Error");
        goto out;
    }
    /* the default page is cached whole (above); no total cache here */
    static const hx_list bounty = {store_bounty_count, store_bounty_page, -1};
    rs_page page = {.w = &w, .limit = limit, .offset = offset};
    rc = hx_list_reply(ctx, &bounty, &page, dflt ? RS_CACHE_BOUNTY : -1);
out:
    where_free(&w);
    query_free(&q);
    return rc;
}

int handle_deckies(rs_ctx *ctx)
{
    if (hx_cached(ctx, RS_CACHE_DECKIES))
        return RS_DONE;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return RS_DONE;
    lb_buf b = {0};
    bool found;
    lb_err err;
    int src = store_state_get(db, "deckies", &b, &found, &err);
    ctx_db_release(ctx, db);
    if (src) {
        lb_buf_free(&b);
        return ctx_fail(ctx, &err);
    }
    json_t *v = found ? json_loads(b.data, 0, NULL) : NULL;
    lb_buf_free(&b);
    if (!json_is_array(v)) {
        json_decref(v);
        v = json_array();   /* no state: the seed answers [] without decnet-state.json */
    }
    hx_json(ctx, 200, v, RS_CACHE_DECKIES);
    return ctx_after_pool(ctx);
}
