/* hutil.c — handler helpers (see hutil.h). */
#include "hutil.h"
#include <stdio.h>
#include "clock.h"
#include "params.h"
#include "reply.h"
#include "lens/trace_hooks.h"

bool hx_cached(rs_ctx *ctx, rs_cache_id id)
{
    uint64_t t0 = clock_mono_ns();
    rs_ttl *t = &ctx->w->cache[id];
    bool hit = ttl_fresh(t, ev_now(ctx->w->loop));
    if (hit)
        reply_raw(ctx->rep, 200, t->body.data, t->body.len);
    else if (t->enabled)
        trace_cache_miss(ctx->req->trace, id);
    ctx->req->phase.cache_ns += clock_mono_ns() - t0;
    return hit;
}

int hx_json(rs_ctx *ctx, int status, json_t *v, int cache_id)
{
    uint64_t t0 = clock_mono_ns();
    if (reply_json(ctx->rep, status, v) == 0 && cache_id >= 0) {
        ttl_put_body(&ctx->w->cache[cache_id], ev_now(ctx->w->loop), ctx->rep->body.data,
                     ctx->rep->body.len);
        trace_cache_stored(ctx->req->trace);
    }
    ctx->req->phase.serialize_ns += clock_mono_ns() - t0;
    return RS_DONE;
}

int hx_page_reply(rs_ctx *ctx, long long total, const rs_page *p, const lb_buf *rows,
                  int cache_id)
{
    uint64_t t0 = clock_mono_ns();
    lb_buf *b = &ctx->rep->body;
    lb_buf_clear(b);
    ctx->rep->status = 200;
    if (lb_buf_printf(b, "{\"total\":%lld,\"limit\":%ld,\"offset\":%ld,\"data\":", total,
                      p->limit, p->offset) || lb_buf_append(b, rows->data, rows->len) ||
        lb_buf_append(b, "}", 1))
        return ctx_fail(ctx, NULL);
    if (cache_id >= 0) {
        ttl_put_body(&ctx->w->cache[cache_id], ev_now(ctx->w->loop), b->data, b->len);
        trace_cache_stored(ctx->req->trace);
    }
    ctx->req->phase.serialize_ns += clock_mono_ns() - t0;
    return RS_DONE;
}

int hx_list_reply(rs_ctx *ctx, const hx_list *l, const rs_page *p, int body_cache)
{
    /* a filtered total is counted every time, as the seed did: only the
     * plain total is worth caching (and a filter's count never lands there) */
    bool filtered = p->w->sql.len > 0;
    rs_ttl *tc = l->total_cache >= 0 ? &ctx->w->cache[l->total_cache] : NULL;
    bool hit = false;
    if (tc) {
        uint64_t t0 = clock_mono_ns();
        hit = !filtered && ttl_fresh(tc, ev_now(ctx->w->loop));
        ctx->req->phase.cache_ns += clock_mono_ns() - t0;
    }
    rs_db *db = ctx_db_acquire(ctx);
    if (!db)
        return RS_DONE;   /* the reply (500) is set */
    long long total = hit ? tc->number : 0;
    lb_buf rows = {0};
    lb_err err;
    int src = hit ? 0 : l->count(db, p->w, &total, &err);
    if (!src && !hit && tc && !filtered)
        ttl_put_number(tc, ev_now(ctx->w->loop), total);
    if (!src)
        src = l->page(db, p, &rows, &err);
    ctx_db_release(ctx, db);
    int rc = src ? ctx_fail(ctx, &err) : hx_page_reply(ctx, total, p, &rows, body_cache);
    lb_buf_free(&rows);
    return rc;
}

int hx_query(rs_ctx *ctx, void *q)
{
    if (query_parse(q, ctx->req->query)) {
        reply_detail(ctx->rep, 500, "Internal Server Error");
        return -1;
    }
    return 0;
}

json_t *hx_stats(rs_db *db, lb_err *err)
{
    rs_where all = {0};
    long long total, ips;
    long long deckies = 0;
    if (store_logs_count(db, &all, &total, err) || store_logs_distinct_ips(db, &ips, err))
        return NULL;
    lb_buf b = {0};
    bool found;
    if (store_state_get(db, "deckies", &b, &found, err)) {
        lb_buf_free(&b);
        return NULL;
    }
    if (found) {
        json_t *arr = json_loads(b.data, 0, NULL);
        deckies = json_is_array(arr) ? (long long)json_array_size(arr) : 0;
        json_decref(arr);
    }
    lb_buf_free(&b);
    return json_pack("{s:I,s:I,s:I,s:I}", "total_logs", total, "unique_attackers", ips,
                     "active_deckies", deckies, "deployed_deckies", deckies);
}

json_t *hx_histogram(rs_db *db, const rs_where *w, long interval, lb_err *err)
{
    json_t *arr = json_array();
    if (store_histogram(db, w, interval, arr, err)) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}
