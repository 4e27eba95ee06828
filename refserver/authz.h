/* authz.h — the seed's auth dependencies (require_viewer, require_admin,
 * get_current_user, require_stream_viewer) as one check per route level. */
#ifndef RS_AUTHZ_H
#define RS_AUTHZ_H
#include "worker.h"

/* Check ctx->req against ctx->route->auth. 0 with ctx->user filled when
 * allowed; -1 with the seed's 401/403 reply in ctx->rep otherwise (or a 500
 * when the store failed). */
int authz_check(rs_ctx *ctx);

#endif
