/* authcache.h — the auth path's caches, per worker process: users by uuid
 * (the token check, 10 s) or by username (login, 5 s, positive only), and
 * verified tokens. Their switches are the seed's knobs (config.h). */
#ifndef RS_AUTHCACHE_H
#define RS_AUTHCACHE_H
#include <stdbool.h>
#include <stddef.h>
#include "store/store.h"

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
