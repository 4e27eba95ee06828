/* conn_priv.h — a connection's insides, shared by conn.c (state machine,
 * I/O, dispatch) and parse.c (the http-parser callbacks that fill its
 * request). Nothing outside http/ includes it. */
#ifndef RS_CONN_PRIV_H
#define RS_CONN_PRIV_H
#include <ev.h>
#include <http_parser.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/ctx.h"

typedef enum { C_IDLE, C_READING, C_BUSY } conn_state;


typedef struct rs_conn rs_conn;

struct rs_conn {
    rs_worker *w;
    int fd;
    ev_io rio, wio;
    ev_timer timer;
    http_parser parser;
    lb_buf in, out;
    rs_request req;
    rs_reply rep;
    rs_ctx ctx;
    lb_buf hfield;           /* current header name */
    bool hdr_in_value, hdr_is_auth, hdr_is_expect, hdr_is_tp;
    bool expect_continue;    /* "Expect: 100-continue" seen (curl sends it for bodies > 1 KiB) */
    size_t header_bytes;
    conn_state state;
    bool closing;            /* close once out is flushed */
    bool gone;               /* socket closed while async work is pending */
    bool streaming;
    bool hdr_overflow, body_overflow;
    bool reading_stopped;
    bool idle_bytes;         /* bytes came while idle (a request, or only CR/LF): the
                              * header timeout runs from the first of them */
    size_t accounted;        /* this connection's share of w->unsent */
    char peer[48];           /* client address (ctx_peer) */
    double last_activity, req_started;
    void (*gone_fn)(void *);
    void *gone_arg;
    rs_waiter waiter;        /* parked in w->checkout: waiting for a DB slot */
    ev_timer delay;          /* --inject-delay-us (test-only): the reply waits here */
    bool delayed;            /* this request's reply has had its injected delay */
    lb_node node;            /* in w->conns */
};

/* The one place a connection changes state (conn.c; the table of legal
 * transitions is at the top of conn.c). Asserts in Debug and ASan builds. */
void conn_set_state(rs_conn *c, conn_state to);

/* Backpressure, output accounting, the 5xx log, the peer (flow.c).
 * may_parse: c may parse another request (its unsent output is small);
 * update_reading: start or stop its read watcher to match; account: bring
 * w->unsent up to date after out changed; log_5xx: one stderr line for a
 * 5xx reply (503s at most once a second); peer: fill c->peer at accept. */
bool conn_may_parse(const rs_conn *c);
void conn_update_reading(rs_conn *c);
void conn_account(rs_conn *c);
void conn_log_5xx(rs_conn *c);
void conn_peer(rs_conn *c);

/* The request-filling callbacks (parse.c). */
extern const http_parser_settings conn_parser_settings;

#endif
