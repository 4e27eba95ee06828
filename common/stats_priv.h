/* stats_priv.h — helpers shared by the stats_*.c files; not part of the API.
 *
 * stats_buckets has two shapes. A *live* histogram (an entry's) keeps keys
 * below 10 s in a lazily allocated dense array of STATS_DENSE slots and keys
 * >= 10 s in the sorted `big` vector. A *sparse* copy (a snapshot's) has no
 * dense array and keeps every key in `big`, so twenty snapshots cost only
 * as much as the keys actually seen. Walking `big` then `dense` (descending)
 * or `dense` then `big` (ascending) is therefore in key order for both. */
#ifndef LB_STATS_PRIV_H
#define LB_STATS_PRIV_H
#include "oaindex.h"
#include "stats.h"

/* Dense slots: 0..99 by 1, 100..990 by 10, 1000..9900 by 100. */
#define STATS_DENSE 280
#define STATS_DENSE_LIMIT 10000
/* Marks an unused snapshot or per-second slot. */
#define STATS_NO_SEC INT64_MIN

/* Python's int(x) for a timestamp: truncation toward zero (NaN or absurd
 * values, which no clock produces, map to 0 instead of undefined behaviour). */
static inline int64_t stats_sec(double t)
{
    return t > -9.2e18 && t < 9.2e18 ? (int64_t)t : 0;
}

void stats_buckets_free(stats_buckets *b);
/* Zero all counts, keeping allocations (no allocation on the hot path). */
void stats_buckets_clear(stats_buckets *b);
/* Add n to key. 0, or -1 on OOM (nothing added). */
int stats_buckets_add(stats_buckets *b, int64_t key, uint64_t n);
/* Add every count of src (either shape) into the live histogram dst. */
int stats_buckets_merge(stats_buckets *dst, const stats_buckets *src);
/* Replace the sparse histogram dst by a copy of src, reusing dst's vector. */
int stats_buckets_copy_sparse(stats_buckets *dst, const stats_buckets *src);

/* Descending walk over (key, count) pairs with count > 0. */
typedef struct stats_bk_iter {
    const stats_buckets *b;
    size_t big_left;   /* big entries not yet visited (from the top) */
    int dense_left;    /* dense slots not yet visited (from the top) */
} stats_bk_iter;
void stats_bk_desc_init(stats_bk_iter *it, const stats_buckets *b);
bool stats_bk_desc_next(stats_bk_iter *it, int64_t *key, uint64_t *count);
/* Ascending counterpart. */
typedef struct stats_bk_asc {
    const stats_buckets *b;
    int dense_pos;
    size_t big_pos;
} stats_bk_asc;
void stats_bk_asc_init(stats_bk_asc *it, const stats_buckets *b);
bool stats_bk_asc_next(stats_bk_asc *it, int64_t *key, uint64_t *count);

/* §2.4 walk on cur minus old (old may be NULL), n = request count. */
int64_t stats_buckets_percentile(const stats_buckets *cur, const stats_buckets *old,
                                 uint64_t n, double p);

/* Per-second ring: add n at second t; count at second t (0 when absent). */
void stats_persec_add(stats_persec *r, int64_t t, uint64_t n);
uint64_t stats_persec_get(const stats_persec *r, int64_t t);
void stats_persec_clear(stats_persec *r);
void stats_persec_merge(stats_persec *dst, const stats_persec *src);

/* Snapshots (§2.8): store the entry's current state under second t,
 * overwriting an existing one for t or evicting the oldest. */
int stats_snapshot_take(stats_entry *e, int64_t t);
void stats_snapshots_clear(stats_entry *e);
void stats_snapshots_free(stats_entry *e);

/* Python repr() of a str, for error keys; malloc'ed, NULL on OOM. */
char *stats_pyrepr_str(const char *s);

/* Error table: distinct (method, name, error) records, found by hash and kept
 * sorted by Locust's key (SHA-256 hex of "<method>.<name>.<repr(error)>"). */
typedef struct stats_err_rec stats_err_rec;
typedef struct stats_errtab {
    stats_err_rec **sorted;   /* by key hex: failures.csv order */
    size_t n, cap;
    lb_oaindex index;         /* stats_err_rec * by (method, name, error) hash */
} stats_errtab;
/* Add n occurrences. 0, or -1 on OOM (nothing counted). */
int stats_errtab_add(stats_errtab *t, const char *method, const char *name,
                     const char *error, uint64_t n);
const stats_error *stats_errtab_at(const stats_errtab *t, size_t i);
/* Drop every record (keeps nothing allocated). */
void stats_errtab_clear(stats_errtab *t);

/* FNV-1a over NUL-separated strings, for the hash indexes. */
uint64_t stats_hash(uint64_t h, const char *s);
#define STATS_HASH_SEED 1469598103934665603ull

#endif
