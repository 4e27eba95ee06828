/* throttle.c — fixed-window failure counts in an open-addressed table (see
 * throttle.h). Keys are hashed whole; the table keeps a 64-bit hash, so
 * two keys share a count only on a hash collision (and then both are
 * throttled a little early: a nuisance, not a bypass). */
#include "throttle.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#define PROBES 8

typedef struct slot {
    uint64_t hash;     /* 0: empty */
    double start;      /* when the window of this key began */
    int fails;
} slot;

struct rs_throttle {
    int limit;
    double window;
    slot slots[RS_THROTTLE_SLOTS];
};

rs_throttle *throttle_new(int limit, double window)
{
    rs_throttle *t = calloc(1, sizeof *t);
    if (t) {
        t->limit = limit;
        t->window = window;
    }
    return t;
}

void throttle_free(rs_throttle *t)
{
    free(t);
}

/* FNV-1a over kind + key; never 0 (the empty mark). */
static uint64_t key_hash(char kind, const char *key)
{
    uint64_t h = 1469598103934665603ull;
    h = (h ^ (unsigned char)kind) * 1099511628211ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h ? h : 1;
}

/* The slot of key, or NULL when it has none (create: take a free or
 * expired slot among its probes, else the oldest). */
static slot *find(rs_throttle *t, uint64_t h, double now, bool create)
{
    size_t base = (size_t)(h % RS_THROTTLE_SLOTS);
    slot *victim = NULL;
    bool victim_free = false;
    for (size_t i = 0; i < PROBES; i++) {
        slot *s = &t->slots[(base + i) % RS_THROTTLE_SLOTS];
        if (s->hash == h)
            return s;
        bool free_now = s->hash == 0 || now - s->start >= t->window;
        if (free_now && !victim_free) {
            victim = s;
            victim_free = true;
        } else if (!victim_free && (!victim || s->start < victim->start)) {
            victim = s;
        }
    }
    if (!create)
        return NULL;
    victim->hash = h;
    victim->start = now;
    victim->fails = 0;
    return victim;
}

long throttle_wait(rs_throttle *t, char kind, const char *key, double now)
{
    slot *s = find(t, key_hash(kind, key), now, false);
    if (!s || s->fails < t->limit || now - s->start >= t->window)
        return 0;
    double rest = s->start + t->window - now;
    long left = (long)rest;
    if ((double)left < rest)   /* round up: never tell a client to come back early */
        left++;
    return left > 0 ? left : 1;
}

void throttle_fail(rs_throttle *t, char kind, const char *key, double now)
{
    slot *s = find(t, key_hash(kind, key), now, true);
    if (now - s->start >= t->window) {   /* a new window */
        s->start = now;
        s->fails = 0;
    }
    s->fails++;
}
