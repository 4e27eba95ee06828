/* clock.c — thin wrappers over clock_gettime(2). */
#include "clock.h"
#include <time.h>

static uint64_t read_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t clock_mono_ns(void) { return read_ns(CLOCK_MONOTONIC); }
double clock_mono(void) { return (double)read_ns(CLOCK_MONOTONIC) / 1e9; }
double clock_wall(void) { return (double)read_ns(CLOCK_REALTIME) / 1e9; }
double clock_process_cpu(void) { return (double)read_ns(CLOCK_PROCESS_CPUTIME_ID) / 1e9; }
