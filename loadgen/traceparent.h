/* traceparent.h — loadgen --trace: a fresh W3C traceparent header on every
 * request, written into a buffer the user owns, so the hot path allocates
 * nothing.
 *
 * Each user holds one lg_tp: a header line and a libcurl list node pointing
 * at it. The node is put in front of the request's own header list; libcurl
 * reads the line when it sends the request, so rewriting the ids in place
 * before each transfer is enough, even when the easy handle's options are
 * not re-applied. */
#ifndef LG_TRACEPARENT_H
#define LG_TRACEPARENT_H
#include <curl/curl.h>
#include "rng.h"

#define LG_TP_PREFIX "traceparent: "
#define LG_TP_LEN 55   /* "00-" 32 hex "-" 16 hex "-" 2 hex */

typedef struct lg_tp {
    struct curl_slist node;                       /* node.data == line */
    char line[sizeof LG_TP_PREFIX - 1 + LG_TP_LEN + 1];
} lg_tp;

/* Write a new trace: random non-zero 16-byte trace-id and 8-byte parent-id
 * drawn from rng, flags 01 (sampled), as "traceparent: 00-...-...-01". */
void tp_fresh(lg_tp *t, lg_rng *rng);

/* Point t's node at its line and chain `next` (the request's own headers,
 * may be NULL) after it; returns the list to give CURLOPT_HTTPHEADER. The
 * node is never passed to curl_slist_free_all. */
struct curl_slist *tp_chain(lg_tp *t, struct curl_slist *next);

#endif
