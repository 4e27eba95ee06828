/* hdr.c — the precise microsecond histogram behind hdr.h.
 *
 * Layout (HdrHistogram's, with 3 significant digits): magnitude 0 counts
 * 0..2047 us one by one; magnitude k >= 1 counts [1024<<k, 2048<<k) in 1024
 * sub-buckets of width 2^k, so every bucket is narrower than 1/1024 of its
 * value (< 0.1% relative error). 22 magnitudes reach 2^32-1 us (~71 min);
 * larger values are clamped into the top bucket (hdr_max stays exact).
 *
 * Counters live in chunks of HDR_CHUNK allocated on first use, reached through
 * a per-magnitude table of chunk pointers that is itself allocated on first
 * use: an entry whose times sit in one decade costs a few KiB, not the
 * ~190 KiB a dense array would. Every histogram has the same layout, so merge
 * is an exact counter-by-counter sum.
 *
 * Hand-written because Debian packages no C HDR histogram library (only
 * the Java and Go ones). */
#include "hdr.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HDR_MAGS 22            /* magnitudes 0..21 */
#define HDR_SUB 1024           /* sub-buckets per magnitude >= 1 */
#define HDR_CHUNK 16           /* counters per lazily allocated chunk */
#define HDR_TOP 0xFFFFFFFFull  /* largest trackable value (us) */
/* Chunks over all magnitudes: 2048/64 for magnitude 0, 1024/64 for the rest. */
#define HDR_NCHUNKS (2 * HDR_SUB / HDR_CHUNK + (HDR_MAGS - 1) * HDR_SUB / HDR_CHUNK)
#define HDR_DIRTY_WORDS ((HDR_NCHUNKS + 63) / 64)

struct hdr_hist {
    uint64_t **mag[HDR_MAGS];  /* mag[k][chunk] -> HDR_CHUNK counters */
    /* Chunks written since the last reset. loadgen folds per-thread
     * histograms into a shared one and resets them every second; walking
     * only these keeps merge and reset proportional to what was recorded,
     * not to every chunk the histogram ever allocated. */
    uint64_t dirty[HDR_DIRTY_WORDS];
    uint64_t count;            /* every recorded value, counted or not */
    uint64_t min, max;         /* exact raw extremes */
    uint64_t sum;              /* exact sum of raw values (us) */
    size_t bytes;              /* heap held, for hdr_memory */
};

/* Counters in magnitude k: 2048 for k = 0, 1024 otherwise. */
static size_t mag_size(int k) { return k == 0 ? 2 * HDR_SUB : HDR_SUB; }

/* Magnitude and counter index of v (already clamped to HDR_TOP). */
static void locate(uint64_t v, int *k, size_t *idx)
{
    if (v < 2 * HDR_SUB) {
        *k = 0;
        *idx = (size_t)v;
        return;
    }
    int msb = 63 - __builtin_clzll(v);
    int shift = msb - 10;
    *k = shift;
    *idx = (size_t)(v >> shift) - HDR_SUB;
}

/* Index of chunk c of magnitude k among all chunks, and back. */
static size_t chunk_id(int k, size_t c)
{
    return k == 0 ? c : 2 * HDR_SUB / HDR_CHUNK + (size_t)(k - 1) * (HDR_SUB / HDR_CHUNK) + c;
}
static void chunk_of(size_t id, int *k, size_t *c)
{
    size_t first = 2 * HDR_SUB / HDR_CHUNK;
    if (id < first) {
        *k = 0;
        *c = id;
    } else {
        *k = 1 + (int)((id - first) / (HDR_SUB / HDR_CHUNK));
        *c = (id - first) % (HDR_SUB / HDR_CHUNK);
    }
}

/* Lowest and highest value that share the counter (k, idx). */
static uint64_t bucket_low(int k, size_t idx)
{
    return k == 0 ? idx : ((uint64_t)(idx + HDR_SUB) << k);
}
static uint64_t bucket_high(int k, size_t idx)
{
    return k == 0 ? idx : bucket_low(k, idx) + ((uint64_t)1 << k) - 1;
}

hdr_hist *hdr_new(void)
{
    hdr_hist *h = calloc(1, sizeof *h);
    if (h)
        h->bytes = sizeof *h;
    return h;
}

void hdr_free(hdr_hist *h)
{
    if (!h)
        return;
    for (int k = 0; k < HDR_MAGS; k++) {
        if (!h->mag[k])
            continue;
        for (size_t c = 0; c < mag_size(k) / HDR_CHUNK; c++)
            free(h->mag[k][c]);
        free(h->mag[k]);
    }
    free(h);
}

void hdr_reset(hdr_hist *h)
{
    for (size_t w = 0; w < HDR_DIRTY_WORDS; w++) {
        for (uint64_t bits = h->dirty[w]; bits; bits &= bits - 1) {
            int k;
            size_t c;
            chunk_of(w * 64 + (size_t)__builtin_ctzll(bits), &k, &c);
            memset(h->mag[k][c], 0, HDR_CHUNK * sizeof(uint64_t));
        }
        h->dirty[w] = 0;
    }
    h->count = h->min = h->max = h->sum = 0;
}

/* The counter for (k, idx), allocating its chunk if needed; NULL on OOM. */
static uint64_t *counter(hdr_hist *h, int k, size_t idx)
{
    size_t c = idx / HDR_CHUNK;
    if (!h->mag[k]) {
        size_t n = mag_size(k) / HDR_CHUNK;
        h->mag[k] = calloc(n, sizeof(uint64_t *));
        if (!h->mag[k])
            return NULL;
        h->bytes += n * sizeof(uint64_t *);
    }
    if (!h->mag[k][c]) {
        h->mag[k][c] = calloc(HDR_CHUNK, sizeof(uint64_t));
        if (!h->mag[k][c])
            return NULL;
        h->bytes += HDR_CHUNK * sizeof(uint64_t);
    }
    size_t id = chunk_id(k, c);
    h->dirty[id / 64] |= 1ull << (id % 64);
    return &h->mag[k][c][idx % HDR_CHUNK];
}

/* Count a value in the extremes and sum only. */
static void note_value(hdr_hist *h, uint64_t usec, uint64_t n)
{
    if (h->count == 0 || usec < h->min)
        h->min = usec;
    if (usec > h->max)
        h->max = usec;
    h->count += n;
}

int hdr_record(hdr_hist *h, uint64_t usec)
{
    int k;
    size_t idx;
    note_value(h, usec, 1);
    h->sum += usec;
    locate(usec > HDR_TOP ? HDR_TOP : usec, &k, &idx);
    uint64_t *c = counter(h, k, idx);
    if (!c)
        return -1;
    (*c)++;
    return 0;
}

int hdr_merge(hdr_hist *dst, const hdr_hist *src)
{
    int rc = 0;
    if (src->count == 0)
        return 0;
    for (size_t w = 0; w < HDR_DIRTY_WORDS; w++) {
        for (uint64_t bits = src->dirty[w]; bits; bits &= bits - 1) {
            int k;
            size_t c;
            chunk_of(w * 64 + (size_t)__builtin_ctzll(bits), &k, &c);
            const uint64_t *sc = src->mag[k][c];
            uint64_t *d = counter(dst, k, c * HDR_CHUNK);   /* the chunk's first counter */
            if (!d) {
                rc = -1;
                continue;
            }
            for (size_t i = 0; i < HDR_CHUNK; i++)
                d[i] += sc[i];
        }
    }
    if (dst->count == 0 || src->min < dst->min)
        dst->min = src->min;
    if (src->max > dst->max)
        dst->max = src->max;
    dst->count += src->count;
    dst->sum += src->sum;
    return rc;
}

uint64_t hdr_count(const hdr_hist *h) { return h->count; }
uint64_t hdr_min(const hdr_hist *h) { return h->count ? h->min : 0; }
uint64_t hdr_max(const hdr_hist *h) { return h->count ? h->max : 0; }
double hdr_mean(const hdr_hist *h) { return h->count ? (double)h->sum / (double)h->count : 0.0; }

uint64_t hdr_quantile(const hdr_hist *h, double q)
{
    if (h->count == 0)
        return 0;
    if (q <= 0.0)
        return h->min;
    if (q >= 1.0)
        return h->max;
    double want = ceil(q * (double)h->count);
    uint64_t rank = want < 1.0 ? 1 : (uint64_t)want;
    uint64_t seen = 0;
    for (int k = 0; k < HDR_MAGS; k++) {
        if (!h->mag[k])
            continue;
        for (size_t c = 0; c < mag_size(k) / HDR_CHUNK; c++) {
            const uint64_t *cc = h->mag[k][c];
            if (!cc)
                continue;
            for (size_t i = 0; i < HDR_CHUNK; i++) {
                seen += cc[i];
                if (cc[i] && seen >= rank) {
                    uint64_t v = bucket_high(k, c * HDR_CHUNK + i);
                    if (v > h->max)
                        v = h->max;
                    if (v < h->min)
                        v = h->min;
                    return v;
                }
            }
        }
    }
    /* Values whose chunk could not be allocated are missing from the walk. */
    return h->max;
}

size_t hdr_memory(const hdr_hist *h) { return h->bytes; }
