/* otel_ids.c — random trace and span ids from a per-thread PRNG.
 *
 * Hand-written on purpose: ids need speed, not secrecy, and Debian offers no
 * packaged per-thread PRNG (glibc 2.36's arc4random is a getrandom(2) system
 * call per use, random_r gives 31 bits behind a caller-managed state).
 * xoshiro256** (Blackman & Vigna, public domain algorithm) is a few lines,
 * and each thread seeds its own state from getrandom(2), so there is no lock
 * and no shared cache line. A pthread_atfork child handler bumps a
 * generation counter so a forked worker reseeds instead of repeating its
 * parent's ids. */
#include "otel_internal.h"
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

typedef struct rng_state {
    uint64_t s[4];
    unsigned gen;   /* fork generation this state was seeded in */
    int seeded;
} rng_state;

static _Thread_local rng_state tls_rng;
static atomic_uint fork_generation;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void on_fork_child(void) { atomic_fetch_add(&fork_generation, 1); }
static void register_atfork(void) { pthread_atfork(NULL, NULL, on_fork_child); }

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void rng_seed(rng_state *r)
{
    pthread_once(&atfork_once, register_atfork);
    uint64_t seed[4] = {0, 0, 0, 0};
    ssize_t got = getrandom(seed, sizeof seed, GRND_NONBLOCK);
    if (got != (ssize_t)sizeof seed) {
        /* No entropy yet (early boot) or no getrandom: ids only need to be
         * unlikely to collide, so time, pid and this thread's address do. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t x = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
        x ^= (uint64_t)getpid() << 32;
        x ^= (uint64_t)(uintptr_t)r;
        for (int i = 0; i < 4; i++)
            seed[i] ^= splitmix64(&x);
    }
    memcpy(r->s, seed, sizeof seed);
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
        r->s[0] = 1; /* the one state xoshiro must never be in */
    r->gen = atomic_load_explicit(&fork_generation, memory_order_relaxed);
    r->seeded = 1;
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(void)
{
    rng_state *r = &tls_rng;
    if (!r->seeded || r->gen != atomic_load_explicit(&fork_generation, memory_order_relaxed))
        rng_seed(r);
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

void otel_ids_trace(uint8_t id[16])
{
    uint64_t a, b;
    do {
        a = rng_next();
        b = rng_next();
    } while ((a | b) == 0); /* all-zero ids are invalid in W3C and OTLP */
    memcpy(id, &a, 8);
    memcpy(id + 8, &b, 8);
}

void otel_ids_span(uint8_t id[8])
{
    uint64_t a;
    do {
        a = rng_next();
    } while (a == 0);
    memcpy(id, &a, 8);
}

void otel_hex_encode(const uint8_t *bytes, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    out[2 * n] = '\0';
}
