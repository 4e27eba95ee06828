/* worker_conn.h — a --worker's link to its Locust master: one ZeroMQ DEALER
 * socket (identity = node id) on a libev loop, plus a socket monitor that
 * reports the TCP connection coming and going. It knows ZeroMQ and libev;
 * the protocol's states are worker.c's.
 *
 * ZeroMQ's ZMQ_FD is edge-triggered and also changes on sends, so incoming
 * messages are drained both from its ev_io and before every loop block
 * (ev_prepare), as libzmq's documentation asks. */
#ifndef LG_WORKER_CONN_H
#define LG_WORKER_CONN_H
#include <ev.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum { WC_CONNECTED, WC_DISCONNECTED } wc_event;

typedef struct wk_conn {
    /* set by the caller before wc_open */
    struct ev_loop *loop;
    const char *endpoint;       /* tcp://host:port */
    const char *node_id;
    void *owner;
    void (*on_message)(void *owner, const void *data, size_t len);
    void (*on_event)(void *owner, wc_event ev);
    /* private */
    void *zctx, *sock, *mon;
    ev_io sock_io, mon_io;
    ev_prepare drain;
} wk_conn;

/* Create the context (first call), the socket and its monitor, connect, and
 * start watching. 0, or -1 with a message logged. */
int wc_open(wk_conn *c);
/* Close the socket (pending sends get 1 s); wc_open may be called again,
 * with the same identity (the master's "reconnect"). */
void wc_close(wk_conn *c);
/* wc_close, then end the context. */
void wc_free(wk_conn *c);
/* Send one message without blocking: false when it could not go out now
 * (no connection yet: ZMQ_IMMEDIATE; or the queue is full). */
bool wc_send(wk_conn *c, const void *data, size_t len);

#endif
