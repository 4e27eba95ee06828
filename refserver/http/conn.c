/* conn.c — connections: read, dispatch, write, time out (parse.c fills the
 * request from http-parser 2.9).
 *
 * A connection is in one of three states, changed only by conn_set_state,
 * which asserts the transition is legal (Debug and ASan builds):
 *
 *   IDLE ----first byte of a request----> READING
 *   READING --message complete: dispatch-> BUSY
 *   IDLE, READING --bad or late request--> BUSY (an error reply, then close)
 *   BUSY ----reply queued / stream ended--> IDLE
 *
 * BUSY covers a handler at work, an async job (bcrypt, the writer), a
 * parked checkout wait and an SSE stream; the flags closing, gone and
 * streaming refine it. Requests on one connection are answered in order. */
#include "conn.h"
#include "conn_priv.h"
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "api/authz.h"
#include "api/reply.h"
#include "clock.h"
#include "lens/reqlog.h"
#include "lens/trace_hooks.h"
#include "respond.h"

#define READ_CHUNK 16384
#define KEEP_CAP (64u << 10)        /* a buffer larger than this is freed once empty, so an
                                     * idle connection does not keep its biggest reply */

static void conn_process(rs_conn *c);
static bool conn_flush(rs_conn *c);
static void conn_free(rs_conn *c);
static void conn_observe(rs_conn *c);

/* The one place a connection changes state (see the table at the top). */
void conn_set_state(rs_conn *c, conn_state to)
{
    static const bool legal[3][3] = {
        [C_IDLE] = {[C_READING] = true, [C_BUSY] = true},
        [C_READING] = {[C_BUSY] = true},
        [C_BUSY] = {[C_IDLE] = true},
    };
    assert(legal[c->state][to]);
    (void)legal;
    c->state = to;
    if (to == C_IDLE)
        c->idle_bytes = false;   /* the next request's header clock starts afresh */
}

static rs_conn *conn_of(const rs_ctx *ctx)
{
    return lb_container_of(ctx, rs_conn, ctx);
}

/* The Date header value for now (formatted at most once per second). */
static const char *conn_date(rs_worker *w)
{
    long now = (long)ev_now(w->loop);
    if (now != w->date_sec) {
        w->date_sec = now;
        respond_date(now, w->date, sizeof w->date);
    }
    return w->date;
}

/* ----------------------------------------------------------------- output */

static void conn_close(rs_conn *c)
{
    if (c->gone)
        return;
    if (checkout_parked(&c->waiter)) {
        /* left while waiting for a DB slot: it held none, so nothing leaks;
         * unparked and freed now rather than at the timeout */
        conn_free(c);
        return;
    }
    /* fault mode (pre-fb69a06): a client that leaves while its request is
     * in flight orphans the request's DB connection for good */
    if (c->state == C_BUSY && c->w->cfg->leak_on_disconnect && c->w->db_slots_free > 0)
        c->w->db_slots_free--;
    if (c->state == C_BUSY && c->streaming) {
        conn_observe(c);   /* an SSE client leaving is how a stream normally ends */
        if (c->gone_fn)
            c->gone_fn(c->gone_arg);
        conn_free(c);
        return;
    }
    if (c->state == C_BUSY) {
        /* async work still holds c: detach the socket now, free on completion */
        c->gone = true;
        ev_io_stop(c->w->loop, &c->rio);
        ev_io_stop(c->w->loop, &c->wio);
        ev_timer_stop(c->w->loop, &c->timer);
        close(c->fd);
        c->fd = -1;
        return;
    }
    conn_free(c);
}

/* Write what is queued. Returns false when c was freed (callers must not
 * touch it then). A write error while a handler still owns c (a stream)
 * only shuts the socket down: the read watcher then sees EOF and closes c
 * from a safe place. */
static bool conn_flush_out(rs_conn *c);

static bool conn_flush(rs_conn *c)
{
    if (!conn_flush_out(c))
        return false;   /* freed: conn_free took its share off w->unsent */
    conn_account(c);
    conn_update_reading(c);
    return true;
}

static bool conn_flush_out(rs_conn *c)
{
    if (c->gone)
        return true;
    while (lb_buf_pending(&c->out)) {
        ssize_t n = write(c->fd, c->out.data + c->out.off, lb_buf_pending(&c->out));
        if (n > 0) {
            lb_buf_consume(&c->out, (size_t)n);
            c->last_activity = ev_now(c->w->loop);   /* progress: not idle */
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            ev_io_start(c->w->loop, &c->wio);
            return true;
        }
        /* EPIPE/ECONNRESET: the client is gone */
        if (c->state == C_BUSY) {
            lb_buf_clear(&c->out);
            ev_io_stop(c->w->loop, &c->wio);
            shutdown(c->fd, SHUT_RDWR);
            lb_buf_clear(&c->in);   /* reading resumes: the EOF must be seen to free c */
            return true;
        }
        conn_close(c);
        return false;
    }
    ev_io_stop(c->w->loop, &c->wio);
    if (c->out.cap > KEEP_CAP)
        lb_buf_free(&c->out);
    if (c->closing && c->state != C_BUSY) {
        shutdown(c->fd, SHUT_WR);
        conn_free(c);
        return false;
    }
    return true;
}

/* Queue the reply in c->rep and become ready for the next request. */
static void conn_finish(rs_conn *c)
{
    uint64_t t0 = clock_mono_ns();
    if (c->rep.status >= 500)
        conn_log_5xx(c);
    /* appending never reclaims the sent front of out: without this a client
     * that reads slowly grows it by a whole reply each time */
    if (c->out.off)
        lb_buf_compact(&c->out);
    bool keep = c->req.keep_alive && !c->rep.close && !c->w->draining;
    if (respond_format(&c->out, &c->rep, keep, c->parser.http_major == 1 &&
                       c->parser.http_minor == 0, conn_date(c->w),
                       c->req.method == HTTP_HEAD))
        keep = false;
    if (!keep)
        c->closing = true;
    if (c->rep.body.cap > KEEP_CAP)   /* copied into out: do not keep a second copy */
        lb_buf_free(&c->rep.body);
    conn_set_state(c, C_IDLE);
    c->last_activity = ev_now(c->w->loop);
    c->req.phase.write_ns = clock_mono_ns() - t0;
    phase_add(&c->w->phase_sum, &c->req.phase);
}

/* The request is answered (or its stream ended): hand it to the tracing and
 * per-request profiling lenses. Requests refused before routing (conn_fail)
 * are not recorded: they have no route. */
static void conn_observe(rs_conn *c)
{
    trace_request_end(c->req.trace, c->rep.status);
    if (c->w->reqlog)
        reqlog_add(c->w->reqlog, http_method_str((enum http_method)c->req.method),
                   c->ctx.route ? c->ctx.route->pattern : "(no route)", c->rep.status,
                   c->req.t_start, &c->req.phase);
}

/* An error reply that also ends the connection (400, 408, 413, 431). */
static void conn_fail(rs_conn *c, int status, const char *detail)
{
    c->rep.status = status;
    c->rep.content_type = NULL;
    c->rep.extra_headers = NULL;
    c->rep.close = true;
    reply_detail(&c->rep, status, detail);
    conn_set_state(c, C_BUSY);
    conn_finish(c);
    c->closing = true;
    lb_buf_clear(&c->in);
}

/* ---------------------------------------------------------------- dispatch */

/* The reply is final: send it and go on with the next request. */
static void conn_resume(rs_conn *c)
{
    conn_finish(c);
    conn_observe(c);
    conn_process(c);
}

/* The request found no free DB slot (ctx_db_acquire): its reply is ready
 * but waits in the checkout queue. The connection stays busy, so pipelined
 * requests behind it wait too, as they would behind the seed's handler. */
static bool conn_park(rs_conn *c)
{
    if (!c->ctx.checkout_wait)
        return false;
    c->ctx.checkout_wait = false;
    checkout_park(&c->w->checkout, &c->waiter, c);
    return true;
}

void conn_checkout_answer(rs_waiter *wt)
{
    rs_conn *c = wt->owner;
    uint64_t now = clock_mono_ns();
    /* the wait is DB time: the seed spent it inside the session's checkout */
    c->req.phase.db_ns += now - wt->t0;
    trace_child_at(c->req.trace, "db.pool.checkout", OTEL_KIND_INTERNAL, wt->t0, now);
    if (c->w->draining) {
        /* shutdown cut the wait short: the request did not fail, the server
         * left; tell the client to retry (as queued bcrypt jobs are told) */
        c->rep.extra_headers = "Retry-After: 1\r\n";
        c->rep.close = true;
        reply_detail(&c->rep, 503, "Server shutting down");
    }
    conn_resume(c);
}

/* --inject-delay-us (test-only, for the regression gate's own tests): a
 * finished reply waits on a timer, so the worker's loop keeps serving other
 * connections; the request is delayed, the server is not blocked. */
static void on_delay(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    rs_conn *c = t->data;
    ctx_async_done(&c->ctx);
}

static bool conn_delay(rs_conn *c)
{
    const rs_config *cfg = c->w->cfg;
    const rs_route *r = c->ctx.route;
    if (cfg->inject_delay_us <= 0 || !r || c->delayed || c->gone)
        return false;
    if (cfg->inject_delay_route && strcmp(cfg->inject_delay_route, r->pattern) &&
        strcmp(cfg->inject_delay_route, r->name))
        return false;
    c->delayed = true;
    ev_timer_init(&c->delay, on_delay, (double)cfg->inject_delay_us / 1e6, 0.0);
    c->delay.data = c;
    ev_timer_start(c->w->loop, &c->delay);
    return true;
}

static void conn_dispatch(rs_conn *c)
{
    rs_worker *w = c->w;
    w->requests++;
    conn_set_state(c, C_BUSY);
    c->rep.status = 200;
    c->rep.content_type = NULL;
    c->rep.extra_headers = NULL;
    c->rep.close = false;
    lb_buf_clear(&c->rep.body);
    memset(&c->ctx, 0, sizeof c->ctx);
    c->ctx.w = w;
    c->ctx.req = &c->req;
    c->ctx.rep = &c->rep;
    int status;
    /* HEAD is GET without the body (RFC 9110 §9.3.2), except for the stream */
    int method = c->req.method == HTTP_HEAD ? HTTP_GET : c->req.method;
    const rs_route *r = router_match(method, c->req.path, &status);
    if (r && c->req.method == HTTP_HEAD && r->auth == RS_AUTH_STREAM) {
        r = NULL;
        status = 405;
    }
    c->ctx.route = r;
    c->delayed = false;
    trace_request_dispatch(c->req.trace, http_method_str((enum http_method)c->req.method),
                           r ? r->pattern : NULL, r ? r->name : NULL, c->req.path,
                           c->req.t_start);
    if (!r) {
        reply_detail(&c->rep, status, status == 404 ? "Not Found" : "Method Not Allowed");
    } else {
        if (authz_check(&c->ctx) == 0) {
            int rc = r->handler(&c->ctx);
            if (rc == RS_ASYNC)
                return;
            if (rc == RS_STREAM) {
                c->streaming = true;
                return;
            }
        }
    }
    if (conn_delay(c) || conn_park(c))
        return;
    conn_finish(c);
    conn_observe(c);
}

static void conn_process(rs_conn *c)
{
    while (!c->gone && c->state != C_BUSY && !c->closing && lb_buf_pending(&c->in) &&
           conn_may_parse(c)) {
        size_t avail = lb_buf_pending(&c->in);
        size_t n = http_parser_execute(&c->parser, &conn_parser_settings,
                                       c->in.data + c->in.off, avail);
        lb_buf_consume(&c->in, n);
        enum http_errno e = HTTP_PARSER_ERRNO(&c->parser);
        if (e == HPE_PAUSED) {
            http_parser_pause(&c->parser, 0);
            conn_dispatch(c);
            continue;
        }
        if (e != HPE_OK) {
            if (c->hdr_overflow || e == HPE_HEADER_OVERFLOW)
                conn_fail(c, 431, "Request Header Fields Too Large");
            else if (c->body_overflow)
                conn_fail(c, 413, "Request Entity Too Large");
            else
                conn_fail(c, 400, "Bad Request");
            break;
        }
        if (c->parser.upgrade) {   /* no protocol switching here */
            conn_fail(c, 400, "Bad Request");
            break;
        }
    }
    if (!c->gone)
        lb_buf_compact(&c->in);
    conn_flush(c);
}

/* ---------------------------------------------------------------- events */

static void on_read(struct ev_loop *loop, ev_io *io, int revents)
{
    (void)revents;
    rs_conn *c = io->data;
    if (lb_buf_reserve(&c->in, READ_CHUNK)) {
        conn_close(c);
        return;
    }
    ssize_t n = read(c->fd, c->in.data + c->in.len, c->in.cap - c->in.len - 1);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        conn_close(c);
        return;
    }
    if (n < 0)
        return;
    c->in.len += (size_t)n;
    c->last_activity = ev_now(loop);
    if (c->state == C_IDLE && !c->idle_bytes) {
        /* bytes while idle start the header clock, whatever they are: a
         * client sending only CR/LF (skipped by http-parser, never a
         * request) is cut at --header-timeout, not kept alive by them */
        c->idle_bytes = true;
        c->req_started = ev_now(loop);
    }
    if (c->state != C_BUSY)
        conn_process(c);
    else
        conn_update_reading(c);
}

static void on_write(struct ev_loop *loop, ev_io *io, int revents)
{
    (void)loop;
    (void)revents;
    rs_conn *c = io->data;
    if (!conn_flush(c))
        return;
    if (c->gone || c->state == C_BUSY || c->closing || lb_buf_pending(&c->out))
        return;
    if (lb_buf_pending(&c->in))   /* the client read our replies: go on */
        conn_process(c);
}

static void on_timer(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_conn *c = t->data;
    const rs_config *cfg = c->w->cfg;
    double now = ev_now(loop);
    double deadline;
    bool stalled_write = lb_buf_pending(&c->out) > 0;
    if (stalled_write)
        deadline = c->last_activity + cfg->idle_timeout;   /* a client that stopped reading */
    else if (c->state == C_BUSY)
        deadline = now + cfg->idle_timeout;        /* handler at work: no timeout */
    else if (c->state == C_READING || c->idle_bytes)
        deadline = c->req_started + cfg->header_timeout;
    else
        deadline = c->last_activity + cfg->idle_timeout;
    if (now < deadline) {
        t->repeat = deadline - now;
        ev_timer_again(loop, t);
        return;
    }
    if (stalled_write) {
        conn_close(c);   /* streams and pending jobs are detached safely there */
    } else if (c->state == C_READING || c->idle_bytes) {
        conn_fail(c, 408, "Request Timeout");
        conn_flush(c);
    } else {
        conn_free(c);
    }
}

/* ---------------------------------------------------------------- lifecycle */


void conn_accept(rs_worker *w, int fd)
{
    rs_conn *c = calloc(1, sizeof *c);
    if (!c) {
        close(fd);
        return;
    }
    c->w = w;
    c->fd = fd;
    conn_peer(c);
    c->req.trace = trace_conn_new(w->tracer);
    http_parser_init(&c->parser, HTTP_REQUEST);
    c->parser.data = c;
    ev_io_init(&c->rio, on_read, fd, EV_READ);
    ev_io_init(&c->wio, on_write, fd, EV_WRITE);
    c->rio.data = c->wio.data = c;
    ev_init(&c->timer, on_timer);
    c->timer.data = c;
    c->timer.repeat = w->cfg->idle_timeout < w->cfg->header_timeout ? w->cfg->idle_timeout
                                                                    : w->cfg->header_timeout;
    c->last_activity = ev_now(w->loop);
    ev_timer_again(w->loop, &c->timer);
    ev_io_start(w->loop, &c->rio);
    lb_list_push(&w->conns, &c->node);
}

static void conn_free(rs_conn *c)
{
    rs_worker *w = c->w;
    ev_io_stop(w->loop, &c->rio);
    ev_io_stop(w->loop, &c->wio);
    ev_timer_stop(w->loop, &c->timer);
    ev_timer_stop(w->loop, &c->delay);
    if (c->fd >= 0)
        close(c->fd);
    lb_list_remove(&w->conns, &c->node);
    w->unsent -= c->accounted;
    checkout_remove(&w->checkout, &c->waiter);
    lb_buf_free(&c->in);
    lb_buf_free(&c->out);
    lb_buf_free(&c->req.url);
    lb_buf_free(&c->req.auth);
    lb_buf_free(&c->req.body);
    lb_buf_free(&c->rep.body);
    lb_buf_free(&c->hfield);
    trace_conn_free(c->req.trace);
    free(c);
}

void ctx_async_done(rs_ctx *ctx)
{
    rs_conn *c = conn_of(ctx);
    if (c->gone) {
        conn_free(c);
        return;
    }
    if (conn_delay(c) || conn_park(c))
        return;
    conn_resume(c);
}

bool ctx_gone(const rs_ctx *ctx)
{
    return conn_of(ctx)->gone;
}

int ctx_stream_raw(rs_ctx *ctx, const char *data, size_t n)
{
    rs_conn *c = conn_of(ctx);
    if (lb_buf_append(&c->out, data, n))
        return -1;
    conn_flush(c);
    return 0;
}

int ctx_stream_chunk(rs_ctx *ctx, const char *data, size_t n)
{
    rs_conn *c = conn_of(ctx);
    if (n == 0)
        return 0;
    if (lb_buf_printf(&c->out, "%zx\r\n", n) || lb_buf_append(&c->out, data, n) ||
        lb_buf_append(&c->out, "\r\n", 2))
        return -1;
    conn_flush(c);
    return 0;
}

void ctx_stream_end(rs_ctx *ctx, bool close_after)
{
    rs_conn *c = conn_of(ctx);
    c->streaming = false;
    c->gone_fn = NULL;
    c->ctx.checkout_wait = false;   /* a poll found no slot: the stream ends, nobody waits */
    lb_buf_append(&c->out, "0\r\n\r\n", 5);
    conn_set_state(c, C_IDLE);
    c->last_activity = ev_now(c->w->loop);
    conn_observe(c);
    if (close_after || !c->req.keep_alive || c->w->draining)
        c->closing = true;
    conn_process(c);
}

void ctx_on_gone(rs_ctx *ctx, void (*fn)(void *arg), void *arg)
{
    rs_conn *c = conn_of(ctx);
    c->gone_fn = fn;
    c->gone_arg = arg;
}

void conn_drain_all(rs_worker *w)
{
    lb_node *nd = w->conns.head;
    while (nd) {
        rs_conn *c = lb_container_of(nd, rs_conn, node);
        nd = nd->next;   /* c may be freed below */
        if (c->state == C_IDLE && !c->gone && lb_buf_pending(&c->out) == 0)
            conn_free(c);
        else
            c->closing = c->state == C_IDLE ? true : c->closing;
    }
}

void conn_close_all(rs_worker *w)
{
    while (w->conns.head) {
        rs_conn *c = lb_container_of(w->conns.head, rs_conn, node);
        if (c->streaming && c->gone_fn)
            c->gone_fn(c->gone_arg);
        conn_free(c);
    }
}
