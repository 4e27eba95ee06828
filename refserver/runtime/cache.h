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

/* A user row as the auth and login paths need it. */
typedef struct rs_user {
    char uuid[40];
    char username[128];
    char password_hash[128];
    char role[16];
    bool must_change_password;
} rs_user;

#define RS_USERCACHE_SLOTS 64

/* Small keyed cache of users (by uuid or by username) with a TTL. Linear
 * scan: a deployment has a handful of users and the seed's caches held one. */
typedef struct rs_usercache {
    double ttl;
    bool enabled;
    struct { rs_user user; char key[128]; double stamp; bool used; } slot[RS_USERCACHE_SLOTS];
    unsigned next;     /* round-robin eviction */
} rs_usercache;

void usercache_init(rs_usercache *c, double ttl, bool enabled);
/* Copy the fresh entry for key into *out. True on a hit. */
bool usercache_get(rs_usercache *c, const char *key, double now, rs_user *out);
/* Insert or refresh key -> user (positive entries only). */
void usercache_put(rs_usercache *c, const char *key, const rs_user *u, double now);
/* Drop every entry (a user row changed). */
void usercache_clear(rs_usercache *c);

/* Verified JWTs: a token's signature never changes and the secret is fixed
 * for the process, so once verified only its exp needs checking again. This
 * saves the base64 + JSON + HMAC work (~10 % of a worker's CPU under the
 * decnet mix, where all users share one token). Direct-mapped; a collision
 * only means verifying again. Not a seed knob: results are identical. */
#define RS_TOKEN_SLOTS 256
#define RS_TOKEN_MAX 1024
typedef struct rs_tokencache {
    struct { char token[RS_TOKEN_MAX]; char uuid[64]; long exp; bool used; } slot[RS_TOKEN_SLOTS];
} rs_tokencache;

/* True with uuid (cap bytes) and *exp filled when token was verified before. */
bool tokencache_get(const rs_tokencache *c, const char *token, char *uuid, size_t cap,
                    long *exp);
/* Remember a verified token (ignored when too long). */
void tokencache_put(rs_tokencache *c, const char *token, const char *uuid, long exp);

#endif
