/* stats_entry.c — what Locust 2.12.1 computes from one StatsEntry (§2.3-§2.8):
 * median, percentiles, averages, total and current rates, current
 * percentiles from snapshots. Pure functions of the public fields; only the
 * snapshot helpers at the end write. */
#include "stats_priv.h"
#include <stdlib.h>
#include <string.h>

/* median_from_dict: pos = (n - 1) / 2 may be x.5; walk keys ascending. */
double stats_entry_median(const stats_entry *e, bool *is_int)
{
    bool dummy;
    if (!is_int)
        is_int = &dummy;
    *is_int = true;
    if (e->hist.total == 0)
        return 0;   /* `if not self.response_times: return 0` */
    uint64_t n = e->num_requests - e->num_none_requests;
    double pos = ((double)n - 1) / 2;
    stats_bk_asc it;
    int64_t key, found = 0;
    uint64_t count;
    stats_bk_asc_init(&it, &e->hist);
    while (stats_bk_asc_next(&it, &key, &count)) {
        if (pos < (double)count) {
            found = key;
            break;
        }
        pos -= (double)count;
    }
    double median = (double)found;
    if (median > e->max_response_time) {
        *is_int = false;
        return e->max_response_time;
    }
    if (e->has_min && median < e->min_response_time) {
        *is_int = false;
        return e->min_response_time;
    }
    /* 2.12.1 keys are ints below 100 ms and floats (150.0) above. */
    *is_int = found < 100;
    return median;
}

int64_t stats_entry_percentile(const stats_entry *e, double p)
{
    return stats_buckets_percentile(&e->hist, NULL, e->num_requests, p);
}

double stats_entry_avg(const stats_entry *e)
{
    uint64_t n = e->num_requests - e->num_none_requests;
    return n ? e->total_response_time / (double)n : 0.0;
}

double stats_entry_avg_content(const stats_entry *e)
{
    return e->num_requests ? (double)e->total_content_length / (double)e->num_requests : 0.0;
}

/* §2.6: `if not last or not start: 0.0`, then count / (last - start). */
static double total_rate(uint64_t count, const stats_entry *total)
{
    double span = total->last_request_timestamp - total->start_time;
    if (total->last_request_timestamp == 0 || total->start_time == 0 || span == 0)
        return 0.0;
    return (double)count / span;
}

double stats_entry_total_rps(const stats_entry *e, const stats_entry *total)
{
    return total_rate(e->num_requests, total);
}

double stats_entry_total_fail_per_sec(const stats_entry *e, const stats_entry *total)
{
    return total_rate(e->num_failures, total);
}

/* §2.7: mean of the per-second counts over max(L-12, S) .. L-3 inclusive. */
static double current_rate(const stats_persec *r, const stats_entry *total)
{
    if (total->last_request_timestamp == 0)
        return 0.0;
    int64_t last = stats_sec(total->last_request_timestamp);
    int64_t start = stats_sec(total->start_time);
    if (last - 12 > start)
        start = last - 12;
    int64_t end = last - 2;   /* exclusive, like range() */
    if (end <= start)
        return 0.0;
    double sum = 0.0;
    for (int64_t t = start; t < end; t++)
        sum += (double)stats_persec_get(r, t);
    return sum / (double)(end - start);
}

double stats_entry_current_rps(const stats_entry *e, const stats_entry *total)
{
    return current_rate(&e->reqs_per_sec, total);
}

double stats_entry_current_fail_per_sec(const stats_entry *e, const stats_entry *total)
{
    return current_rate(&e->fails_per_sec, total);
}

static const stats_snapshot *snapshot_find(const stats_entry *e, int64_t t)
{
    for (size_t i = 0; i < STATS_SNAPSHOTS; i++)
        if (e->snapshots[i].sec == t)
            return &e->snapshots[i];
    return NULL;
}

/* get_current_response_time_percentile: the first snapshot among t-10, t-11,
 * t-9, t-12, t-8, ..., t-18, t-2, diffed against now. */
bool stats_entry_current_percentile(const stats_entry *e, double now, double p,
                                    int64_t *out_key)
{
    if (!e->snapshots)
        return false;
    int64_t t = stats_sec(now);
    const stats_snapshot *snap = snapshot_find(e, t - 10);
    for (int i = 1; i < 9 && !snap; i++) {
        snap = snapshot_find(e, t - 10 - i);
        if (!snap)
            snap = snapshot_find(e, t - 10 + i);
    }
    if (!snap)
        return false;
    uint64_t n = e->num_requests >= snap->num_requests ? e->num_requests - snap->num_requests : 0;
    *out_key = stats_buckets_percentile(&e->hist, &snap->hist, n, p);
    return true;
}

/* _cache_response_times(t): Locust's OrderedDict keeps insertion order and
 * drops the oldest beyond 20; seconds only grow between resets, so the
 * oldest is the smallest second. An existing key is overwritten in place. */
int stats_snapshot_take(stats_entry *e, int64_t t)
{
    stats_snapshot *slot = NULL;
    for (size_t i = 0; i < STATS_SNAPSHOTS; i++) {
        stats_snapshot *s = &e->snapshots[i];
        if (s->sec == t) {
            slot = s;
            break;
        }
        if (!slot || s->sec < slot->sec)
            slot = s;
    }
    if (stats_buckets_copy_sparse(&slot->hist, &e->hist) < 0) {
        slot->sec = STATS_NO_SEC;
        return -1;
    }
    slot->sec = t;
    slot->num_requests = e->num_requests;
    return 0;
}

void stats_snapshots_clear(stats_entry *e)
{
    if (!e->snapshots)
        return;
    for (size_t i = 0; i < STATS_SNAPSHOTS; i++) {
        e->snapshots[i].sec = STATS_NO_SEC;
        e->snapshots[i].num_requests = 0;
        stats_buckets_clear(&e->snapshots[i].hist);
    }
}

void stats_snapshots_free(stats_entry *e)
{
    if (!e->snapshots)
        return;
    for (size_t i = 0; i < STATS_SNAPSHOTS; i++)
        stats_buckets_free(&e->snapshots[i].hist);
    free(e->snapshots);
    e->snapshots = NULL;
}
