/* ctx.c — a request's database and the pool wait (see ctx.h). */
#include "ctx.h"
#include <stdio.h>
#include "clock.h"
#include "lens/trace_hooks.h"
#include "reply.h"

rs_db *ctx_db_acquire(rs_ctx *ctx)
{
    rs_worker *w = ctx->w;
    if (w->db_slots_free <= 0) {
        /* the leak fault mode drained the pool: the seed's checkout waited
         * pool_timeout, then failed. Slots never come back (a leaked one is
         * gone for good and nothing else takes one), so the wait can only
         * end in this 500: it is decided now, sent by the checkout queue. */
        reply_detail(ctx->rep, 500, "Internal Server Error");
        ctx->checkout_wait = w->cfg->db_checkout_timeout > 0 && !w->draining;
        return NULL;
    }
    rs_db *db = w->db;
    if (w->cfg->db_mode == RS_DB_NAIVE) {
        lb_err err;
        if (!(db = db_open(w->cfg->db_path, RS_DB_NAIVE, &err))) {
            reply_detail(ctx->rep, 500, "Internal Server Error");
            return NULL;
        }
    }
    ctx->db_t0 = clock_mono_ns();
    trace_db_begin(ctx->req->trace, ctx->db_t0);
    return db;
}

void ctx_db_release(rs_ctx *ctx, rs_db *db)
{
    if (ctx->db_t0) {
        ctx->req->phase.db_ns += clock_mono_ns() - ctx->db_t0;
        ctx->db_t0 = 0;
    }
    trace_db_end(ctx->req->trace);
    if (db && db != ctx->w->db)
        db_close(db);
}

static void pool_noop(void *arg)
{
    (void)arg;   /* the seed's work here was a small file read or a Docker ping */
}

static void pool_release(void *arg, bool cancelled)
{
    (void)cancelled;   /* the reply is ready either way */
    ctx_async_done(arg);
}

int ctx_after_pool(rs_ctx *ctx)
{
    if (!ctx->w->cfg->state_on_pool)
        return RS_DONE;
    return pool_submit(ctx->w->pool, pool_noop, pool_release, ctx) ? RS_DONE : RS_ASYNC;
}

int ctx_fail(rs_ctx *ctx, const lb_err *err)
{
    static int reported;
    if (!reported++)
        fprintf(stderr, "refserver: worker %d: %s %s: %s (further errors not shown)\n",
                ctx->w->index, ctx->route ? ctx->route->name : "?", ctx->req->path,
                err ? err->msg : "error");
    if (ctx->rep->status != 500 || ctx->rep->body.len == 0)
        reply_detail(ctx->rep, 500, "Internal Server Error");
    return RS_DONE;
}
