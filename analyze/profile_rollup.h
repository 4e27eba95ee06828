/* profile_rollup.h — per-endpoint rollup of refserver's per-request phase
 * profiles (`refserver --profile-requests DIR`, read by `analyze profile`).
 *
 * The record format (docs/analyze.md, "Per-request profiles") is one CSV file
 * per refserver worker, DIR/requests-<pid>.csv, whose first line is exactly
 * PR_HEADER and whose rows are one finished request each: start time (Unix
 * us), method, route pattern, status, then total and per-phase wall time in
 * whole microseconds (0 for a phase that did not happen).
 *
 * A rollup keeps, per endpoint (method + route), the request count, exact
 * sums and a precise histogram (common/hdr.h) of total time and of every
 * phase: memory grows with endpoints, never with rows, so files of any
 * length stream through in constant memory. */
#ifndef AZ_PROFILE_ROLLUP_H
#define AZ_PROFILE_ROLLUP_H
#include <stddef.h>
#include <stdint.h>
#include "hdr.h"
#include "lberr.h"

/* The timed columns of a record, in file order: total then the phases. */
typedef enum pr_time {
    PR_TOTAL, PR_PARSE, PR_AUTH, PR_CACHE, PR_DB, PR_BCRYPT, PR_SERIALIZE, PR_WRITE,
    PR_NTIMES
} pr_time;
#define PR_NPHASES (PR_NTIMES - 1)   /* PR_PARSE .. PR_WRITE */

/* The header line of a requests-<pid>.csv file (without the LF). */
extern const char PR_HEADER[];
/* Short names of the timed columns: "total", "parse", "auth", "cache", "db",
 * "bcrypt", "serialize", "write" (the file's column names without "_us"). */
extern const char *const pr_time_names[PR_NTIMES];

/* One endpoint's accumulated requests. */
typedef struct pr_endpoint {
    char *method;                 /* "GET", "POST", ... */
    char *route;                  /* route pattern, e.g. "/api/v1/logs" */
    uint64_t count;               /* requests */
    uint64_t sum[PR_NTIMES];      /* exact sums of each timed column (us) */
    hdr_hist *hist[PR_NTIMES];    /* distribution of each timed column (us) */
} pr_endpoint;

typedef struct pr_rollup {
    pr_endpoint *eps;             /* in order of first appearance */
    size_t neps, cap;
    size_t *index;                /* open-addressing table of eps indices + 1 (0 = empty) */
    size_t index_cap;             /* power of two */
    uint64_t rows;                /* records added over all endpoints */
    uint64_t total_sum;           /* sum of total_us over all records: all server time */
} pr_rollup;

/* One parsed record (strings borrowed from the caller). */
typedef struct pr_record {
    const char *method, *route;
    uint64_t timestamp_us;
    unsigned status;
    uint64_t us[PR_NTIMES];       /* indexed by pr_time */
} pr_record;

/* Initialise an empty rollup. Never fails (allocation happens on first add). */
void pr_init(pr_rollup *r);
/* Release everything r holds; r is left empty and reusable. */
void pr_free(pr_rollup *r);

/* Fold one record into its endpoint (created on first sight). Returns 0, or
 * -1 with err filled on allocation failure or when a sum would overflow 64
 * bits; r then holds every earlier record and none of this one's sums. */
int pr_add(pr_rollup *r, const pr_record *rec, lb_err *err);

/* Called while a file is read, every PR_PROGRESS_ROWS records, with the
 * number of records read from it so far. */
typedef void (*pr_progress_fn)(void *ctx, uint64_t rows);
#define PR_PROGRESS_ROWS (1u << 20)

/* Stream one requests-<pid>.csv file into r (libcsv, constant memory),
 * calling progress (when not NULL) as rows go by. Returns 0, or -1 with err
 * naming "path:line:" for a missing or empty file, a first row that is not
 * exactly PR_HEADER, a ragged row, an empty method or route, a status outside
 * 100..599, or a time or timestamp that is negative, not a whole number or
 * too large for 64 bits. Records before the bad row stay in r. */
int pr_read_file(pr_rollup *r, const char *path, pr_progress_fn progress, void *ctx,
                 lb_err *err);

/* The requests-*.csv files of dir, as full paths sorted by file name
 * (byte order). On success *out holds *n >= 1 malloc'd paths (free them with
 * pr_paths_free) and 0 is returned; -1 with err when dir cannot be read or
 * holds no such file. */
int pr_list_files(const char *dir, char ***out, size_t *n, lb_err *err);
void pr_paths_free(char **paths, size_t n);

/* Fill out[0..neps) with the endpoints sorted by summed total time, largest
 * first; ties by route, then method (byte order), so output is stable. */
void pr_sorted(const pr_rollup *r, const pr_endpoint **out);

/* Value at quantile q (0..1) of column t of e, in milliseconds; see
 * hdr_quantile for the rule (exact below 2048 us, < 0.1% above). */
double pr_quantile_ms(const pr_endpoint *e, pr_time t, double q);
/* Percent of all server time (r->total_sum) spent in e; 0 when r has none. */
double pr_server_share(const pr_rollup *r, const pr_endpoint *e);
/* Percent of e's summed total time spent in phase t; 0 when e's total is 0.
 * Phases are measured separately, so shares need not add up to 100. */
double pr_phase_share(const pr_endpoint *e, pr_time t);
/* Percent of e's total time that no phase accounts for (event-loop queueing,
 * routing, timer granularity), clamped to 0 when the phases sum to more. */
double pr_other_share(const pr_endpoint *e);
/* Phases of e with non-zero summed time, largest sum first (ties in file
 * order), written to out; returns how many (0..PR_NPHASES). */
size_t pr_top_phases(const pr_endpoint *e, pr_time out[PR_NPHASES]);

#endif
