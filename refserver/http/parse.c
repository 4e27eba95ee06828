/* parse.c — the http-parser 2.9 callbacks that fill a connection's request:
 * URL, the Authorization, Expect and traceparent headers, the body; header
 * and body limits (431, 413) are flagged here and answered by conn.c. At
 * each complete message the parser pauses, so one request is dispatched at
 * a time and replies stay in order. */
#include <string.h>
#include <strings.h>
#include "clock.h"
#include "conn_priv.h"
#include "lens/trace_hooks.h"

static int on_message_begin(http_parser *p)
{
    rs_conn *c = p->data;
    lb_buf_clear(&c->req.url);
    lb_buf_clear(&c->req.auth);
    lb_buf_clear(&c->req.body);
    lb_buf_clear(&c->hfield);
    c->hdr_in_value = c->hdr_is_auth = c->hdr_is_expect = c->expect_continue = false;
    c->header_bytes = 0;
    memset(&c->req.phase, 0, sizeof c->req.phase);
    c->req.t_start = clock_mono_ns();
    trace_request_begin(c->req.trace);
    /* the header clock runs from the first byte, even when that byte was a
     * CR/LF that http-parser skips before the request line */
    if (!c->idle_bytes)
        c->req_started = ev_now(c->w->loop);
    conn_set_state(c, C_READING);
    return 0;
}

static int count_header(rs_conn *c, size_t n)
{
    c->header_bytes += n;
    if (c->header_bytes > c->w->cfg->max_header_bytes) {
        c->hdr_overflow = true;
        return -1;
    }
    return 0;
}

static int on_url(http_parser *p, const char *at, size_t n)
{
    rs_conn *c = p->data;
    return count_header(c, n) || lb_buf_append(&c->req.url, at, n) ? -1 : 0;
}

static int on_header_field(http_parser *p, const char *at, size_t n)
{
    rs_conn *c = p->data;
    if (count_header(c, n))
        return -1;
    if (c->hdr_in_value) {
        lb_buf_clear(&c->hfield);
        c->hdr_in_value = false;
    }
    return lb_buf_append(&c->hfield, at, n) ? -1 : 0;
}

static int on_header_value(http_parser *p, const char *at, size_t n)
{
    rs_conn *c = p->data;
    if (count_header(c, n))
        return -1;
    if (!c->hdr_in_value) {
        c->hdr_in_value = true;
        c->hdr_is_auth = c->hfield.len == 13 && !strcasecmp(c->hfield.data, "authorization");
        c->hdr_is_expect = c->hfield.len == 6 && !strcasecmp(c->hfield.data, "expect");
        c->hdr_is_tp = trace_is_traceparent(c->req.trace, c->hfield.data, c->hfield.len);
        if (c->hdr_is_auth)
            lb_buf_clear(&c->req.auth);
    }
    if (c->hdr_is_expect && n >= 12 && !strncasecmp(at, "100-continue", 12))
        c->expect_continue = true;
    if (c->hdr_is_tp)
        trace_header_value(c->req.trace, at, n);
    return c->hdr_is_auth && lb_buf_append(&c->req.auth, at, n) ? -1 : 0;
}

static int on_headers_complete(http_parser *p)
{
    rs_conn *c = p->data;
    if (p->flags & F_UPGRADE)   /* no protocol switching here: 400, close (conn.c) */
        return -1;
    if ((p->flags & F_CONTENTLENGTH) && p->content_length > c->w->cfg->max_body_bytes) {
        c->body_overflow = true;
        return -1;
    }
    if (lb_buf_puts(&c->req.url, "") || lb_buf_puts(&c->req.auth, ""))
        return -1;
    char *u = c->req.url.data;
    char *qm = strchr(u, '?');
    if (qm)
        *qm = '\0';
    c->req.path = u;
    c->req.query = qm ? qm + 1 : u + c->req.url.len;
    /* strip a fragment if a client sent one */
    char *hash = strchr(c->req.query, '#');
    if (hash)
        *hash = '\0';
    c->req.method = p->method;
    /* the body is acceptable (size checked above): tell the client to send it */
    if (c->expect_continue && lb_buf_puts(&c->out, "HTTP/1.1 100 Continue\r\n\r\n"))
        return -1;
    return 0;
}

static int on_body(http_parser *p, const char *at, size_t n)
{
    rs_conn *c = p->data;
    if (c->req.body.len + n > c->w->cfg->max_body_bytes) {
        c->body_overflow = true;
        return -1;
    }
    return lb_buf_append(&c->req.body, at, n) ? -1 : 0;
}

static int on_message_complete(http_parser *p)
{
    rs_conn *c = p->data;
    c->req.keep_alive = http_should_keep_alive(p);
    if (lb_buf_puts(&c->req.body, ""))
        return -1;
    c->req.phase.parse_ns = clock_mono_ns() - c->req.t_start;
    http_parser_pause(p, 1);   /* one request at a time: replies stay in order */
    return 0;
}

const http_parser_settings conn_parser_settings = {
    .on_message_begin = on_message_begin,
    .on_url = on_url,
    .on_header_field = on_header_field,
    .on_header_value = on_header_value,
    .on_headers_complete = on_headers_complete,
    .on_body = on_body,
    .on_message_complete = on_message_complete,
};
