/* reporter.h — the main thread's loop while users run: once a second a
 * history row (through common/locust_csv), every 2 s Locust's console table,
 * spawn progress, --reset-stats, and the saturation check (loadgen's own CPU
 * and event-loop lag: when saturated, the numbers measure the client). Ends
 * at --run-time or on SIGINT/SIGTERM. */
#ifndef LG_REPORTER_H
#define LG_REPORTER_H
#include <ev.h>
#include <stdbool.h>
#include "engine.h"
#include "health.h"
#include "locust_csv.h"
#include "options.h"

typedef struct lg_reporter {
    /* inputs */
    const lg_options *opt;
    lg_shared *shared;
    lc_writer *csv;              /* NULL without --csv */
    lg_engine **engines;         /* told about --reset-stats */
    int nengines;
    int usable_cores;            /* min(threads, online CPUs) */
    int name_width;
    const char *user_class;      /* named in "All users spawned" (the scenario's name) */
    const lg_plan *plan;         /* its stages, when it has a load shape */
    lg_health health;            /* saturation and --rate checks; main sets its settings */
    /* results */
    double start_wall, start_mono;
    double cpu_start;            /* process CPU s at start */
    long saturated_seconds;      /* ticks flagged saturated (busy or not scheduled) */
    long users_peak;
    long last_users;             /* user count at the last tick */
    int signal;                  /* the signal that stopped the run, 0 if none */
    /* internals */
    struct ev_loop *loop;
    ev_timer tick, runtime, spawned;
    ev_signal sigint, sigterm;
    long ticks;
    long spawn_logged;           /* user count of the last "Spawning" line */
    size_t stage_logged;         /* stage of the last "Shape test updating" line */
    bool all_spawned;
    bool csv_error_logged;
} lg_reporter;

/* Run the reporting loop on the default libev loop until the run time is up
 * or a signal arrives. r's inputs must be set; results are filled in. */
void reporter_run(lg_reporter *r);

/* Locust's user_classes_count in its log form, {"A": 3, "B": 1} (names
 * sorted), for `users` in all: plan_distribute's counts; a plan without
 * `users:` is the one class `one_class`. */
#define LG_CLASS_COUNTS_LEN 2048
void reporter_class_counts(const lg_plan *plan, const char *one_class, long users, char *out,
                           size_t cap);

#endif
