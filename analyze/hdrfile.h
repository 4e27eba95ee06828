/* hdrfile.h — PREFIX_hdr.csv (loadgen's exact percentiles) over a profile.
 *
 * Locust's _stats.csv rounds response times above 100 ms to two significant
 * digits and prints whole milliseconds, so a 0.4 ms p50 reads "0" and a
 * 20 % change can hide in the rounding. loadgen writes the same entries'
 * percentiles from its precise histogram in microseconds to PREFIX_hdr.csv:
 *
 *   Type,Name,Request Count,Min (us),Mean (us),50%,66%,75%,80%,90%,95%,98%,
 *   99%,99.9%,99.99%,100%,Max (us)                   (one line in the file)
 *
 * one row per entry, then Aggregated (empty Type). Read with common's libcsv
 * row engine. */
#ifndef AZ_HDRFILE_H
#define AZ_HDRFILE_H
#include "lberr.h"
#include "model.h"

/* Replace p50/p95/p99 of p's Aggregated row and of every endpoint listed in
 * path with the file's exact values (converted to ms) and set
 * p->exact_pct. Entries of the file that p lacks are ignored; entries of p
 * the file lacks keep Locust's values. Returns 0, or -1 with err naming
 * path:line[:column] (unknown header, ragged row, a value that is not a
 * whole number). */
int hdrfile_apply(const char *path, model_profile *p, lb_err *err);

/* PREFIX_hdr.csv beside stats_path, applied when it exists. *used says
 * whether it was. Returns 0 or -1 with err. */
int hdrfile_apply_sibling(const char *stats_path, model_profile *p, bool *used, lb_err *err);

#endif
