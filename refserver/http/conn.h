/* conn.h — one client connection: socket I/O on libev, http-parser, output
 * buffer, keep-alive, pipelining, limits and timeouts.
 *
 * Requests on one connection are answered strictly in order: parsing pauses
 * at each complete message until its reply is queued, so a pipelined batch
 * is answered in one write and an async reply (bcrypt, batched insert) holds
 * the requests behind it. What a handler may ask of its connection is in
 * api/ctx.h (ctx_async_done, ctx_stream_*), implemented here. */
#ifndef RS_CONN_H
#define RS_CONN_H
#include <stdbool.h>
#include <stddef.h>
#include "api/ctx.h"

typedef struct rs_conn rs_conn;

/* Take ownership of an accepted non-blocking socket. On OOM the socket is
 * closed. */
void conn_accept(rs_worker *w, int fd);

/* The checkout queue's answer callback (runtime/checkout.h): the request
 * waited --db-checkout-timeout for a DB slot, or the worker is shutting
 * down. Adds the wait to the request's db phase and a "db.pool.checkout"
 * span, then sends the reply it parked with (the 500), or 503 "Server
 * shutting down" + Retry-After + close when draining, and goes on with the
 * connection. */
void conn_checkout_answer(rs_waiter *wt);

/* Graceful shutdown: close idle connections now, the others after their
 * current reply. */
void conn_drain_all(rs_worker *w);

/* Close and free every connection (end of the worker). */
void conn_close_all(rs_worker *w);

#endif
