/* run.h — what a run's engines share: its read-only settings (lg_run) and
 * the state they update together (lg_shared). Both are owned by main.c and
 * read by the engines, their users and the reporter.
 *
 * Cross-thread contract: the hot path touches only engine-local state. Every
 * 100 ms each engine merges its stats delta into the shared set under
 * shared->mu and resets its own set; user counts are atomics. */
#ifndef LG_RUN_H
#define LG_RUN_H
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include "plan.h"
#include "request.h"
#include "stats.h"

/* What every engine shares (owned by main). */
typedef struct lg_shared {
    pthread_mutex_t mu;
    stats_set *set;                 /* merged stats; read/written under mu */
    double max_lag;                 /* worst loop lag (s) since the reporter last read it; mu */
    atomic_long users;              /* users alive in all engines */
    atomic_long spawned;            /* users started so far */
    atomic_long onstart_failed;     /* users whose on_start gave up */
    atomic_long feeder_next;        /* the feeder row the next user takes */
    atomic_int reset_epoch;         /* bumped by --reset-stats: engines drop their delta */
    atomic_int engines_done;        /* engines that finished their final merge */
    atomic_long target[LG_MAX_CLASSES];      /* run->dynamic: users wanted now per user
                                                class (plan_class), over all engines */
    atomic_long class_users[LG_MAX_CLASSES]; /* users alive per user class */
} lg_shared;

/* The run's settings, read-only for engines. */
typedef struct lg_run {
    const lg_plan *plan;
    const char *host;               /* base URL without trailing '/' */
    lg_net net;
    long users;                     /* total users over all engines (dynamic: the most) */
    bool dynamic;                   /* users follow shared->target (worker mode),
                                       applied at once by engine_retarget(); no schedule */
    double spawn_rate;
    double rate;                    /* open model requests/s in total; 0 = closed */
    double stop_timeout;            /* s; 0 = abort in-flight requests at stop */
    int threads;
    uint64_t seed;
    bool trace;                     /* --trace: a traceparent per request */
    char *const *global_vals;       /* plan->nvar_init values after setup */
    double start_mono;              /* spawning starts at this monotonic second */
    double wall_minus_mono;         /* Unix time = monotonic + this */
} lg_run;

#endif
