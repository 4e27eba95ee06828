/* stats_set.c — Locust's RequestStats: the entries, the Aggregated entry, the
 * error table; recording (§2.1), reset (§2.9) and the master's merge (§6.5).
 *
 * Entries are found through an open-addressing hash on (method, name) and
 * allocated one by one so the pointers callers hold stay valid. Recording
 * touches only preallocated memory once an entry has seen its first
 * response-time decade (dense bucket array, hdr chunks). */
#include "stats_priv.h"
#include "grow.h"
#include "oaindex.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The public entry plus what only this file needs. */
typedef struct entry_priv {
    stats_entry pub;
    uint64_t hash;
    bool fresh;      /* created, never recorded nor reset: Locust creates the
                        entry (and its first snapshot) at its first request */
} entry_priv;

struct stats_set {
    entry_priv **entries;     /* insertion order */
    size_t n, cap;
    lb_oaindex index;         /* entry_priv * by (method, name) hash */
    entry_priv total;         /* Aggregated */
    stats_errtab errors;
    bool keep_snapshots;
    double now_hint;          /* latest time seen: start of new entries */
};

static entry_priv *priv_of(stats_entry *e) { return (entry_priv *)e; }

/* Zero the counters of e (Locust's StatsEntry.reset without the snapshot). */
static void entry_zero(stats_entry *e, double now)
{
    e->num_requests = e->num_none_requests = e->num_failures = 0;
    e->total_response_time = 0;
    e->min_response_time = 0;
    e->has_min = false;
    e->max_response_time = 0;
    e->total_content_length = 0;
    e->start_time = now;
    e->last_request_timestamp = 0;
    stats_buckets_clear(&e->hist);
    stats_persec_clear(&e->reqs_per_sec);
    stats_persec_clear(&e->fails_per_sec);
    if (e->precise)
        hdr_reset(e->precise);
    stats_snapshots_clear(e);
}

static int entry_init(entry_priv *p, const char *method, const char *name, double now,
                      bool snapshots)
{
    stats_entry *e = &p->pub;
    memset(p, 0, sizeof *p);
    e->method = strdup(method);
    e->name = strdup(name);
    e->precise = hdr_new();
    if (snapshots)
        e->snapshots = calloc(STATS_SNAPSHOTS, sizeof *e->snapshots);
    if (!e->method || !e->name || !e->precise || (snapshots && !e->snapshots))
        return -1;
    entry_zero(e, now);
    p->hash = stats_hash(stats_hash(STATS_HASH_SEED, method), name);
    p->fresh = true;
    return 0;
}

static void entry_fini(entry_priv *p)
{
    stats_entry *e = &p->pub;
    free(e->method);
    free(e->name);
    stats_buckets_free(&e->hist);
    hdr_free(e->precise);
    stats_snapshots_free(e);
}

stats_set *stats_set_new(double now, bool keep_snapshots)
{
    stats_set *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->keep_snapshots = keep_snapshots;
    s->now_hint = now;
    if (entry_init(&s->total, "", "Aggregated", now, keep_snapshots) < 0) {
        entry_fini(&s->total);
        free(s);
        return NULL;
    }
    s->total.fresh = false;
    if (keep_snapshots)
        stats_snapshot_take(&s->total.pub, stats_sec(now));
    return s;
}

void stats_set_free(stats_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        entry_fini(s->entries[i]);
        free(s->entries[i]);
    }
    free(s->entries);
    lb_oa_free(&s->index);
    entry_fini(&s->total);
    stats_errtab_clear(&s->errors);
    free(s);
}

static uint64_t entry_hash(const void *p)
{
    return ((const entry_priv *)p)->hash;
}

stats_entry *stats_set_entry(stats_set *s, const char *method, const char *name)
{
    uint64_t h = stats_hash(stats_hash(STATS_HASH_SEED, method), name);
    lb_oaindex *ix = &s->index;
    if (ix->cap) {
        for (size_t j = lb_oa_first(ix, h); ix->slot[j]; j = lb_oa_next(ix, j)) {
            entry_priv *p = ix->slot[j];
            if (p->hash == h && !strcmp(p->pub.method, method) && !strcmp(p->pub.name, name))
                return &p->pub;
        }
    }
    if (lb_oa_reserve(ix, entry_hash) < 0)
        return NULL;
    entry_priv **ne = lb_grow(s->entries, &s->cap, s->n, sizeof *ne, 16);
    if (!ne)
        return NULL;
    s->entries = ne;
    entry_priv *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    if (entry_init(p, method, name, s->now_hint, s->keep_snapshots) < 0) {
        entry_fini(p);
        free(p);
        return NULL;
    }
    s->entries[s->n++] = p;
    lb_oa_insert(ix, p, h);
    return &p->pub;
}

stats_entry *stats_set_total(stats_set *s) { return &s->total.pub; }
const stats_entry *stats_set_total_c(const stats_set *s) { return &s->total.pub; }
size_t stats_set_count(const stats_set *s) { return s->n; }
stats_entry *stats_set_at(const stats_set *s, size_t i)
{
    return i < s->n ? &s->entries[i]->pub : NULL;
}

/* StatsEntry.log: snapshot on entering a new second, count the request,
 * then its response time (None -> num_none_requests). */
static int entry_log(entry_priv *p, double now, double rt_ms, int64_t key, uint64_t usec,
                     uint64_t content_length)
{
    stats_entry *e = &p->pub;
    int64_t t = stats_sec(now);
    int rc = 0;

    if (e->snapshots) {
        if (p->fresh)
            rc |= stats_snapshot_take(e, t);
        else if (e->last_request_timestamp != 0 && t > stats_sec(e->last_request_timestamp))
            rc |= stats_snapshot_take(e, t - 1);
    }
    if (p->fresh) {
        e->start_time = now;
        p->fresh = false;
    }
    e->num_requests++;
    stats_persec_add(&e->reqs_per_sec, t, 1);
    e->last_request_timestamp = now;
    e->total_content_length += content_length;
    if (rt_ms < 0 || isnan(rt_ms)) {
        e->num_none_requests++;
        return rc;
    }
    e->total_response_time += rt_ms;
    if (!e->has_min || rt_ms < e->min_response_time) {
        e->min_response_time = rt_ms;
        e->has_min = true;
    }
    if (rt_ms > e->max_response_time)
        e->max_response_time = rt_ms;
    rc |= stats_buckets_add(&e->hist, key, 1);
    if (e->precise)
        rc |= hdr_record(e->precise, usec);
    return rc;
}

int stats_set_record(stats_set *s, stats_entry *e, double now, double rt_ms,
                     uint64_t content_length, bool failed, const char *error)
{
    int rc = 0;
    int64_t key = 0;
    uint64_t usec = 0;
    s->now_hint = now;
    if (rt_ms >= 0) {   /* computed once for both entries */
        double us = rt_ms * 1000.0;
        key = stats_bucket_key(rt_ms);
        usec = us >= 1.8e19 ? UINT64_MAX : (uint64_t)(us + 0.5);
    }
    rc |= entry_log(&s->total, now, rt_ms, key, usec, content_length);
    if (e != &s->total.pub)
        rc |= entry_log(priv_of(e), now, rt_ms, key, usec, content_length);
    if (failed) {
        int64_t t = stats_sec(now);
        s->total.pub.num_failures++;
        stats_persec_add(&s->total.pub.fails_per_sec, t, 1);
        if (e != &s->total.pub) {
            e->num_failures++;
            stats_persec_add(&e->fails_per_sec, t, 1);
        }
        rc |= stats_errtab_add(&s->errors, e->method, e->name, error ? error : "None", 1);
    }
    return rc ? -1 : 0;
}

static int cmp_name_method(const void *a, const void *b)
{
    const stats_entry *x = *(const stats_entry *const *)a;
    const stats_entry *y = *(const stats_entry *const *)b;
    int c = strcmp(x->name, y->name);   /* byte order of UTF-8 = code-point order */
    return c ? c : strcmp(x->method, y->method);
}

void stats_set_sorted(const stats_set *s, const stats_entry **out)
{
    for (size_t i = 0; i < s->n; i++)
        out[i] = &s->entries[i]->pub;
    qsort(out, s->n, sizeof *out, cmp_name_method);
}

size_t stats_set_error_count(const stats_set *s) { return s->errors.n; }
const stats_error *stats_set_error_at(const stats_set *s, size_t i)
{
    return stats_errtab_at(&s->errors, i);
}

/* StatsEntry.reset: zero, start = now, and a snapshot of the empty state. */
static void entry_reset(entry_priv *p, double now)
{
    entry_zero(&p->pub, now);
    p->fresh = false;
    if (p->pub.snapshots)
        stats_snapshot_take(&p->pub, stats_sec(now));
}

void stats_set_reset(stats_set *s, double now)
{
    s->now_hint = now;
    entry_reset(&s->total, now);
    for (size_t i = 0; i < s->n; i++)
        entry_reset(s->entries[i], now);
    stats_errtab_clear(&s->errors);
}

/* StatsEntry.extend: sums, min/max, latest timestamp, earliest start, summed
 * dicts, then a snapshot when the merged data reaches a new second. */
static int entry_extend(entry_priv *dp, const stats_entry *src)
{
    stats_entry *d = &dp->pub;
    int rc = 0;
    double old_last = d->last_request_timestamp;
    if (src->last_request_timestamp != 0 &&
        (d->last_request_timestamp == 0 || src->last_request_timestamp > d->last_request_timestamp))
        d->last_request_timestamp = src->last_request_timestamp;
    if (src->start_time < d->start_time)
        d->start_time = src->start_time;
    d->num_requests += src->num_requests;
    d->num_none_requests += src->num_none_requests;
    d->num_failures += src->num_failures;
    d->total_response_time += src->total_response_time;
    if (src->max_response_time > d->max_response_time)
        d->max_response_time = src->max_response_time;
    if (src->has_min && (!d->has_min || src->min_response_time < d->min_response_time)) {
        d->min_response_time = src->min_response_time;
        d->has_min = true;
    }
    d->total_content_length += src->total_content_length;
    rc |= stats_buckets_merge(&d->hist, &src->hist);
    stats_persec_merge(&d->reqs_per_sec, &src->reqs_per_sec);
    stats_persec_merge(&d->fails_per_sec, &src->fails_per_sec);
    if (d->precise && src->precise)
        rc |= hdr_merge(d->precise, src->precise);
    if (d->snapshots && d->last_request_timestamp != 0) {
        int64_t last = stats_sec(d->last_request_timestamp);
        if (last > (old_last != 0 ? stats_sec(old_last) : 0))
            rc |= stats_snapshot_take(d, last);
    }
    return rc;
}

int stats_set_merge(stats_set *dst, const stats_set *src)
{
    int rc = 0;
    /* first, so entries created by this report start at the report's time */
    if (src->now_hint > dst->now_hint)
        dst->now_hint = src->now_hint;
    for (size_t i = 0; i < src->n; i++) {
        const stats_entry *se = &src->entries[i]->pub;
        /* serialize_stats: a worker reports only entries that saw something */
        if (se->num_requests == 0 && se->num_failures == 0)
            continue;
        stats_entry *de = stats_set_entry(dst, se->method, se->name);
        if (!de) {
            rc = -1;
            continue;
        }
        if (priv_of(de)->fresh) {
            /* Locust's master creates the entry (and its first snapshot) when
             * the first report naming it arrives. */
            priv_of(de)->fresh = false;
            if (de->snapshots)
                rc |= stats_snapshot_take(de, stats_sec(dst->now_hint));
        }
        rc |= entry_extend(priv_of(de), se);
    }
    rc |= entry_extend(&dst->total, &src->total.pub);
    for (size_t i = 0; i < src->errors.n; i++) {
        const stats_error *er = stats_errtab_at(&src->errors, i);
        rc |= stats_errtab_add(&dst->errors, er->method, er->name, er->error, er->occurrences);
    }
    return rc ? -1 : 0;
}
