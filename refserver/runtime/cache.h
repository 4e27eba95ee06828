/* cache.h — the seed's TTL caches, per worker process.
 *
 * The seed guarded each cache with an asyncio.Lock so that on expiry every
 * concurrent caller waits while one refreshes and no stale value is served.
 * A refserver worker runs its handlers on one libev loop and its reads are
 * synchronous on that loop, so a refresh already excludes every other caller
 * of that worker: "lock-and-wait" holds by construction, with no lock.
 * Values are the serialized body (endpoints) or a number (counts). */
#ifndef RS_CACHE_H
#define RS_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

typedef struct rs_ttl {
    double ttl;        /* seconds; the seed's TTL for this cache */
    bool enabled;      /* knob: off = always miss, never store */
    bool valid;
    double stamp;      /* monotonic time of the last refresh */
    long long number;  /* cached count, for count caches */
    lb_buf body;       /* cached body, for body caches */
    unsigned long hits, misses;
} rs_ttl;

/* Set up a cache with its TTL and on/off switch. */
void ttl_init(rs_ttl *t, double ttl, bool enabled);
/* True when t holds a value younger than its TTL at monotonic time now
 * (counts a hit or a miss). Always false when disabled. */
bool ttl_fresh(rs_ttl *t, double now);
/* Store a body (copied) refreshed at now; no-op when disabled. 0 or -1. */
int ttl_put_body(rs_ttl *t, double now, const char *body, size_t len);
/* Store a number refreshed at now; no-op when disabled. */
void ttl_put_number(rs_ttl *t, double now, long long v);
/* Forget the value (writes that change it call this). */
void ttl_invalidate(rs_ttl *t);
void ttl_free(rs_ttl *t);

#endif
