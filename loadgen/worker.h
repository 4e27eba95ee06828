/* worker.h — loadgen --worker: join a real, unmodified Locust master
 * (2.12.1 protocol, ../shared/docs/locust-format.md §6) as one of its
 * workers. The master decides how many users run where; this process runs
 * them on loadgen's engines (run->dynamic) and sends Locust's stats deltas,
 * so the master's console, web UI and CSV files carry our requests.
 *
 *   connect → client_ready → ack → [spawn → spawning … spawning_complete,
 *   stats every 3 s, heartbeat every 1 s] → stop (→ ready again) | quit */
#ifndef LG_WORKER_H
#define LG_WORKER_H
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

/* Run until the master says quit (0), a signal (0), or the master cannot be
 * reached or is lost for cfg->master_timeout seconds (1). */
int worker_run(const lg_worker_cfg *cfg);

#endif
