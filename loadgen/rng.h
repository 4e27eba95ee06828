/* rng.h — a small, fast, seedable random generator and weighted choice.
 *
 * Each engine thread owns one lg_rng, so no locking and reproducible runs
 * for a given --seed. xorshift64* seeded through splitmix64: statistically
 * good enough for picking tasks and wait times, and a few cycles per draw. */
#ifndef LG_RNG_H
#define LG_RNG_H
#include <stddef.h>
#include <stdint.h>

typedef struct lg_rng { uint64_t s; } lg_rng;

/* Seed r from seed (any value, 0 included). */
void rng_seed(lg_rng *r, uint64_t seed);
/* Next 64 random bits. */
uint64_t rng_next(lg_rng *r);
/* Uniform double in [0, 1). */
double rng_unit(lg_rng *r);
/* Uniform integer in [lo, hi] (inclusive, like Python's randint); lo when hi <= lo. */
int64_t rng_range(lg_rng *r, int64_t lo, int64_t hi);

/* Weighted choice (Locust's task weights). cum[i] is the running sum of the
 * weights up to and including i (strictly increasing for positive weights),
 * n >= 1. Returns the index whose slot contains a uniform draw in
 * [0, cum[n-1]), found by binary search. */
size_t rng_pick(lg_rng *r, const double *cum, size_t n);

#endif
