/* hutil.h — helpers shared by the handlers_*.c files: cached replies, timed
 * serialisation, and the stats/histogram bodies that both the plain
 * endpoints and the SSE stream send. */
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

/* Reply 200 with the paged envelope {"total","limit","offset","data":rows}
 * where rows is JSON array text; cache the body in cache id when >= 0.
 * Returns RS_DONE. */
int hx_page(rs_ctx *ctx, long long total, long limit, long offset, const lb_buf *rows,
            int cache_id);

/* Parse the query string; a 500 on OOM. 0 or -1 (reply set). */
int hx_query(rs_ctx *ctx, void *q);

/* The /stats object (uncached): 2 counts + the deckies state row. */
json_t *hx_stats(rs_db *db, lb_err *err);

/* The histogram array for w and interval (uncached). */
json_t *hx_histogram(rs_db *db, const rs_where *w, long interval, lb_err *err);

#endif
