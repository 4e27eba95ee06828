/* clock.h — the clocks every program shares.
 *
 * Monotonic time for measuring durations (never goes backwards), wall time
 * for timestamps that end up in files (Locust's Unix-second keys). */
#ifndef LB_CLOCK_H
#define LB_CLOCK_H
#include <stdint.h>

/* Monotonic clock in nanoseconds (CLOCK_MONOTONIC). */
uint64_t clock_mono_ns(void);
/* Monotonic clock in seconds, as a double. */
double clock_mono(void);
/* Wall clock (CLOCK_REALTIME) in Unix seconds with sub-second fraction. */
double clock_wall(void);
/* CPU time (user+system) this process has used so far, in seconds. */
double clock_process_cpu(void);

#endif
