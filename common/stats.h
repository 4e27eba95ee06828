/* stats.h — Locust 2.12.1 request statistics, implemented once for every program.
 *
 * One stats_entry per (method, name) plus the Aggregated entry, with the exact
 * semantics of locust/stats.py at tag 2.12.1 (see ../shared/docs/locust-format.md
 * §2): rounded-bucket histogram, median and percentiles by Locust's walks,
 * average, min, max, average content size, total rates, current (windowed)
 * rates and current percentiles. A precise hdr_hist rides along in each entry.
 *
 * Times: response times are milliseconds as doubles (HttpUser semantics: the
 * raw value is a float). Timestamps are Unix seconds as doubles; callers pass
 * `now` explicitly so tests are deterministic and hot paths read the clock
 * once. A stats_set is not thread-safe: loadgen keeps one per thread and
 * merges them in the reporter. */
#ifndef LB_STATS_H
#define LB_STATS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hdr.h"

#define STATS_NPCT 11
/* 0.50 0.66 0.75 0.80 0.90 0.95 0.98 0.99 0.999 0.9999 1.0 */
extern const double stats_pcts[STATS_NPCT];
/* "50%" "66%" ... "99.9%" "99.99%" "100%" (Locust's label rule). */
extern const char *const stats_pct_labels[STATS_NPCT];

/* Seconds of per-second counters kept (covers Locust's 10 s window + slack). */
#define STATS_RATE_RING 32
/* Snapshots kept for current percentiles (Locust keeps 20). */
#define STATS_SNAPSHOTS 20

/* Locust's bucket key (§2.2) for a response time in ms: round-half-even to
 * 1, 10, 100 or 1000 ms depending on the decade. Negative input -> 0. */
int64_t stats_bucket_key(double rt_ms);

/* Rounded-bucket histogram: bucket key (ms) -> count. Keys below 10 s live in a
 * dense array, larger ones in a small sorted vector. Fields are private to
 * stats.c; use the functions. */
typedef struct stats_buckets {
    uint64_t *dense;   /* lazily allocated dense slots for keys < 10000 */
    struct stats_big { int64_t key; uint64_t count; } *big;  /* sorted by key */
    size_t nbig, capbig;
    uint64_t total;    /* sum of all counts */
} stats_buckets;

/* Per-second counters for a window of recent Unix seconds (ring by second).
 * Locust keeps every second forever; the current-rate window needs only the
 * last 13, so a second older than the newest one in its slot is dropped. */
typedef struct stats_persec {
    int64_t sec[STATS_RATE_RING];
    uint64_t count[STATS_RATE_RING];
} stats_persec;

typedef struct stats_snapshot {
    int64_t sec;               /* Unix second the snapshot is filed under; INT64_MIN = unused */
    uint64_t num_requests;
    stats_buckets hist;
} stats_snapshot;

typedef struct stats_entry {
    char *method;                  /* "GET", "POST", ...; "" for Aggregated */
    char *name;                    /* request name, or "Aggregated" */
    uint64_t num_requests;         /* includes failures and none-requests */
    uint64_t num_none_requests;    /* requests without a response time */
    uint64_t num_failures;
    double total_response_time;    /* ms, sum of raw times */
    double min_response_time;      /* ms, raw; meaningful only when has_min */
    bool has_min;
    double max_response_time;      /* ms, raw; 0 when none */
    uint64_t total_content_length; /* bytes */
    double start_time;             /* Unix s: creation or last reset */
    double last_request_timestamp; /* Unix s of the latest request; 0 = none */
    stats_buckets hist;            /* Locust's rounded buckets */
    stats_persec reqs_per_sec;     /* num_reqs_per_sec, recent seconds */
    stats_persec fails_per_sec;    /* num_fail_per_sec, recent seconds */
    hdr_hist *precise;             /* microsecond histogram (NULL if it could not be allocated) */
    stats_snapshot *snapshots;     /* STATS_SNAPSHOTS slots, NULL unless snapshots enabled
                                    * (full history); each keeps only the keys it saw */
} stats_entry;

/* One distinct (method, name, error) with its count (failures.csv rows). */
typedef struct stats_error {
    char *method;
    char *name;
    char *error;                   /* already in Locust's repr() form */
    uint64_t occurrences;
} stats_error;

typedef struct stats_set stats_set;  /* private: entries, index, Aggregated, errors */

/* ---- entry-level computations (pure, no allocation) ---- */

/* §2.3 median in ms, clamped to raw min/max; 0 when empty. *is_int is set when
 * Python would print the value as an int (an unclamped bucket key < 100). */
double stats_entry_median(const stats_entry *e, bool *is_int);
/* §2.4 percentile p in (0,1]: a bucket key in ms, 0 when nothing recorded. */
int64_t stats_entry_percentile(const stats_entry *e, double p);
/* §2.5 average response time (ms), 0.0 when no timed request. */
double stats_entry_avg(const stats_entry *e);
/* §2.5 average content size; 0.0 when no request. */
double stats_entry_avg_content(const stats_entry *e);
/* §2.6 total rates; `total` is the Aggregated entry of the same set. */
double stats_entry_total_rps(const stats_entry *e, const stats_entry *total);
double stats_entry_total_fail_per_sec(const stats_entry *e, const stats_entry *total);
/* §2.7 current (windowed) rates anchored on total's last request time. */
double stats_entry_current_rps(const stats_entry *e, const stats_entry *total);
double stats_entry_current_fail_per_sec(const stats_entry *e, const stats_entry *total);
/* §2.8 current percentile at wall second `now`; returns false (Locust's None,
 * printed 0) when no qualifying snapshot exists or snapshots are disabled. */
bool stats_entry_current_percentile(const stats_entry *e, double now, double p,
                                    int64_t *out_key);

/* ---- visiting an entry's dictionaries (for serialisers: loadgen's worker
 * reports send them as Locust's response_times, num_reqs_per_sec and
 * num_fail_per_sec maps) ---- */

typedef void (*stats_visit_fn)(void *ctx, int64_t key, uint64_t count);
/* Every (bucket key in ms, count > 0) of e's histogram, ascending. fn may be
 * NULL to count only. Returns the number of pairs visited. */
size_t stats_entry_each_bucket(const stats_entry *e, stats_visit_fn fn, void *ctx);
/* Every (Unix second, count > 0) the ring still holds, in ring order. */
size_t stats_persec_each(const stats_persec *r, stats_visit_fn fn, void *ctx);

/* ---- sets ---- */

/* New empty set whose clock starts at `now`. keep_snapshots enables §2.8
 * snapshots (needed only for --csv-full-history). NULL on OOM. */
stats_set *stats_set_new(double now, bool keep_snapshots);
void stats_set_free(stats_set *s);

/* Find or create the entry for (method, name); NULL on OOM. O(1) average. */
stats_entry *stats_set_entry(stats_set *s, const char *method, const char *name);
/* The Aggregated entry (method "", name "Aggregated"). */
stats_entry *stats_set_total(stats_set *s);
const stats_entry *stats_set_total_c(const stats_set *s);

/* Record one finished request on e and on the Aggregated entry (§2.1).
 * rt_ms < 0 means "no response time" (a none-request). When failed, error
 * (Locust repr form, not NULL) is counted in the error table. Returns 0, or -1
 * on OOM (counts are still updated). */
int stats_set_record(stats_set *s, stats_entry *e, double now, double rt_ms,
                     uint64_t content_length, bool failed, const char *error);

/* Number of entries (Aggregated excluded) and entry i in insertion order. */
size_t stats_set_count(const stats_set *s);
stats_entry *stats_set_at(const stats_set *s, size_t i);
/* Fill out[0..count) with the entries sorted by (name, method) in code-point
 * order, as Locust writes them. out must hold stats_set_count() pointers. */
void stats_set_sorted(const stats_set *s, const stats_entry **out);

/* Errors: count and i-th error, sorted in the order failures.csv uses. */
size_t stats_set_error_count(const stats_set *s);
const stats_error *stats_set_error_at(const stats_set *s, size_t i);

/* §2.9 reset: zero every entry (entries kept), clear errors, start = now. */
void stats_set_reset(stats_set *s, double now);
/* Merge src into dst as Locust's master merges worker reports (§6.5):
 * counts add, min/max, sums, histograms, per-second counters, precise
 * histograms and errors. Entries missing in dst are created; entries of src
 * without requests or failures are skipped (a worker does not report them).
 * Error texts are kept as they are (standalone form; Locust's master would
 * repr() a Python worker's error string once more). 0 or -1 (OOM). */
int stats_set_merge(stats_set *dst, const stats_set *src);

#endif
