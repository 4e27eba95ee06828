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
#include "worker_cfg.h"

/* Run until the master says quit (0), a signal (0), or the master cannot be
 * reached or is lost for cfg->master_timeout seconds (1). */
int worker_run(const lg_worker_cfg *cfg);

#endif
