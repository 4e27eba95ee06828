/* handlers_logs.c — GET /api/v1/logs and /api/v1/logs/histogram (decnet-api.md §2.4, §2.5). */
#include <limits.h>
#include "handlers.h"
#include "hutil.h"
#include "params.h"
#include "reply.h"

int handle_logs(rs_ctx *ctx)
{
    bool dev = ctx->w->cfg->developer;
    rs_query q;
    if (hx_query(ctx, &q))
        return RS_DONE;
    long limit, offset;
    const char *search = query_opt(&q, "search");
    const char *start = query_opt(&q, "start_time");
    const char *end = query_opt(&q, "end_time");
    if (param_page(&q, &limit, &offset, ctx->rep, dev) ||
        param_maxlen("search", query_get(&q, "search"), 512, ctx->rep, dev)) {
        query_free(&q);
        return RS_DONE;
    }
    rs_where w;
    if (where_logs(&w, search, start, end)) {
        where_free(&w);
        query_free(&q);
        return w.invalid ? reply_detail(ctx->rep, 422, w.invalid) : ctx_fail(ctx, NULL);
    }
    static const hx_list logs = {store_logs_count, store_logs_page, RS_CACHE_LOGS_TOTAL};
    rs_page page = {.w = &w, .limit = limit, .offset = offset};
    int rc = hx_list_reply(ctx, &logs, &page, -1);
    where_free(&w);
    query_free(&q);
    return rc;
}

int handle_histogram(rs_ctx *ctx)
{
    bool dev = ctx->w->cfg->developer;
    rs_query q;
    if (hx_query(ctx, &q))
        return RS_DONE;
    long interval;
    const char *search = query_opt(&q, "search");
    const char *start = query_opt(&q, "start_time");
    const char *end = query_opt(&q, "end_time");
    if (param_int(&q, "interval_minutes", 15, 1, LONG_MAX / 120, &interval, ctx->rep, dev)) {
        query_free(&q);
        return RS_DONE;
    }
    bool dflt = !search && !start && !end && interval == 15;
    if (dflt && hx_cached(ctx, RS_CACHE_HISTOGRAM)) {
        query_free(&q);
        return RS_DONE;
    }
    rs_where w;
    int rc = RS_DONE;
    if (where_logs(&w, search, start, end)) {
        rc = w.invalid ? reply_detail(ctx->rep, 422, w.invalid) : ctx_fail(ctx, NULL);
        goto out;
    }
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        goto out;
    lb_err err;
    json_t *v = hx_histogram(db, &w, interval, &err);
    ctx_db_release(ctx, db);
    rc = v ? hx_json(ctx, 200, v, dflt ? RS_CACHE_HISTOGRAM : -1) : ctx_fail(ctx, &err);
out:
    where_free(&w);
    query_free(&q);
    return rc;
}
