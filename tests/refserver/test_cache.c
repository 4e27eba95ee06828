/* test_cache.c — TTL caches (fresh, expired, disabled), the user caches and
 * the verified-token cache. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/authcache.h"
#include "runtime/cache.h"

static void test_ttl(void **state)
{
    (void)state;
    rs_ttl t;
    ttl_init(&t, 5, true);
    assert_false(ttl_fresh(&t, 100));            /* empty */
    ttl_put_body(&t, 100, "{\"a\":1}", 7);
    assert_true(ttl_fresh(&t, 104.9));
    assert_string_equal(t.body.data, "{\"a\":1}");
    assert_false(ttl_fresh(&t, 105));            /* expired at exactly ttl */
    ttl_put_number(&t, 200, 42);
    assert_true(ttl_fresh(&t, 201));
    assert_int_equal(t.number, 42);
    ttl_invalidate(&t);
    assert_false(ttl_fresh(&t, 201));
    assert_int_equal(t.hits, 2);
    assert_int_equal(t.misses, 3);
    ttl_free(&t);

    rs_ttl off;
    ttl_init(&off, 5, false);                    /* knob off: never stores, never hits */
    ttl_put_body(&off, 100, "x", 1);
    assert_false(ttl_fresh(&off, 100));
    ttl_free(&off);
}

static void test_usercache(void **state)
{
    (void)state;
    rs_usercache *c = malloc(sizeof *c);
    usercache_init(c, 10, true);
    rs_user u = {0}, out;
    strcpy(u.uuid, "u-1");
    strcpy(u.role, "admin");
    assert_false(usercache_get(c, "u-1", 0, &out));
    usercache_put(c, "u-1", &u, 0);
    assert_true(usercache_get(c, "u-1", 9.9, &out));
    assert_string_equal(out.role, "admin");
    assert_false(usercache_get(c, "u-1", 10, &out));
    /* eviction keeps working past the slot count */
    for (int i = 0; i < 3 * RS_USERCACHE_SLOTS; i++) {
        char k[16];
        snprintf(k, sizeof k, "k%d", i);
        usercache_put(c, k, &u, 20);
    }
    assert_true(usercache_get(c, "k191", 21, &out));
    usercache_clear(c);
    assert_false(usercache_get(c, "k191", 21, &out));
    usercache_init(c, 10, false);
    usercache_put(c, "u-1", &u, 0);
    assert_false(usercache_get(c, "u-1", 0, &out));
    free(c);
}

static void test_tokencache(void **state)
{
    (void)state;
    rs_tokencache *c = calloc(1, sizeof *c);
    char uuid[64];
    long exp;
    assert_false(tokencache_get(c, "tok-a", uuid, sizeof uuid, &exp));
    tokencache_put(c, "tok-a", "u-1", 1000);
    assert_true(tokencache_get(c, "tok-a", uuid, sizeof uuid, &exp));
    assert_string_equal(uuid, "u-1");
    assert_int_equal(exp, 1000);
    assert_false(tokencache_get(c, "tok-b", uuid, sizeof uuid, &exp));
    char big[RS_TOKEN_MAX + 10];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    tokencache_put(c, big, "u-2", 1000);          /* too long: not cached */
    assert_false(tokencache_get(c, big, uuid, sizeof uuid, &exp));
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ttl),
        cmocka_unit_test(test_usercache),
        cmocka_unit_test(test_tokencache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
