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
    lb_err err;
    if (w->cfg->db_mode == RS_DB_NAIVE) {
        if (!(db = db_open(w->cfg->db_path, RS_DB_NAIVE, &err))) {
            ctx_fail(ctx, &err);
            return NULL;
        }
    } else {
        /* a lost MariaDB connection comes back here, between requests,
         * where no statement of it is in use */
        int r = db_ready(db, &err);
        if (r < 0) {
            ctx_fail(ctx, &err);
            return NULL;
        }
        if (r > 0)
            fprintf(stderr, "refserver: worker %d: database connection restored\n", w->index);
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
    if (err && (err->code == RS_DB_UNAVAILABLE || err->code == RS_DB_RETRY)) {
        /* not a bug: the database server is gone, or kept this write from
         * finishing; the client may retry. Every 5xx is logged (http/flow.c);
         * the cause, which names the server, goes to the log only, at most
         * once a second, never to a client */
        static double logged;
        double now = ev_now(ctx->w->loop);
        if (now - logged >= 1.0) {
            logged = now;
            fprintf(stderr, "refserver: worker %d: %s\n", ctx->w->index, err->msg);
        }
        reply_detail(ctx->rep, 503, err->code == RS_DB_RETRY
                     ? "Database busy: the write was rolled back; retry"
                     : "Database unavailable: the database server cannot be reached; retry "
                       "later");
        return RS_DONE;
    }
    static int reported;
    if (!reported++)
        fprintf(stderr, "refserver: worker %d: %s %s: %s (further errors not shown)\n",
                ctx->w->index, ctx->route ? ctx->route->name : "?", ctx->req->path,
                err ? err->msg : "error");
    if (ctx->rep->status != 500 || ctx->rep->body.len == 0)
        reply_detail(ctx->rep, 500, "Internal Server Error");
    return RS_DONE;
}
