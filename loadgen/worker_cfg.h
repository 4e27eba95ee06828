/* worker_cfg.h — what loadgen --worker is given (worker.h runs it,
 * worker_users.h runs its users). */
#ifndef LG_WORKER_CFG_H
#define LG_WORKER_CFG_H
#include <stdbool.h>
#include <stdint.h>
#include "plan.h"
#include "request.h"

/* The most users one worker process runs (slots are reserved, not touched,
 * until used: 400 bytes each). More is asked → logged loudly, never silent. */
#define LG_WORKER_MAX_USERS 100000

/* The version sent in client_ready: the protocol's, never empty (a Debian
 * master refuses an empty one, locust-format.md §0; a mismatch is only a
 * warning on the master's side). */
#define LB_LOCUST_PROTOCOL_VERSION "2.12.1"

typedef struct lg_worker_cfg {
    const lg_plan *plan;
    const char *host;            /* base URL (-H or the scenario's); a spawn's host wins */
    char *const *global_vals;    /* setup's results, as for a normal run */
    lg_net net;
    int threads;
    uint64_t seed;
    bool trace;
    double stop_timeout;         /* s; the master's stop_timeout wins when it sends one */
    const char *user_class;      /* the scenario's user class: the master's class name */
    const char *master_host;
    int master_port;
    double master_timeout;       /* s without a master before giving up (start and later) */
} lg_worker_cfg;

#endif
