/* hdr_csv.h — PREFIX_hdr.csv: exact (microsecond) percentiles per entry from
 * the precise histogram, beyond what Locust's rounded buckets can say. */
#ifndef LG_HDR_CSV_H
#define LG_HDR_CSV_H
#include "lberr.h"
#include "stats.h"

/* Header row of PREFIX_hdr.csv (without CRLF). */
extern const char HDR_CSV_HEADER[];

/* Write path: header, one row per entry in (name, method) order, then
 * Aggregated. Columns: Type, Name, Request Count, Min, Mean, the eleven
 * Locust percentiles, Max — all in microseconds (mean with 3 decimals).
 * CRLF line ends, QUOTE_MINIMAL fields. 0, or -1 with err. */
int hdr_csv_write(const char *path, const stats_set *s, lb_err *err);

#endif
