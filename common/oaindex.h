/* oaindex.h — the open-addressing hash index the stats tables find their
 * records through: a power-of-two array of record pointers, linear probing,
 * never more than half full, doubled and rehashed as records are added.
 *
 * It holds pointers rather than positions in the owner's array: the error
 * table keeps its records sorted and shifts them on every insert, so only
 * the (individually allocated) records themselves stay put. Probing is left
 * to the owner through the inline lb_oa_first/lb_oa_next, so each table
 * compares its own key inline: a compare callback would cost a call per
 * probe on the request path. Records are never removed, only all at once.
 *
 * Written by hand: glibc's hsearch_r has a fixed capacity and string keys
 * only, and GLib's GHashTable would add a library and a callback per compare
 * for two small tables. */
#ifndef LB_OAINDEX_H
#define LB_OAINDEX_H
#include <stddef.h>
#include <stdint.h>

typedef struct lb_oaindex {
    void **slot;   /* cap slots, NULL where empty */
    size_t cap;    /* 0 or a power of two */
    size_t n;      /* records held */
} lb_oaindex;

/* The hash a record was inserted under (owners store it in the record). */
typedef uint64_t (*lb_oa_hash_fn)(const void *rec);

/* A lookup of hash h, on an index with cap > 0:
 *   for (size_t j = lb_oa_first(ix, h); ix->slot[j]; j = lb_oa_next(ix, j))
 *       if (ix->slot[j] matches) ...
 * The loop ends: at least half the slots are empty. */
static inline size_t lb_oa_first(const lb_oaindex *ix, uint64_t h)
{
    return (size_t)h & (ix->cap - 1);
}

static inline size_t lb_oa_next(const lb_oaindex *ix, size_t j)
{
    return (j + 1) & (ix->cap - 1);
}

/* Make room for one more record: when it would fill the index past half,
 * double it (64 slots the first time) and re-place every record by hash(rec).
 * 0, or -1 when out of memory (the index is unchanged). */
int lb_oa_reserve(lb_oaindex *ix, lb_oa_hash_fn hash);

/* Place rec, not already present, under hash h; lb_oa_reserve first. */
void lb_oa_insert(lb_oaindex *ix, void *rec, uint64_t h);

/* Drop every slot (not the records); the index is empty and reusable. */
void lb_oa_free(lb_oaindex *ix);

#endif
