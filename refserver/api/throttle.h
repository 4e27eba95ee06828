/* throttle.h — failed-login limits per client IP and per username.
 *
 * A fixed window per key: after `limit` failures within `window` seconds
 * of the first, the key is refused until the window ends (429 with
 * Retry-After, handlers_auth.c), as DECNET HEAD's slowapi limiter refuses
 * 10 logins per 5 minutes per IP and per username. Only failures count, so
 * load tests that log in many users with the right password are never
 * throttled; --login-limit off turns it off for runs that mean to fail.
 *
 * One table per worker process (workers do not share it: with W workers a
 * client may fail up to W x limit times). Fixed size: when full, the key
 * whose window started first is forgotten, so a flood of new keys costs
 * memory no more than RS_THROTTLE_SLOTS entries. */
#ifndef RS_THROTTLE_H
#define RS_THROTTLE_H

#define RS_THROTTLE_SLOTS 4096

typedef struct rs_throttle rs_throttle;

/* A table allowing limit failures per window seconds; NULL on OOM. */
rs_throttle *throttle_new(int limit, double window);
void throttle_free(rs_throttle *t);

/* Seconds (rounded up, >= 1) until key may try again at time now, or 0
 * when it may try now. kind separates the key spaces ('i' IP, 'u' user). */
long throttle_wait(rs_throttle *t, char kind, const char *key, double now);

/* Count one failure for key at time now. */
void throttle_fail(rs_throttle *t, char kind, const char *key, double now);

#endif
