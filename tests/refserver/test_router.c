/* test_router.c — routing: every route of the table, 404 vs 405, wildcard segments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <http_parser.h>
#include <string.h>
#include "api/router.h"

static void test_every_api_route(void **state)
{
    (void)state;
    static const struct { int m; const char *path, *name; rs_auth_level auth; } want[] = {
        {HTTP_GET, "/healthz", "healthz", RS_AUTH_NONE},
        {HTTP_POST, "/api/v1/auth/login", "login", RS_AUTH_NONE},
        {HTTP_POST, "/api/v1/auth/change-password", "change-password", RS_AUTH_TOKEN},
        {HTTP_GET, "/api/v1/stats", "stats", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/logs", "logs", RS_AUTH_VIEWER},
        {HTTP_POST, "/api/v1/logs", "ingest", RS_AUTH_ADMIN},
        {HTTP_GET, "/api/v1/logs/histogram", "histogram", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/attackers", "attackers", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/attackers/abc-123", "attacker", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/attackers/abc-123/commands", "attacker-commands", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/deckies", "deckies", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/bounty", "bounty", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/health", "health", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/config", "config", RS_AUTH_VIEWER},
        {HTTP_GET, "/api/v1/stream", "stream", RS_AUTH_STREAM},
        {HTTP_POST, "/api/v1/config/users", "user-create", RS_AUTH_ADMIN},
        {HTTP_DELETE, "/api/v1/config/users/u-1", "user-delete", RS_AUTH_ADMIN},
        {HTTP_PUT, "/api/v1/config/users/u-1/role", "user-role", RS_AUTH_ADMIN},
        {HTTP_PUT, "/api/v1/config/users/u-1/reset-password", "user-reset-password",
         RS_AUTH_ADMIN},
        {HTTP_PUT, "/api/v1/config/deployment-limit", "deployment-limit", RS_AUTH_ADMIN},
        {HTTP_PUT, "/api/v1/config/global-mutation-interval", "global-mutation-interval",
         RS_AUTH_ADMIN},
        {HTTP_DELETE, "/api/v1/config/reinit", "reinit", RS_AUTH_ADMIN},
        {HTTP_POST, "/api/v1/deckies/deploy", "deploy", RS_AUTH_ADMIN},
        {HTTP_POST, "/api/v1/deckies/decky-01/mutate", "mutate", RS_AUTH_ADMIN},
        {HTTP_PUT, "/api/v1/deckies/decky-01/mutate-interval", "mutate-interval",
         RS_AUTH_ADMIN},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int status = 0;
        const rs_route *r = router_match(want[i].m, want[i].path, &status);
        assert_non_null(r);
        assert_string_equal(r->name, want[i].name);
        assert_int_equal(r->auth, want[i].auth);
        assert_non_null(r->handler);
    }
}

static void test_404_and_405(void **state)
{
    (void)state;
    int status = 0;
    assert_null(router_match(HTTP_GET, "/api/v1/nope", &status));
    assert_int_equal(status, 404);
    assert_null(router_match(HTTP_DELETE, "/api/v1/stats", &status));
    assert_int_equal(status, 405);
    assert_null(router_match(HTTP_GET, "/api/v1/auth/login", &status));
    assert_int_equal(status, 405);
    assert_null(router_match(HTTP_PUT, "/api/v1/logs", &status));
    assert_int_equal(status, 405);
    /* trailing slash and prefixes are different paths, as in FastAPI */
    assert_null(router_match(HTTP_GET, "/api/v1/stats/", &status));
    assert_int_equal(status, 404);
    assert_null(router_match(HTTP_GET, "/api/v1/stat", &status));
    assert_int_equal(status, 404);
    assert_null(router_match(HTTP_GET, "/api/v1/attackers//commands", &status));
    assert_int_equal(status, 404);
    /* the write routes answer 405 to other methods, as FastAPI does */
    assert_null(router_match(HTTP_GET, "/api/v1/config/users", &status));
    assert_int_equal(status, 405);
    assert_null(router_match(HTTP_GET, "/api/v1/deckies/decky-01/mutate", &status));
    assert_int_equal(status, 405);
    assert_null(router_match(HTTP_GET, "/api/v1/config/reinit", &status));
    assert_int_equal(status, 405);
    /* every write route is admin-only */
    for (int i = 0; router_at(i); i++) {
        const rs_route *r = router_at(i);
        if (r->method != HTTP_GET && strcmp(r->name, "login") && strcmp(r->name, "change-password"))
            assert_int_equal(r->auth, RS_AUTH_ADMIN);
    }
}

static void test_wildcard_segments(void **state)
{
    (void)state;
    assert_true(router_path_matches("/a/*/c", "/a/b/c"));
    assert_false(router_path_matches("/a/*/c", "/a//c"));
    assert_false(router_path_matches("/a/*/c", "/a/b/x/c"));
    assert_false(router_path_matches("/a/*", "/a/b/c"));
    assert_true(router_path_matches("/a/*", "/a/b"));
    assert_false(router_path_matches("/a/b", "/a/b/"));
}

static void test_table_iteration(void **state)
{
    (void)state;
    int n = 0;
    while (router_at(n))
        n++;
    assert_int_equal(n, 25);
    assert_null(router_at(-1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_api_route),
        cmocka_unit_test(test_404_and_405),
        cmocka_unit_test(test_wildcard_segments),
        cmocka_unit_test(test_table_iteration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
