/* table.h — the headline table: one row per profile from its Aggregated row.
 *
 * Columns: profile, users, config, requests, fails, p50, p95, p99, average,
 * RPS. CSV (for scripts) prints exactly the header
 * "profile,users,config,requests,fails,p50_ms,p95_ms,p99_ms,avg_ms,rps" and
 * plain numbers; Markdown groups thousands. users/config come from the
 * manifest and are blank without one. */
#ifndef AZ_TABLE_H
#define AZ_TABLE_H
#include <stddef.h>
#include <stdio.h>
#include "fmt.h"
#include "model.h"

/* The exact CSV header line (without the newline). */
extern const char TABLE_CSV_HEADER[];

/* Print the headline table of ps[0..n) in the given order. Returns 0, or -1
 * on a write error. */
int table_write(FILE *f, const model_profile *ps, size_t n, fmt_kind k);

#endif
