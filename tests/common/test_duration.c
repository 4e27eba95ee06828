/* test_duration.c — Locust --run-time forms, good and bad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "duration.h"

static void test_good(void **state)
{
    (void)state;
    static const struct { const char *s; double secs; } ok[] = {
        {"90", 90}, {"0", 0}, {"30s", 30}, {"5m", 300}, {"2h", 7200},
        {"1h30m", 5400}, {"3h30m10s", 12610}, {"1m30s", 90}, {"1h10s", 3610},
        {"20", 20}, {"007s", 7},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        double d = -1;
        lb_err err = {0};
        assert_int_equal(duration_parse(ok[i].s, &d, &err), 0);
        assert_true(d == ok[i].secs);
    }
}

static void test_bad(void **state)
{
    (void)state;
    static const char *bad[] = {"", "abc", "10x", "1m2h", "h", "5 m", "-5", "1.5s",
                                "30s30s", "1h30mfoo", "m5", "10ms"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double d = 123;
        lb_err err = {0};
        assert_int_equal(duration_parse(bad[i], &d, &err), -1);
        assert_non_null(strstr(err.msg, "20, 20s, 3m, 2h, 1h20m, 3h30m10s"));
        assert_true(d == 123);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
