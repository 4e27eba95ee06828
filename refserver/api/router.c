/* router.c — the route table: every route of DECNET's API at edc5c59f
 * (decnet/web/router/; decnet-api.md §2), plus /healthz and the ingest
 * path. Write routes are admin-only (require_admin), reads viewer. */
#include "router.h"
#include <http_parser.h>
#include <string.h>
#include "handlers.h"

static const rs_route routes[] = {
    {HTTP_GET, "/healthz", RS_AUTH_NONE, handle_healthz, "healthz"},
    {HTTP_POST, "/api/v1/auth/login", RS_AUTH_NONE, handle_login, "login"},
    {HTTP_POST, "/api/v1/auth/change-password", RS_AUTH_TOKEN, handle_change_password,
     "change-password"},
    {HTTP_GET, "/api/v1/stats", RS_AUTH_VIEWER, handle_stats, "stats"},
    {HTTP_GET, "/api/v1/logs", RS_AUTH_VIEWER, handle_logs, "logs"},
    {HTTP_POST, "/api/v1/logs", RS_AUTH_ADMIN, handle_ingest, "ingest"},
    {HTTP_GET, "/api/v1/logs/histogram", RS_AUTH_VIEWER, handle_histogram, "histogram"},
    {HTTP_GET, "/api/v1/attackers", RS_AUTH_VIEWER, handle_attackers, "attackers"},
    {HTTP_GET, "/api/v1/attackers/*", RS_AUTH_VIEWER, handle_attacker_detail, "attacker"},
    {HTTP_GET, "/api/v1/attackers/*/commands", RS_AUTH_VIEWER, handle_attacker_commands,
     "attacker-commands"},
    {HTTP_GET, "/api/v1/deckies", RS_AUTH_VIEWER, handle_deckies, "deckies"},
    {HTTP_GET, "/api/v1/bounty", RS_AUTH_VIEWER, handle_bounty, "bounty"},
    {HTTP_GET, "/api/v1/health", RS_AUTH_VIEWER, handle_health, "health"},
    {HTTP_GET, "/api/v1/config", RS_AUTH_VIEWER, handle_config, "config"},
    {HTTP_GET, "/api/v1/stream", RS_AUTH_STREAM, handle_stream, "stream"},
    {HTTP_POST, "/api/v1/config/users", RS_AUTH_ADMIN, handle_user_create, "user-create"},
    {HTTP_DELETE, "/api/v1/config/users/*", RS_AUTH_ADMIN, handle_user_delete, "user-delete"},
    {HTTP_PUT, "/api/v1/config/users/*/role", RS_AUTH_ADMIN, handle_user_role, "user-role"},
    {HTTP_PUT, "/api/v1/config/users/*/reset-password", RS_AUTH_ADMIN,
     handle_user_reset_password, "user-reset-password"},
    {HTTP_PUT, "/api/v1/config/deployment-limit", RS_AUTH_ADMIN, handle_deployment_limit,
     "deployment-limit"},
    {HTTP_PUT, "/api/v1/config/global-mutation-interval", RS_AUTH_ADMIN,
     handle_global_mutation_interval, "global-mutation-interval"},
    {HTTP_DELETE, "/api/v1/config/reinit", RS_AUTH_ADMIN, handle_reinit, "reinit"},
    {HTTP_POST, "/api/v1/deckies/deploy", RS_AUTH_ADMIN, handle_deploy, "deploy"},
    {HTTP_POST, "/api/v1/deckies/*/mutate", RS_AUTH_ADMIN, handle_mutate, "mutate"},
    {HTTP_PUT, "/api/v1/deckies/*/mutate-interval", RS_AUTH_ADMIN, handle_mutate_interval,
     "mutate-interval"},
};

#define NROUTES (sizeof routes / sizeof routes[0])

bool router_path_matches(const char *pattern, const char *path)
{
    const char *p = pattern, *s = path;
    while (*p && *s) {
        if (*p == '*') {
            size_t seg = strcspn(s, "/");
            if (seg == 0)
                return false;
            s += seg;
            p++;
        } else if (*p == *s) {
            p++;
            s++;
        } else {
            return false;
        }
    }
    return *p == '\0' && *s == '\0';
}

const rs_route *router_match(int method, const char *path, int *status)
{
    bool other_method = false;
    for (size_t i = 0; i < NROUTES; i++) {
        if (!router_path_matches(routes[i].pattern, path))
            continue;
        if (routes[i].method == method)
            return &routes[i];
        other_method = true;
    }
    *status = other_method ? 405 : 404;
    return NULL;
}

const rs_route *router_at(int i)
{
    return i >= 0 && (size_t)i < NROUTES ? &routes[i] : NULL;
}
