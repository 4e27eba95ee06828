/* test_template.c — {rand:a:b}, {var:x}, {env:X:def}, escapes, errors, and
 * expansion bounds (no overflow, truncation reported). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "template.h"

static void test_literal(void **state)
{
    (void)state;
    lg_vars v = {0};
    lb_err err;
    lg_tmpl *t = tmpl_compile("/api/v1/stats", &v, &err);
    assert_non_null(t);
    assert_true(tmpl_is_static(t));
    char buf[64];
    assert_int_equal(tmpl_expand(t, buf, sizeof buf, NULL, NULL, NULL), 13);
    assert_string_equal(buf, "/api/v1/stats");
    tmpl_free(t);
    t = tmpl_compile("", &v, &err);
    assert_non_null(t);
    assert_int_equal(tmpl_expand(t, buf, sizeof buf, NULL, NULL, NULL), 0);
    assert_string_equal(buf, "");
    tmpl_free(t);
    t = tmpl_compile("{{\"a\": 1}}", &v, &err);
    assert_non_null(t);
    tmpl_expand(t, buf, sizeof buf, NULL, NULL, NULL);
    assert_string_equal(buf, "{\"a\": 1}");
    tmpl_free(t);
    vars_free(&v);
}

static void test_rand(void **state)
{
    (void)state;
    lg_vars v = {0};
    lb_err err;
    lg_tmpl *t = tmpl_compile("/logs?limit=100&offset={rand:0:1000}", &v, &err);
    assert_non_null(t);
    assert_false(tmpl_is_static(t));
    lg_rng r;
    rng_seed(&r, 3);
    char buf[64];
    int seen_lo = 0, seen_hi = 0;
    for (int i = 0; i < 20000; i++) {
        tmpl_expand(t, buf, sizeof buf, &r, NULL, NULL);
        assert_int_equal(strncmp(buf, "/logs?limit=100&offset=", 23), 0);
        char *end;
        long n = strtol(buf + 23, &end, 10);
        assert_true(*end == '\0' && n >= 0 && n <= 1000);
        seen_lo |= n == 0;
        seen_hi |= n == 1000;
    }
    assert_true(seen_lo && seen_hi);
    tmpl_free(t);
    t = tmpl_compile("{rand:-5:-5}", &v, &err);
    assert_non_null(t);
    tmpl_expand(t, buf, sizeof buf, &r, NULL, NULL);
    assert_string_equal(buf, "-5");
    tmpl_free(t);
    vars_free(&v);
}

static void test_vars(void **state)
{
    (void)state;
    lg_vars v = {0};
    lb_err err;
    lg_tmpl *t = tmpl_compile("Bearer {var:token}", &v, &err);
    assert_non_null(t);
    assert_int_equal(v.n, 1);
    assert_int_equal(vars_find(&v, "token"), 0);
    assert_true(tmpl_uses_var(t, 0));
    const char *vals[1] = {"abc"};
    char buf[64];
    bool missing = false;
    tmpl_expand(t, buf, sizeof buf, NULL, vals, &missing);
    assert_string_equal(buf, "Bearer abc");
    assert_false(missing);
    vals[0] = NULL;
    tmpl_expand(t, buf, sizeof buf, NULL, vals, &missing);
    assert_true(missing);
    assert_string_equal(buf, "Bearer ");
    lg_tmpl *t2 = tmpl_compile("{var:user}:{var:token}", &v, &err);
    assert_non_null(t2);
    assert_int_equal(v.n, 2); /* token reused, user added */
    assert_false(tmpl_uses_var(t, 1));
    tmpl_free(t);
    tmpl_free(t2);
    vars_free(&v);
}

static void test_env(void **state)
{
    (void)state;
    lg_vars v = {0};
    lb_err err;
    char buf[64];
    setenv("LG_TEST_ENV", "alice", 1);
    unsetenv("LG_TEST_UNSET");
    lg_tmpl *t = tmpl_compile("{env:LG_TEST_ENV:bob}/{env:LG_TEST_UNSET:bob}/{env:LG_TEST_UNSET}.",
                              &v, &err);
    assert_non_null(t);
    assert_true(tmpl_is_static(t)); /* resolved at compile time */
    tmpl_expand(t, buf, sizeof buf, NULL, NULL, NULL);
    assert_string_equal(buf, "alice/bob/.");
    tmpl_free(t);
    vars_free(&v);
}

static void test_errors(void **state)
{
    (void)state;
    lg_vars v = {0};
    lb_err err;
    static const char *const bad[] = {
        "{rand:1}", "{rand:a:b}", "{rand:5:1}", "{foo}", "/x/{rand:1:2", "a}b", "{env:}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.msg[0] = '\0';
        assert_null(tmpl_compile(bad[i], &v, &err));
        assert_true(strlen(err.msg) > 0);
    }
    assert_null(tmpl_compile("{foo}", &v, &err));
    assert_non_null(strstr(err.msg, "unknown placeholder"));
    vars_free(&v);
}

static void test_truncation(void **state)
{
    (void)state;
    lg_vars v = {0};
    lb_err err;
    lg_tmpl *t = tmpl_compile("0123456789{rand:100:100}", &v, &err);
    char buf[8];
    lg_rng r;
    rng_seed(&r, 1);
    assert_int_equal(tmpl_expand(t, buf, sizeof buf, &r, NULL, NULL), 13);
    assert_string_equal(buf, "0123456"); /* cap-1 chars and a terminator */
    tmpl_free(t);
    vars_free(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literal),
        cmocka_unit_test(test_rand),
        cmocka_unit_test(test_vars),
        cmocka_unit_test(test_env),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_truncation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
