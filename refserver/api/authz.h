/* authz.h — the seed's auth dependencies (require_viewer, require_admin,
 * get_current_user, require_stream_viewer) as one check per route level. */
#ifndef RS_AUTHZ_H
#define RS_AUTHZ_H
#include <stdbool.h>
#include "ctx.h"

/* Check ctx->req against ctx->route->auth. 0 with ctx->user filled when
 * allowed; -1 with the seed's 401/403 reply in ctx->rep otherwise (or a 500
 * when the store failed). */
int authz_check(rs_ctx *ctx);

/* The user by uuid (by_uuid) or by username: from cache (NULL: no cache)
 * while fresh, else one SELECT, timed as the request's db phase, whose
 * result then goes into cache. 0 found (out filled), 1 absent, -1 failure
 * with a 500 reply already in ctx->rep. */
int authz_find_user(rs_ctx *ctx, rs_usercache *cache, bool by_uuid, const char *key,
                    rs_user *out);

#endif
