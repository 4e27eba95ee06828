/* locust_csv_parse.h — private row engine of the Locust CSV reader (libcsv). */
#ifndef LB_LOCUST_CSV_PARSE_H
#define LB_LOCUST_CSV_PARSE_H
#include <stddef.h>
#include "lberr.h"

typedef struct lcp_row {
    char **fields;     /* NUL-terminated; valid only during the callback */
    size_t nfields;
    long line;         /* physical line (1-based) the row starts on */
} lcp_row;

/* Return non-zero (with err filled) to stop parsing. */
typedef int (*lcp_row_fn)(void *ctx, const lcp_row *row, lb_err *err);

/* Parse path with delimiter delim, calling fn per row. 0, or -1 with err
 * (missing file, read error, row callback error). */
int lcp_parse(const char *path, unsigned char delim, lcp_row_fn fn, void *ctx, lb_err *err);
/* TAB when the first non-blank line contains one, else comma; -1 with
 * err for a missing or empty file. */
int lcp_sniff_delim(const char *path, unsigned char *delim, lb_err *err);

#endif
