/* conn.h — one client connection: socket I/O on libev, http-parser, output
 * buffer, keep-alive, pipelining, limits and timeouts.
 *
 * Requests on one connection are answered strictly in order: parsing pauses
 * at each complete message until its reply is queued, so a pipelined batch
 * is answered in one write and an async reply (bcrypt, batched insert) holds
 * the requests behind it. */
#ifndef RS_CONN_H
#define RS_CONN_H
#include <stdbool.h>
#include <stddef.h>
#include "worker.h"

typedef struct rs_conn rs_conn;

/* Take ownership of an accepted non-blocking socket. On OOM the socket is
 * closed. */
void conn_accept(rs_worker *w, int fd);

/* The reply of an RS_ASYNC handler is in ctx->rep: send it and go on with
 * the next request. When the client left meanwhile, this frees the
 * connection instead. Loop thread only. */
void conn_async_done(rs_conn *c);

/* The checkout queue's answer callback (checkout.h): the request waited
 * --db-checkout-timeout for a DB slot, or the worker is shutting down. Adds
 * the wait to the request's db phase and a "db.pool.checkout" span, then
 * sends the reply it parked with (the 500), or 503 "Server shutting down" +
 * Retry-After + close when draining, and goes on with the connection. */
void conn_checkout_answer(rs_waiter *wt);

/* True when the client disconnected while its request was in flight. */
bool conn_gone(const rs_conn *c);

/* Streaming responses (RS_STREAM): raw bytes (the header block), then
 * chunked-encoded data, then the end. stream_end resumes the connection
 * (keep-alive) or closes it when asked or when draining. */
int conn_stream_raw(rs_conn *c, const char *data, size_t n);
int conn_stream_chunk(rs_conn *c, const char *data, size_t n);
void conn_stream_end(rs_conn *c, bool close_after);

/* Called (once) when a streaming client disconnects, before the connection
 * is freed: the stream must stop its timers and forget c. */
void conn_on_gone(rs_conn *c, void (*fn)(void *arg), void *arg);

/* Graceful shutdown: close idle connections now, the others after their
 * current reply. */
void conn_drain_all(rs_worker *w);

/* Close and free every connection (end of the worker). */
void conn_close_all(rs_worker *w);

#endif
