/* profile_write.h — rendering a per-request profile rollup for `analyze profile`.
 *
 * Markdown (for people): a summary line, the endpoints by server time
 * (requests, share of all server time, total p50/p95, top three phases),
 * then a matrix of phase p50 / p95 and share of each endpoint's time.
 * CSV (for scripts): one row per endpoint under PR_CSV_HEADER, plain numbers,
 * every endpoint. Times are milliseconds with up to three decimals (whole
 * microseconds); shares are percents. */
#ifndef AZ_PROFILE_WRITE_H
#define AZ_PROFILE_WRITE_H
#include <stddef.h>
#include <stdio.h>
#include "fmt.h"
#include "profile_rollup.h"

/* The exact CSV header line (without the newline):
 * method,route,requests,share_pct,total_ms,p50_ms,p95_ms, then for each phase
 * P of parse,auth,cache,db,bcrypt,serialize,write: P_p50_ms,P_p95_ms,P_pct,
 * then other_pct,top_phases. */
extern const char PR_CSV_HEADER[];

/* Print r sorted by summed total time (pr_sorted). nfiles is only quoted in
 * the Markdown summary. top limits the Markdown endpoints (0 = all; the rest
 * are summed in one line); CSV always lists every endpoint. Returns 0, or -1
 * on a write error or when memory for sorting runs out. */
int pr_write(FILE *f, const pr_rollup *r, size_t nfiles, fmt_kind k, size_t top);

#endif
