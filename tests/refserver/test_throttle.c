/* test_throttle.c — failed-login limits (api/throttle.c, issue 13). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "api/throttle.h"

static void test_window(void **state)
{
    (void)state;
    rs_throttle *t = throttle_new(3, 300);
    assert_non_null(t);
    assert_int_equal(throttle_wait(t, 'u', "admin", 1000), 0);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(throttle_wait(t, 'u', "admin", 1000 + i), 0);
        throttle_fail(t, 'u', "admin", 1000 + i);
    }
    /* the window began at 1000: refused until 1300, rounded up */
    assert_int_equal(throttle_wait(t, 'u', "admin", 1002), 298);
    assert_int_equal(throttle_wait(t, 'u', "admin", 1299.5), 1);
    assert_int_equal(throttle_wait(t, 'u', "admin", 1300), 0);
    /* other keys and the other kind are separate */
    assert_int_equal(throttle_wait(t, 'u', "admin2", 1002), 0);
    assert_int_equal(throttle_wait(t, 'i', "admin", 1002), 0);
    /* a failure after the window starts a new one */
    throttle_fail(t, 'u', "admin", 1301);
    assert_int_equal(throttle_wait(t, 'u', "admin", 1301), 0);
    throttle_free(t);
}

/* A flood of new keys cannot make the table grow, and a key that is being
 * refused is not the first one evicted (the oldest window goes first). */
static void test_flood(void **state)
{
    (void)state;
    rs_throttle *t = throttle_new(2, 300);
    throttle_fail(t, 'i', "10.0.0.1", 5000);
    throttle_fail(t, 'i', "10.0.0.1", 5000);
    char key[32];
    for (int i = 0; i < 3 * RS_THROTTLE_SLOTS; i++) {
        snprintf(key, sizeof key, "user%d", i);
        throttle_fail(t, 'u', key, 4000 + (double)i / 1e4);   /* older windows than the IP's */
    }
    assert_true(throttle_wait(t, 'i', "10.0.0.1", 5001) > 0);
    throttle_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_flood),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
