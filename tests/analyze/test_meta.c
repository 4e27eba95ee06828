/* test_meta.c — _meta.json reading and the comparability rules. */
#include "aztest.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "meta.h"

static char dir[] = "/tmp/az_meta_XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char p[256];
    const char *names[] = { "a.json", "b.json", "bad.json", "arr.json", "type.json" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    return rmdir(dir);
}

static const char *put(const char *name, const char *text)
{
    static char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return p;
}

static void test_read(void **state)
{
    (void)state;
    run_meta m;
    lb_err err = {0};
    const char *p = put("a.json", "{\"loadgen_version\":\"0.1.0\",\"users\":50,\"spawn_rate\":10,"
                        "\"rate\":null,\"run_time_s\":30,\"threads\":2,\"scenario_hash\":\"abc\","
                        "\"host\":\"http://127.0.0.1:1\",\"tag\":\"x\",\"saturated\":true}");
    assert_int_equal(meta_read(p, &m, &err), 0);
    assert_true(m.present);
    assert_string_equal(m.scenario_hash, "abc");
    assert_double_equal(m.users, 50, 0);
    assert_false(m.has_rate);
    assert_true(m.saturated);
    meta_free(&m);
    snprintf(err.msg, sizeof err.msg, "%s/none.json", dir);
    assert_int_equal(meta_read(err.msg, &m, &err), 0);   /* missing: fine, not present */
    assert_false(m.present);
}

static void test_bad(void **state)
{
    (void)state;
    run_meta m;
    lb_err err = {0};
    const char *p = put("bad.json", "{\"users\": 5,\n  oops}");
    assert_int_equal(meta_read(p, &m, &err), -1);
    assert_non_null(strstr(err.msg, "bad.json:2:"));
    p = put("arr.json", "[1,2]");
    assert_int_equal(meta_read(p, &m, &err), -1);
    assert_non_null(strstr(err.msg, "object"));
    p = put("type.json", "{\"users\":\"fifty\"}");
    assert_int_equal(meta_read(p, &m, &err), -1);
    assert_non_null(strstr(err.msg, "'users' must be a number"));
}

static void test_comparable(void **state)
{
    (void)state;
    run_meta a, b;
    lb_err err = {0};
    assert_int_equal(meta_read(put("a.json", "{\"users\":50,\"rate\":100,\"run_time_s\":30,"
                                   "\"scenario_hash\":\"abc\"}"), &a, &err), 0);
    assert_int_equal(meta_read(put("b.json", "{\"users\":50,\"rate\":100,\"run_time_s\":30,"
                                   "\"scenario_hash\":\"abc\",\"tag\":\"other\"}"), &b, &err), 0);
    assert_int_equal(meta_comparable(&a, &b, &err), 0);
    b.users = 60;
    assert_int_equal(meta_comparable(&a, &b, &err), -1);
    assert_non_null(strstr(err.msg, "'users' differs (50 vs 60)"));
    b.users = 50;
    b.has_rate = false;
    assert_int_equal(meta_comparable(&a, &b, &err), -1);
    assert_non_null(strstr(err.msg, "'rate'"));
    b.has_rate = true;
    b.run_time_s = 60;
    assert_int_equal(meta_comparable(&a, &b, &err), -1);
    assert_non_null(strstr(err.msg, "run_time_s"));
    b.run_time_s = 30;
    free(b.scenario_hash);
    b.scenario_hash = strdup("def");
    assert_int_equal(meta_comparable(&a, &b, &err), -1);
    assert_non_null(strstr(err.msg, "scenario_hash"));
    run_meta none = { 0 };
    assert_int_equal(meta_comparable(&a, &none, &err), 0);  /* nothing to check against */
    meta_free(&a);
    meta_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read),
        cmocka_unit_test(test_bad),
        cmocka_unit_test(test_comparable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
