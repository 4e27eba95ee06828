/* worker.h — one worker process: its libev loop, accept, signals and
 * graceful drain. The state it shares with connections and handlers is
 * rs_worker (api/ctx.h). */
#ifndef RS_WORKER_H
#define RS_WORKER_H
#include "config.h"

/* Serve listen_fd as worker index until SIGTERM/SIGINT has drained it.
 * Returns the exit code: 0, or 1 when the worker failed (a lens could not
 * start, or requests were still open at the drain timeout). */
int worker_run(const rs_config *cfg, int index, int listen_fd);

#endif
