/* health.c — see health.h. */
#include "health.h"
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "clock.h"
#include "log.h"

/* Seconds this process's threads spent runnable but waiting for a CPU
 * (the second field of /proc/self/task/TID/schedstat, in ns). -1 when the
 * kernel does not expose it. */
static double runq_seconds(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return -1;
    double sum = 0;
    bool any = false;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[300];
        snprintf(path, sizeof path, "/proc/self/task/%s/schedstat", de->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        unsigned long long run, wait;
        if (fscanf(f, "%llu %llu", &run, &wait) == 2) {
            sum += (double)wait / 1e9;
            any = true;
        }
        fclose(f);
    }
    closedir(d);
    return any ? sum : -1;
}

void health_init(lg_health *h)
{
    h->last_cpu = clock_process_cpu();
    h->last_mono = clock_mono();
    h->last_runq = runq_seconds();
}

bool health_saturation(lg_health *h, double lag)
{
    double now = clock_mono(), cpu = clock_process_cpu(), runq = runq_seconds();
    double dt = now - h->last_mono;
    double pct = dt > 0 ? (cpu - h->last_cpu) / dt / h->usable_cores * 100.0 : 0;
    double waited = runq >= 0 && h->last_runq >= 0 ? runq - h->last_runq : -1;
    h->last_cpu = cpu;
    h->last_mono = now;
    h->last_runq = runq;
    if (pct > h->cpu_max_pct)
        h->cpu_max_pct = pct;
    if (lag > h->lag_max)
        h->lag_max = lag;
    bool cpu_high = pct > h->sat_cpu_pct, lag_high = lag * 1000 > h->sat_lag_ms;
    if (!cpu_high && !lag_high)
        return false;
    const char *s = h->usable_cores > 1 ? "s" : "";
    /* A loop lags either because loadgen has more work than its cores (it is
     * busy: its CPU share is high) or because it was runnable and did not
     * get a CPU, or was stopped (its CPU share is low: other processes had
     * the host). Only the first is helped by --threads. */
    bool busy = cpu_high || (pct >= 50 && !(waited * 1000 > h->sat_lag_ms));
    if (busy) {
        h->busy_seconds++;
        log_msg(LG_WARNING,
                "LOADGEN IS SATURATED (busy): CPU %.0f%% of %d core%s, event-loop lag %.0f ms. "
                "These numbers measure the client, not the server (add --threads/cores or "
                "lower the load)", pct, h->usable_cores, s, lag * 1000);
    } else {
        h->unscheduled_seconds++;
        char w[64] = "";
        if (waited >= 0)
            snprintf(w, sizeof w, ", waited %.0f ms for a CPU", waited * 1000);
        log_msg(LG_WARNING,
                "LOADGEN IS SATURATED (not scheduled): event-loop lag %.0f ms while it used "
                "only %.0f%% CPU of %d core%s%s. Other work on this host (or a stop) held it "
                "up; latencies include that delay. --threads will not help: free the host",
                lag * 1000, pct, h->usable_cores, s, w);
    }
    return true;
}

void health_rate_arm(lg_health *h, double t)
{
    if (h->rate > 0 && h->next_rate_sec == 0)
        h->next_rate_sec = (int64_t)floor(t) + 1;
}

/* Requests completed in Unix second sec, from the entry's per-second ring
 * (common/stats keeps the recent seconds there for the current rates). */
static uint64_t completed_in(const stats_entry *total, int64_t sec)
{
    for (int i = 0; i < STATS_RATE_RING; i++)
        if (total->reqs_per_sec.sec[i] == sec)
            return total->reqs_per_sec.count[i];
    return 0;
}

void health_rate(lg_health *h, const stats_entry *total, double now)
{
    if (h->rate <= 0 || h->next_rate_sec == 0)
        return;
    /* Second k is complete once every engine merged after k+1: they merge
     * every 100 ms, so wait a quarter second past its end. */
    int64_t last = (int64_t)floor(now - 1.25);
    for (int64_t k = h->next_rate_sec; k <= last; k++) {
        uint64_t n = completed_in(total, k);
        h->rate_seconds++;
        h->rate_requests += n;
        if ((double)n >= LG_UNDER_RATE * h->rate)
            continue;
        /* Warn for the first second below the rate, then every 10th. */
        if (h->under_rate_seconds++ % 10 == 0)
            log_msg(LG_WARNING,
                    "UNDER RATE: --rate %g asked, %llu requests completed in one second "
                    "(%.0f%%). Each of the %ld users has one request in flight: add users "
                    "(-u), or the server answers slower than users/rate = %.3g s",
                    h->rate, (unsigned long long)n, (double)n / h->rate * 100, h->users,
                    (double)h->users / h->rate);
    }
    if (last >= h->next_rate_sec)
        h->next_rate_sec = last + 1;
}
