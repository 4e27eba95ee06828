/* worker.h — one worker process: its libev loop, accept, signals and
 * graceful drain. The state it shares with connections and handlers is
 * rs_worker (api/ctx.h). */
#ifndef RS_WORKER_H
#define RS_WORKER_H
#include "config.h"
#include "api/ctx.h"

/* Serve listen_fd as worker index until SIGTERM/SIGINT has drained it.
 * Returns the exit code: 0, or 1 when the worker failed (a lens could not
 * start, or requests were still open at the drain timeout). */
int worker_run(const rs_config *cfg, int index, int listen_fd);

/* The state a worker shares with its connections and handlers (database,
 * pool, writer, caches, lenses) without the listener and signals: what
 * worker_run builds first, and what an in-process harness (tests/fuzz)
 * hands to conn_accept. init: -1 when the worker cannot serve (what was
 * built is freed), 1 when it serves without a lens that failed to start,
 * 0 otherwise. fini: waits for the pool and writer, frees every
 * connection, closes the lenses and the database; returns code, or 1 when
 * the profile log lost rows. */
int worker_state_init(rs_worker *w, const rs_config *cfg, int index);
int worker_state_fini(rs_worker *w, int code);

#endif
