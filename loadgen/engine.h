/* engine.h — one engine = one thread running one libev loop and one curl
 * multi handle driven by curl_multi_socket_action (the evhiperfifo pattern),
 * owning its share of the users, its own stats_set and its own RNG.
 *
 * Cross-thread contract: the hot path touches only engine-local state. Once
 * a second each engine merges its stats delta into the shared set under
 * shared->mu and resets its own set; user counts are atomics. The main
 * thread talks to an engine only through engine_stop() (an ev_async). */
#ifndef LG_ENGINE_H
#define LG_ENGINE_H
#include <curl/curl.h>
#include <ev.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include "curlev.h"
#include "lberr.h"
#include "plan.h"
#include "request.h"
#include "rng.h"
#include "stats.h"

/* What every engine shares (owned by main). */
typedef struct lg_shared {
    pthread_mutex_t mu;
    stats_set *set;                 /* merged stats; read/written under mu */
    double max_lag;                 /* worst loop lag (s) since the reporter last read it; mu */
    atomic_long users;              /* users alive in all engines */
    atomic_long spawned;            /* users started so far */
    atomic_long onstart_failed;     /* users whose on_start gave up */
    atomic_int reset_epoch;         /* bumped by --reset-stats: engines drop their delta */
    atomic_int engines_done;        /* engines that finished their final merge */
} lg_shared;

/* The run's settings, read-only for engines. */
typedef struct lg_run {
    const lg_plan *plan;
    const char *host;               /* base URL without trailing '/' */
    lg_net net;
    long users;                     /* total users over all engines */
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

typedef struct lg_user lg_user;

typedef struct lg_engine {
    int index;
    const lg_run *run;
    lg_shared *shared;
    pthread_t thread;
    bool thread_started;
    struct ev_loop *loop;
    lg_curlev cev;                  /* the curl multi handle on this loop */
    ev_timer spawn_timer;
    ev_timer tick_timer;            /* 1 s: merge delta into shared */
    ev_timer lag_timer;             /* 100 ms: event-loop lag probe */
    ev_timer kill_timer;            /* --stop-timeout expiry */
    ev_async wake;                  /* main → engine: stop */
    atomic_int stop_requested;
    bool stopping;
    stats_set *set;                 /* this engine's delta since the last merge */
    int seen_epoch;
    lg_rng rng;
    lg_user *users;                 /* share_max slots */
    long share_max, nspawned, nalive, spawn_step;
    CURLU **curlu;                  /* per request id: pre-parsed URL if static */
    char **url_str;                 /* per request id: that URL as text (messages) */
    char **name_str;                /* per request id: the stats name if static */
    stats_entry **entry;            /* per request id: its entry, created on first use
                                       (as Locust does: no zero rows for unused requests) */
    struct curl_slist **hdrs;       /* per request id (+1 session): lists shared by all users */
    bool *hdrs_static;              /* per request id: header list has no variables */
    double lag_expected;            /* monotonic s the lag probe should fire */
    double max_lag;
    char url[8192];                 /* scratch for dynamic URLs */
    char name[2048];                /* scratch for dynamic names */
    char body[16384];               /* scratch for dynamic bodies */
    char err[2048];                 /* scratch for failure texts */
} lg_engine;

/* Create engine `index` (of run->threads) and start its thread. Users are
 * spawned by the engine itself on the shared schedule (run->start_mono).
 * NULL with err filled on failure. */
lg_engine *engine_start(const lg_run *run, lg_shared *shared, int index, lb_err *err);

/* Ask the engine to stop its users (thread-safe, returns at once). Users in a
 * wait stop now; in-flight requests get run->stop_timeout seconds. */
void engine_stop(lg_engine *e);

/* Tell the engine that shared->reset_epoch changed (thread-safe): it drops
 * the delta it holds at once, so it loses only what it recorded before the
 * reset, not up to a second after it. */
void engine_notify_reset(lg_engine *e);

/* Wait for the engine's thread (it merges its last delta before exiting)
 * and free everything it owns. */
void engine_join(lg_engine *e);

/* How many users engine `index` of `threads` runs when `total` are wanted. */
long engine_share(long total, int threads, int index);

/* Users the spawn schedule wants at `elapsed` seconds after the start:
 * Locust steps of max(1, floor(rate)) users every step/rate seconds, the
 * first step at 0, capped at `users`. */
long engine_spawn_target(long users, double rate, double elapsed);

/* Seconds after the start at which the spawn schedule's last step happens
 * (0 for a single step). */
double engine_spawn_duration(long users, double rate);

/* Record one finished request on the engine's stats (entry e). */
void engine_record(lg_engine *eng, stats_entry *e, uint64_t end_ns, double rt_ms,
                   uint64_t bytes, bool failed, const char *error);

#endif
