/* stats_buckets.c — Locust's rounded response-time histogram (§2.2, §2.4)
 * and the per-second counter ring (§2.7).
 *
 * Keys below 10 s take only 280 distinct values, so a live histogram keeps
 * them in a dense array indexed by key: recording is one increment and never
 * allocates once the array exists. Keys >= 10 s (multiples of 1000) are rare
 * and open-ended; they live in a small sorted vector. */
#include "stats_priv.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const double stats_pcts[STATS_NPCT] = {0.50, 0.66, 0.75, 0.80, 0.90, 0.95,
                                       0.98, 0.99, 0.999, 0.9999, 1.0};
const char *const stats_pct_labels[STATS_NPCT] = {
    "50%", "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%"};

/* Python's round(rt, -d) is correctly rounded, half to even, on the exact
 * binary value. Dividing by the unit first is fast and right unless the
 * quotient lands within rounding error of a .5 tie (154.99999999999997/10
 * rounds up to exactly 15.5 and would pick 160). Those rare cases take the
 * exact path: fmod is exact and rt - rem is exactly representable, so the
 * comparison with unit/2 sees the true remainder. */
static double round_half_even(double rt, double unit)
{
    double q = rt / unit;
    double fl = floor(q);
    double frac = q - fl;
    if (fabs(frac - 0.5) > q * 1e-15 + 1e-12)
        return (frac < 0.5 ? fl : fl + 1) * unit;
    double rem = fmod(rt, unit);
    double base = rt - rem;
    double half = unit / 2;
    if (rem > half)
        return base + unit;
    if (rem < half)
        return base;
    return fmod(base / unit, 2.0) == 0.0 ? base : base + unit;
}

int64_t stats_bucket_key(double rt_ms)
{
    double k;
    if (!(rt_ms > 0))                /* negative, zero, NaN */
        return 0;
    if (rt_ms < 100)
        k = round_half_even(rt_ms, 1);
    else if (rt_ms < 1000)
        k = round_half_even(rt_ms, 10);
    else if (rt_ms < 10000)
        k = round_half_even(rt_ms, 100);
    else
        k = round_half_even(rt_ms, 1000);
    if (k >= 9.2e18)
        return INT64_MAX / 1000 * 1000;
    return (int64_t)k;
}

/* Dense slot of a key < 10000, or -1 when the key is not a dense key. */
static int dense_slot(int64_t key)
{
    if (key < 0)
        return -1;
    if (key < 100)
        return (int)key;
    if (key < 1000)
        return key % 10 ? -1 : 100 + (int)((key - 100) / 10);
    if (key < STATS_DENSE_LIMIT)
        return key % 100 ? -1 : 190 + (int)((key - 1000) / 100);
    return -1;
}

static int64_t slot_key(int s)
{
    if (s < 100)
        return s;
    if (s < 190)
        return 100 + (int64_t)(s - 100) * 10;
    return 1000 + (int64_t)(s - 190) * 100;
}

void stats_buckets_free(stats_buckets *b)
{
    free(b->dense);
    free(b->big);
    memset(b, 0, sizeof *b);
}

void stats_buckets_clear(stats_buckets *b)
{
    if (b->dense)
        memset(b->dense, 0, STATS_DENSE * sizeof *b->dense);
    b->nbig = 0;
    b->total = 0;
}

/* Position of key in big (or where it would be inserted). */
static size_t big_find(const stats_buckets *b, int64_t key)
{
    size_t lo = 0, hi = b->nbig;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->big[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int big_add(stats_buckets *b, int64_t key, uint64_t n)
{
    size_t i = big_find(b, key);
    if (i < b->nbig && b->big[i].key == key) {
        b->big[i].count += n;
        return 0;
    }
    if (b->nbig == b->capbig) {
        size_t cap = b->capbig ? b->capbig * 2 : 8;
        struct stats_big *nb = realloc(b->big, cap * sizeof *nb);
        if (!nb)
            return -1;
        b->big = nb;
        b->capbig = cap;
    }
    memmove(b->big + i + 1, b->big + i, (b->nbig - i) * sizeof *b->big);
    b->big[i].key = key;
    b->big[i].count = n;
    b->nbig++;
    return 0;
}

int stats_buckets_add(stats_buckets *b, int64_t key, uint64_t n)
{
    int s = dense_slot(key);
    if (s >= 0) {
        if (!b->dense) {
            b->dense = calloc(STATS_DENSE, sizeof *b->dense);
            if (!b->dense)
                return -1;
        }
        b->dense[s] += n;
    } else if (big_add(b, key, n) < 0) {
        return -1;
    }
    b->total += n;
    return 0;
}

int stats_buckets_merge(stats_buckets *dst, const stats_buckets *src)
{
    int rc = 0;
    if (src->total == 0)
        return 0;
    if (src->dense) {
        /* live + live: slot-wise sum, the common case of a worker report */
        if (!dst->dense && !(dst->dense = calloc(STATS_DENSE, sizeof *dst->dense)))
            return -1;
        for (int s = 0; s < STATS_DENSE; s++) {
            dst->dense[s] += src->dense[s];
            dst->total += src->dense[s];
        }
    }
    for (size_t i = 0; i < src->nbig; i++)
        if (src->big[i].count && stats_buckets_add(dst, src->big[i].key, src->big[i].count) < 0)
            rc = -1;
    return rc;
}

int stats_buckets_copy_sparse(stats_buckets *dst, const stats_buckets *src)
{
    size_t need = src->nbig;
    if (src->dense)
        for (int s = 0; s < STATS_DENSE; s++)
            need += src->dense[s] != 0;
    if (need > dst->capbig) {
        struct stats_big *nb = realloc(dst->big, need * sizeof *nb);
        if (!nb)
            return -1;
        dst->big = nb;
        dst->capbig = need;
    }
    stats_bk_asc it;
    int64_t key;
    uint64_t count;
    size_t n = 0;
    stats_bk_asc_init(&it, src);
    while (stats_bk_asc_next(&it, &key, &count)) {
        dst->big[n].key = key;
        dst->big[n].count = count;
        n++;
    }
    dst->nbig = n;
    dst->total = src->total;
    return 0;
}

void stats_bk_desc_init(stats_bk_iter *it, const stats_buckets *b)
{
    it->b = b;
    it->big_left = b->nbig;
    it->dense_left = b->dense ? STATS_DENSE : 0;
}

bool stats_bk_desc_next(stats_bk_iter *it, int64_t *key, uint64_t *count)
{
    while (it->big_left > 0) {
        const struct stats_big *e = &it->b->big[--it->big_left];
        if (e->count) {
            *key = e->key;
            *count = e->count;
            return true;
        }
    }
    while (it->dense_left > 0) {
        int s = --it->dense_left;
        if (it->b->dense[s]) {
            *key = slot_key(s);
            *count = it->b->dense[s];
            return true;
        }
    }
    return false;
}

void stats_bk_asc_init(stats_bk_asc *it, const stats_buckets *b)
{
    it->b = b;
    it->dense_pos = b->dense ? 0 : STATS_DENSE;
    it->big_pos = 0;
}

bool stats_bk_asc_next(stats_bk_asc *it, int64_t *key, uint64_t *count)
{
    while (it->dense_pos < STATS_DENSE) {
        int s = it->dense_pos++;
        if (it->b->dense[s]) {
            *key = slot_key(s);
            *count = it->b->dense[s];
            return true;
        }
    }
    while (it->big_pos < it->b->nbig) {
        const struct stats_big *e = &it->b->big[it->big_pos++];
        if (e->count) {
            *key = e->key;
            *count = e->count;
            return true;
        }
    }
    return false;
}

/* Locust's calculate_response_time_percentile on diff(cur, old):
 * k = int(n * p); walking keys from the top, return the first key at which
 * n - processed <= k. old's keys are a subset of cur's (counts only grow
 * between resets), so a parallel descending cursor finds each old count. */
int64_t stats_buckets_percentile(const stats_buckets *cur, const stats_buckets *old,
                                 uint64_t n, double p)
{
    uint64_t k = (uint64_t)((double)n * p);
    uint64_t processed = 0;
    stats_bk_iter it, ot;
    int64_t key, okey = 0;
    uint64_t count, ocount = 0;
    bool ohave = false;

    stats_bk_desc_init(&it, cur);
    if (old) {
        stats_bk_desc_init(&ot, old);
        ohave = stats_bk_desc_next(&ot, &okey, &ocount);
    }
    while (stats_bk_desc_next(&it, &key, &count)) {
        while (ohave && okey > key)
            ohave = stats_bk_desc_next(&ot, &okey, &ocount);
        if (ohave && okey == key) {
            count = count > ocount ? count - ocount : 0;
            ohave = stats_bk_desc_next(&ot, &okey, &ocount);
        }
        if (count == 0)
            continue;   /* diff_response_time_dicts drops zero counts */
        processed += count;
        if (processed >= n || n - processed <= k)
            return key;
    }
    return 0;
}

/* Ring slot of a second; seconds may be negative in synthetic tests. */
static size_t ring_slot(int64_t t)
{
    return (size_t)((uint64_t)t % STATS_RATE_RING);
}

void stats_persec_clear(stats_persec *r)
{
    for (size_t i = 0; i < STATS_RATE_RING; i++) {
        r->sec[i] = STATS_NO_SEC;
        r->count[i] = 0;
    }
}

void stats_persec_add(stats_persec *r, int64_t t, uint64_t n)
{
    size_t i = ring_slot(t);
    if (r->sec[i] == t) {
        r->count[i] += n;
    } else if (r->sec[i] < t || r->count[i] == 0) {
        r->sec[i] = t;
        r->count[i] = n;
    }
    /* else: t is older than the ring reaches; no rate window can see it. */
}

uint64_t stats_persec_get(const stats_persec *r, int64_t t)
{
    size_t i = ring_slot(t);
    return r->sec[i] == t ? r->count[i] : 0;
}

void stats_persec_merge(stats_persec *dst, const stats_persec *src)
{
    for (size_t i = 0; i < STATS_RATE_RING; i++)
        if (src->count[i])
            stats_persec_add(dst, src->sec[i], src->count[i]);
}

size_t stats_entry_each_bucket(const stats_entry *e, stats_visit_fn fn, void *ctx)
{
    stats_bk_asc it;
    int64_t key;
    uint64_t count;
    size_t n = 0;
    stats_bk_asc_init(&it, &e->hist);
    while (stats_bk_asc_next(&it, &key, &count)) {
        if (fn)
            fn(ctx, key, count);
        n++;
    }
    return n;
}

size_t stats_persec_each(const stats_persec *r, stats_visit_fn fn, void *ctx)
{
    size_t n = 0;
    for (size_t i = 0; i < STATS_RATE_RING; i++) {
        if (!r->count[i])
            continue;
        if (fn)
            fn(ctx, r->sec[i], r->count[i]);
        n++;
    }
    return n;
}
