/* params.h — query-string parsing and FastAPI-style parameter validation.
 *
 * Values are percent-decoded ('+' is a space); a repeated key keeps its
 * last value, as Starlette's QueryParams does. Validation failures fill the
 * reply with the 422 body of reply_invalid() and return -1. */
#ifndef RS_PARAMS_H
#define RS_PARAMS_H
#include <stdbool.h>
#include "request.h"

#define RS_QUERY_MAX 32

typedef struct rs_query {
    int n;
    char *key[RS_QUERY_MAX];
    char *val[RS_QUERY_MAX];
} rs_query;

/* Parse a raw query string (without '?'). Extra pairs past RS_QUERY_MAX are
 * ignored. 0 or -1 (OOM). */
int query_parse(rs_query *q, const char *qs);
void query_free(rs_query *q);
/* The value of key, NULL when absent. */
const char *query_get(const rs_query *q, const char *key);
/* Optional string: NULL for absent, "", "null", "NULL" and "undefined" (§2.0). */
const char *query_opt(const rs_query *q, const char *key);
/* Percent-decode src into a new string ('+' as space when plus). */
char *params_decode(const char *src, size_t n, bool plus);

/* Integer parameter with default and inclusive bounds. 0 with *out set, or
 * -1 with a 422 (int_parsing, greater_than_equal, less_than_equal) in rep. */
int param_int(const rs_query *q, const char *key, long dflt, long lo, long hi, long *out,
              rs_reply *rep, bool developer);

/* The paged lists' limit (default 50, 1..1000) and offset (default 0,
 * 0..INT_MAX), as the seed's Query() bounds: param_int for each. */
int param_page(const rs_query *q, long *limit, long *offset, rs_reply *rep, bool developer);
/* String with max_length (characters); -1 with a 422 string_too_long. */
int param_maxlen(const char *name, const char *val, long max_len, rs_reply *rep,
                 bool developer);

#endif
