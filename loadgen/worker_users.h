/* worker_users.h — the users a --worker runs for its master: loadgen's
 * engines in dynamic mode (run->dynamic), started at a test's first spawn,
 * re-targeted by later ones, stopped by stop/quit or a lost master. Stats
 * live in one shared set for the worker's whole life; each report takes
 * its delta and resets it. */
#ifndef LG_WORKER_USERS_H
#define LG_WORKER_USERS_H
#include <msgpack.h>
#include <stdbool.h>
#include "engine.h"
#include "run.h"
#include "worker_cfg.h"
#include "worker_msg.h"

typedef struct wk_users {
    const lg_worker_cfg *cfg;
    lg_shared sh;                /* stats and user counts, across tests */
    lg_run run;                  /* this test's settings (engines point at it) */
    char *host;                  /* this test's base URL */
    lg_engine **eng;
    int neng;
    bool stopping;               /* engines asked to stop, not joined yet */
    long target;                 /* users the master asks of us, over our classes */
    long targets[LG_MAX_CLASSES];   /* ... per user class of the scenario (plan_class) */
    wmsg_class cls[LG_MAX_CLASSES]; /* {class name, users running}: what we report */
    size_t ncls;
    uint64_t reported_requests;  /* totals of every report sent so far */
    uint64_t reported_failures;
} wk_users;

int wk_users_init(wk_users *u, const lg_worker_cfg *cfg);
void wk_users_free(wk_users *u);

/* Apply a spawn: each of our classes' absolute count (classes the scenario
 * lacks are logged loudly and not run). Starts the engines when none run. 0, or -1 when
 * they could not start (logged). */
int wk_users_spawn(wk_users *u, const wmsg_in *spawn);

/* Ask the engines to stop (abort: in-flight requests are dropped at once).
 * wk_users_stopped() then says when wk_users_join() will not block. */
void wk_users_stop(wk_users *u, bool abort);
bool wk_users_stopped(const wk_users *u);
void wk_users_join(wk_users *u);

bool wk_users_running(const wk_users *u);
/* Users alive now, over all engines. */
long wk_users_alive(const wk_users *u);
/* Fill u->cls[].count with the users alive per class (what a master's
 * spawning_complete and stats messages carry). */
void wk_users_count_classes(wk_users *u);
/* For logs: the class names ("Reader, Admin"), or with targets the users
 * wanted per class ({"Reader": 4, "Admin": 1}). */
void wk_users_describe(const wk_users *u, bool targets, char *out, size_t cap);

/* Encode a stats report of what happened since the last one, then reset. */
int wk_users_report(wk_users *u, msgpack_sbuffer *b, const char *node_id);

#endif
