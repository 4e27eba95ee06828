/* hdr.h — a precise latency histogram (HDR-style), kept beside Locust's buckets.
 *
 * Locust's rounded buckets hide detail (everything between 995 and 1049 ms is
 * "1000"). This histogram records microseconds with 3 significant digits
 * (relative error < 0.1%), exact below 2048 us, covering 1 us .. ~1 h (larger
 * values are clamped to the top and counted). Memory is bounded (~195 KiB at
 * worst): counters are allocated lazily in 16-counter chunks within each
 * power-of-two magnitude, so an entry pays only for the value ranges it saw
 * (empty: 400 B; times within a 100 us band: ~1.4 KiB; 20 requests spread
 * over 1-10 ms: ~5 KiB; every value of 1-10 ms: ~29 KiB).
 * Histograms merge exactly (same layout everywhere).
 *
 * Hand-written because Debian packages no C HDR histogram library
 * (only Java and Go ones). */
#ifndef LB_HDR_H
#define LB_HDR_H
#include <stddef.h>
#include <stdint.h>

typedef struct hdr_hist hdr_hist;

/* New empty histogram; NULL on allocation failure. */
hdr_hist *hdr_new(void);
void hdr_free(hdr_hist *h);
/* Forget all values (keeps allocated chunks for reuse). */
void hdr_reset(hdr_hist *h);
/* Record one value in microseconds. Returns 0, or -1 when a counter chunk
 * could not be allocated (the value is then only counted in the total). */
int hdr_record(hdr_hist *h, uint64_t usec);
/* Add every count of src into dst. Returns 0 or -1 (allocation failure). */
int hdr_merge(hdr_hist *dst, const hdr_hist *src);
/* Number of recorded values. */
uint64_t hdr_count(const hdr_hist *h);
/* Smallest/largest recorded value (exact), 0 when empty. */
uint64_t hdr_min(const hdr_hist *h);
uint64_t hdr_max(const hdr_hist *h);
/* Mean of recorded values (exact sum / count), 0.0 when empty. */
double hdr_mean(const hdr_hist *h);
/* Value at quantile q in [0,1]: the smallest recorded bucket value v such
 * that at least ceil(q*count) values are <= v (q=0 -> min, q=1 -> max),
 * reported as the bucket's highest equivalent value clamped to [min,max].
 * 0 when empty. */
uint64_t hdr_quantile(const hdr_hist *h, double q);
/* Bytes of memory held by h (for the memory benchmarks). */
size_t hdr_memory(const hdr_hist *h);

#endif
