/* handlers_stream.c — GET /api/v1/stream, the dashboard's SSE feed (decnet-api.md §2.11).
 *
 * Three uncached reads before the headers (max id, stats, histogram), then
 * ": keepalive", a stats and a histogram frame, then one poll per second:
 * new logs -> a logs frame plus fresh stats and histogram; otherwise stats
 * and histogram every 10th pass. maxOutput (developer mode only) ends the
 * response after that many passes. */
#include <limits.h>
#include <stdlib.h>
#include "handlers.h"
#include "hutil.h"
#include "params.h"
#include "reply.h"

typedef struct stream {
    rs_ctx *ctx;
    ev_timer tick;
    rs_where where;
    long long last_id;
    long max_output;    /* < 0: unlimited */
    long passes;
    ev_timer expire;    /* the token's exp: the stream ends there */
} stream;

static const char SSE_HEADERS[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
    "Cache-Control: no-cache\r\nX-Accel-Buffering: no\r\nTransfer-Encoding: chunked\r\n\r\n";

static void stream_free(stream *s)
{
    ev_timer_stop(s->ctx->w->loop, &s->tick);
    ev_timer_stop(s->ctx->w->loop, &s->expire);
    where_free(&s->where);
    free(s);
}

static void on_gone(void *arg)
{
    stream_free(arg);
}

/* Send one "event: message" frame whose data is {"type":type,"data":v}. */
static int send_frame(stream *s, const char *type, json_t *v)
{
    if (!v)
        return -1;
    lb_buf b = {0};
    json_t *msg = json_pack("{s:s,s:o}", "type", type, "data", v);
    int rc = lb_buf_puts(&b, "event: message\ndata: ") || reply_dump(&b, msg) ||
             lb_buf_puts(&b, "\n\n") || ctx_stream_chunk(s->ctx, b.data, b.len);
    json_decref(msg);
    lb_buf_free(&b);
    return rc ? -1 : 0;
}

/* The same frame with data already serialised (log rows). */
static int send_raw_frame(stream *s, const char *type, const lb_buf *data)
{
    lb_buf b = {0};
    int rc = lb_buf_printf(&b, "event: message\ndata: {\"type\":\"%s\",\"data\":", type) ||
             lb_buf_append(&b, data->data, data->len) || lb_buf_puts(&b, "}\n\n") ||
             ctx_stream_chunk(s->ctx, b.data, b.len);
    lb_buf_free(&b);
    return rc ? -1 : 0;
}

static int send_summary(stream *s, rs_db *db, lb_err *err)
{
    if (send_frame(s, "stats", hx_stats(db, err)))
        return -1;
    return send_frame(s, "histogram", hx_histogram(db, &s->where, 15, err));
}

static void finish(stream *s, bool error)
{
    if (error)
        ctx_stream_chunk(s->ctx, "event: error\ndata: {\"type\":\"error\",\"message\":"
                          "\"Stream interrupted\"}\n\n", 69);
    rs_ctx *ctx = s->ctx;
    stream_free(s);
    ctx_stream_end(ctx, error);
}

/* Auth is checked once, at connect: without this a stream would outlive
 * its token by as long as the client cares to listen. */
static void on_expire(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    stream *s = t->data;
    rs_ctx *ctx = s->ctx;
    stream_free(s);
    ctx_stream_end(ctx, true);   /* the token is dead, and the connection with it */
}

static void on_tick(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    stream *s = t->data;
    rs_ctx *ctx = s->ctx;
    if (ctx->w->draining) {
        finish(s, false);
        return;
    }
    s->passes++;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db) {
        finish(s, true);
        return;
    }
    lb_err err;
    lb_buf rows = {0};
    size_t n = 0;
    int rc = store_logs_after(db, &s->where, s->last_id, 50, &rows, &s->last_id, &n, &err);
    if (!rc && n)
        rc = send_raw_frame(s, "logs", &rows) || send_summary(s, db, &err);
    else if (!rc && s->passes % 10 == 0)
        rc = send_summary(s, db, &err);
    lb_buf_free(&rows);
    ctx_db_release(ctx, db);
    if (rc)
        finish(s, true);
    else if (s->max_output >= 0 && s->passes >= s->max_output)
        finish(s, false);
}

int handle_stream(rs_ctx *ctx)
{
    bool dev = ctx->w->cfg->developer;
    rs_query q;
    if (hx_query(ctx, &q))
        return RS_DONE;
    long last_id, max_output = -1;
    if (param_int(&q, "lastEventId", 0, LONG_MIN, LONG_MAX, &last_id, ctx->rep, dev) ||
        (query_get(&q, "maxOutput") &&
         param_int(&q, "maxOutput", -1, LONG_MIN, LONG_MAX, &max_output, ctx->rep, dev))) {
        query_free(&q);
        return RS_DONE;
    }
    stream *s = calloc(1, sizeof *s);
    if (!s || where_logs(&s->where, query_opt(&q, "search"), query_opt(&q, "start_time"),
                         query_opt(&q, "end_time"))) {
        query_free(&q);
        const char *invalid = s ? s->where.invalid : NULL;
        if (s)
            where_free(&s->where);
        free(s);
        return invalid ? reply_detail(ctx->rep, 422, invalid) : ctx_fail(ctx, NULL);
    }
    query_free(&q);
    s->ctx = ctx;
    s->last_id = last_id;
    s->max_output = dev ? max_output : -1;
    rs_db *db = ctx_db_acquire(ctx);
    if (!db) {
        where_free(&s->where);
        free(s);
        return RS_DONE;
    }
    lb_err err;
    int rc = last_id == 0 ? store_logs_max_id(db, &s->last_id, &err) : 0;
    json_t *stats = rc ? NULL : hx_stats(db, &err);
    json_t *hist = stats ? hx_histogram(db, &s->where, 15, &err) : NULL;
    ctx_db_release(ctx, db);
    if (!hist) {
        json_decref(stats);
        where_free(&s->where);
        free(s);
        return ctx_fail(ctx, &err);
    }
    ev_init(&s->tick, on_tick);
    s->tick.data = s;
    s->tick.repeat = 1.0;
    double left = (double)ctx->token_exp - ev_now(ctx->w->loop);
    ev_timer_init(&s->expire, on_expire, left > 0 ? left : 0, 0);
    s->expire.data = s;
    ctx_on_gone(s->ctx, on_gone, s);
    /* a client that vanishes during these writes is noticed by the read
     * watcher later, which calls on_gone: s stays valid until then */
    ctx_stream_raw(s->ctx, SSE_HEADERS, sizeof SSE_HEADERS - 1);
    ctx_stream_chunk(s->ctx, ": keepalive\n\n", 13);
    send_frame(s, "stats", stats);
    send_frame(s, "histogram", hist);
    ev_timer_again(ctx->w->loop, &s->tick);
    ev_timer_start(ctx->w->loop, &s->expire);
    return RS_STREAM;
}
