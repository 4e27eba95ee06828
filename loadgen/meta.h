/* meta.h — PREFIX_meta.json: what makes two runs comparable (versions,
 * settings, scenario hash, host, times) and how loadgen itself fared (CPU,
 * event-loop lag, saturation), written with jansson. */
#ifndef LG_META_H
#define LG_META_H
#include <stdbool.h>
#include <stdint.h>
#include "lberr.h"
#include "health.h"
#include "options.h"
#include "plan.h"

typedef struct lg_meta {
    const lg_options *opt;
    const lg_plan *plan;
    const char *host;
    int threads;
    double start_wall, end_wall;
    double cpu_seconds;          /* loadgen's CPU (user+system) during the run */
    double cpu_pct_avg;          /* of the usable cores */
    double cpu_pct_max;
    int usable_cores;
    double lag_max_ms;
    long saturated_seconds;
    const lg_health *health;     /* busy/not-scheduled seconds, --rate check */
    long users_peak;
    long onstart_failed;
    const char *setup_error;     /* NULL when setup succeeded or had no steps */
    uint64_t requests, failures;
    int exit_code;
    const char *stop_reason;     /* "run-time", "SIGINT", "SIGTERM" */
} lg_meta;

/* Write m to path as indented JSON. 0, or -1 with err. */
int meta_write(const char *path, const lg_meta *m, lb_err *err);

#endif
