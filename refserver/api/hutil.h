/* hutil.h — helpers shared by the handlers_*.c files: cached replies, timed
 * serialisation, the paged lists, and the stats/histogram bodies that both
 * the plain endpoints and the SSE stream send. */
#ifndef RS_HUTIL_H
#define RS_HUTIL_H
#include <jansson.h>
#include <stdbool.h>
#include "store/store.h"
#include "ctx.h"

/* Reply from cache id when it is fresh (counts the time as cache). True on a hit. */
bool hx_cached(rs_ctx *ctx, rs_cache_id id);

/* Serialise v (taken) as a 200 (or status) reply; store the body in cache id
 * when id >= 0. Returns RS_DONE. */
int hx_json(rs_ctx *ctx, int status, json_t *v, int cache_id);

/* A paged list endpoint (/logs, /attackers, /bounty): its two store queries
 * and the cache of its unfiltered total. */
typedef struct hx_list {
    int (*count)(rs_db *db, const rs_where *w, long long *out, lb_err *err);
    int (*page)(rs_db *db, const rs_page *p, lb_buf *out, lb_err *err);
    int total_cache;   /* RS_CACHE_* of the unfiltered count; -1: count every time */
} hx_list;

/* Answer page p of list l with the envelope {"total","limit","offset","data"}:
 * the total from l->total_cache when p has no filter and the cache is fresh
 * (else counted, and stored there when unfiltered), then the page, both on
 * one DB acquisition. body_cache >= 0: keep the whole body there too.
 * Returns RS_DONE; the reply is a 500 when a query fails. */
int hx_list_reply(rs_ctx *ctx, const hx_list *l, const rs_page *p, int body_cache);

/* The 200 envelope {"total","limit","offset","data":rows} (rows: JSON array
 * text), timed as serialisation; kept in cache_id when >= 0. RS_DONE. */
int hx_page_reply(rs_ctx *ctx, long long total, const rs_page *p, const lb_buf *rows,
                  int cache_id);

/* Parse the query string; a 500 on OOM. 0 or -1 (reply set). */
int hx_query(rs_ctx *ctx, void *q);

/* The /stats object (uncached): 2 counts + the deckies state row. */
json_t *hx_stats(rs_db *db, lb_err *err);

/* The histogram array for w and interval (uncached). */
json_t *hx_histogram(rs_db *db, const rs_where *w, long interval, lb_err *err);

#endif
