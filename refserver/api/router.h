/* router.h — (method, path) -> route: handler plus the auth it needs.
 *
 * Patterns are literal paths whose "*" segments match exactly one path
 * segment ("/api/v1/attackers/ * /commands"). A path that matches a pattern
 * under another method is a 405, anything else a 404, as FastAPI answers. */
#ifndef RS_ROUTER_H
#define RS_ROUTER_H
#include <stdbool.h>

struct rs_ctx;
typedef int (*rs_handler)(struct rs_ctx *ctx);

typedef enum rs_auth_level {
    RS_AUTH_NONE,     /* public: /healthz, login */
    RS_AUTH_TOKEN,    /* valid token and known user; must_change not enforced */
    RS_AUTH_VIEWER,   /* require_viewer: must_change enforced, viewer or admin */
    RS_AUTH_ADMIN,    /* as viewer, admin role only */
    RS_AUTH_STREAM    /* Bearer or ?token=; unknown user 403; must_change not enforced */
} rs_auth_level;

typedef struct rs_route {
    int method;               /* enum http_method */
    const char *pattern;
    rs_auth_level auth;
    rs_handler handler;
    const char *name;         /* stable label for phase timings and logs */
} rs_route;

/* Find the route for (method, path). path excludes the query string.
 * Returns the route, or NULL with *status set to 404 (no such path) or 405
 * (path exists under another method). */
const rs_route *router_match(int method, const char *path, int *status);

/* True when path matches pattern (segment-wise, "*" = one segment). */
bool router_path_matches(const char *pattern, const char *path);

/* The i-th route of the table, NULL past the end (for tests and --help). */
const rs_route *router_at(int i);

#endif
