/* flow.c — what a connection may take in and what it owes: backpressure
 * (when to parse and read), the worker's unsent-output account, the 5xx
 * log line, the client's address. Split from conn.c, which calls these at
 * each read, write and reply. */
#include <arpa/inet.h>
#include <stdio.h>
#include <sys/socket.h>
#include "conn_priv.h"

#define OUT_HIGH_WATER (256u << 10) /* stop parsing and reading while this much is unsent */
#define IN_HOLD (64u << 10)         /* unparsed input held while a handler works */

/* Backpressure: whether c may parse another request. Not while its client
 * leaves OUT_HIGH_WATER of replies unread, nor, while it has any reply
 * unread, when the worker's unsent output is over --max-output-bytes. A
 * connection whose replies are all sent may always go on, so one slow
 * client cannot stall the others; the total stays below the cap plus one
 * reply per connection. */
bool conn_may_parse(const rs_conn *c)
{
    size_t out = lb_buf_pending(&c->out);
    return out < OUT_HIGH_WATER && (out == 0 || c->w->unsent <= c->w->cfg->max_output_bytes);
}

/* Read only what can be parsed soon: nothing while c may not parse (its
 * client does not read), at most IN_HOLD bytes while a handler holds it;
 * the rest waits in the kernel, which then stops the client's sends (TCP
 * flow control). */
void conn_update_reading(rs_conn *c)
{
    if (c->gone || c->fd < 0)
        return;
    bool want = lb_buf_pending(&c->in) < IN_HOLD && conn_may_parse(c);
    if (want && c->reading_stopped) {
        c->reading_stopped = false;
        ev_io_start(c->w->loop, &c->rio);
    } else if (!want && !c->reading_stopped) {
        c->reading_stopped = true;
        ev_io_stop(c->w->loop, &c->rio);
    }
}

/* Keep w->unsent (every connection's unsent output) up to date. */
void conn_account(rs_conn *c)
{
    size_t now = lb_buf_pending(&c->out);
    c->w->unsent = c->w->unsent - c->accounted + now;
    c->accounted = now;
}

/* Every 5xx goes to stderr with its route and detail (a 500 is a bug to
 * find). 503s are overload, which comes in floods: one line a second, with
 * how many were not shown. */
void conn_log_5xx(rs_conn *c)
{
    static double quiet_until;         /* per worker process */
    static unsigned long long unshown;
    int status = c->rep.status;
    if (status == 503) {
        double now = ev_now(c->w->loop);
        if (now < quiet_until) {
            unshown++;
            return;
        }
        quiet_until = now + 1.0;
    }
    char path[128];
    size_t n = 0;
    for (const char *p = c->req.path ? c->req.path : ""; *p && n < sizeof path - 1; p++)
        path[n++] = *p >= 0x20 && *p < 0x7f ? *p : '?';   /* no control bytes in the log */
    path[n] = '\0';
    int blen = (int)(lb_buf_pending(&c->rep.body) < 200 ? lb_buf_pending(&c->rep.body) : 200);
    fprintf(stderr, "refserver: worker %d: %s %s -> %d %.*s", c->w->index,
            http_method_str((enum http_method)c->req.method), path, status, blen,
            c->rep.body.data ? c->rep.body.data + c->rep.body.off : "");
    if (status == 503 && unshown)
        fprintf(stderr, " (%llu more 503s in the last second not shown)", unshown);
    fputc('\n', stderr);
    if (status == 503)
        unshown = 0;
}

/* The client's address, for per-IP limits (ctx_peer): "local" for a
 * socket without one (a socketpair in tests/fuzz). */
void conn_peer(rs_conn *c)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    snprintf(c->peer, sizeof c->peer, "local");
    if (getpeername(c->fd, (struct sockaddr *)&ss, &sl))
        return;
    if (ss.ss_family == AF_INET)
        inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, c->peer, sizeof c->peer);
    else if (ss.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, c->peer, sizeof c->peer);
}

const char *ctx_peer(const rs_ctx *ctx)
{
    return lb_container_of(ctx, rs_conn, ctx)->peer;
}
