/* health.h — the client's own checks, once a second on the reporter's
 * thread: is loadgen saturated (and if so, busy or not scheduled), and does
 * an open-model run (--rate) deliver the rate asked for. Each check logs a
 * warning and counts the seconds for _meta.json. */
#ifndef LG_HEALTH_H
#define LG_HEALTH_H
#include <stdbool.h>
#include <stdint.h>
#include "stats.h"

typedef struct lg_health {
    /* settings */
    double sat_cpu_pct, sat_lag_ms;  /* --saturation-cpu, --saturation-lag */
    int usable_cores;                /* min(threads, online CPUs) */
    double rate;                     /* --rate, 0 = closed model */
    long users;
    /* saturation results */
    double cpu_max_pct, lag_max;     /* worst 1 s CPU share (%), worst loop lag (s) */
    long busy_seconds;               /* loadgen used the CPU it has */
    long unscheduled_seconds;        /* loops lagged while loadgen had little CPU */
    /* --rate results */
    long rate_seconds;               /* whole seconds checked */
    long under_rate_seconds;         /* seconds below LG_UNDER_RATE of --rate */
    uint64_t rate_requests;          /* requests completed in the checked seconds */
    /* internals */
    double last_cpu, last_mono, last_runq;
    int64_t next_rate_sec;           /* first second not checked yet; 0 = not armed */
} lg_health;

/* Under this share of --rate for a whole second, loadgen warns. */
#define LG_UNDER_RATE 0.95

/* Start measuring now (CPU, run-queue time). */
void health_init(lg_health *h);

/* One second's saturation check: lag is the worst loop lag (s) the engines
 * saw since the last call. Returns true when the second was saturated. */
bool health_saturation(lg_health *h, double lag);

/* --rate: start checking with the first whole second after wall time t
 * (all users spawned and one period past). */
void health_rate_arm(lg_health *h, double t);

/* --rate: check every whole second that is complete by wall time now
 * against the merged total's per-second counts. Caller holds the lock that
 * guards total. */
void health_rate(lg_health *h, const stats_entry *total, double now);

#endif
