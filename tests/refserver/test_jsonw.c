/* test_jsonw.c — the streaming writer produces exactly what jansson's compact
 * encoder produces for the same values (strings with escapes and UTF-8,
 * integers, nulls), so switching a list endpoint to it changes no byte; reals
 * in the shortest round-trip form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "store/jsonw.h"

static void test_strings_match_jansson(void **state)
{
    (void)state;
    const char *cases[] = {"", "plain", "quote\" back\\slash", "tab\tnl\ncr\r",
                           "ctl\x01\x1f end", "slash/ stays", "utf8 \xc3\xa9\xe2\x82\xac",
                           "<134>1 x [decnet@55555 src_ip=\"10.0.0.9\"]"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lb_buf b = {0};
        assert_int_equal(jw_str(&b, cases[i], strlen(cases[i])), 0);
        json_t *v = json_string(cases[i]);
        char *want = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        assert_string_equal(b.data, want);
        free(want);
        json_decref(v);
        lb_buf_free(&b);
    }
}

static void test_columns_match_jansson(void **state)
{
    (void)state;
    rs_db *db = db_open(":memory:", RS_DB_POOLED, NULL);
    assert_non_null(db);
    rs_stmt *st = db_stmt(db, "SELECT 42, NULL, 0.1, 30.0, 1e-7, 123456.789, "
                              "'2026-04-17 21:03:11', '[\"a\"]', NULL", NULL);
    assert_non_null(st);
    assert_int_equal(db_step(st), RS_STEP_ROW);
    lb_buf b = {0};
    lb_buf_puts(&b, "[");
    jw_col_int(&b, st, 0);
    lb_buf_puts(&b, ",");
    jw_col_int(&b, st, 1);
    for (int i = 2; i <= 5; i++) {
        lb_buf_puts(&b, ",");
        jw_col_real(&b, st, i);
    }
    lb_buf_puts(&b, ",");
    jw_col_iso(&b, st, 6);
    lb_buf_puts(&b, ",");
    jw_col_raw(&b, st, 7, "[]");
    lb_buf_puts(&b, ",");
    jw_col_raw(&b, st, 8, "[]");
    lb_buf_puts(&b, "]");
    /* floats: shortest round trip (Python repr), as the seed's orjson */
    assert_string_equal(b.data, "[42,null,0.1,30.0,1e-07,123456.789,\"2026-04-17T21:03:11\","
                                "[\"a\"],[]]");
    lb_buf_free(&b);
    db_reset(st);
    db_close(db);
}

static void test_keys(void **state)
{
    (void)state;
    lb_buf b = {0};
    lb_buf_puts(&b, "{");
    jw_key(&b, "a", 1);
    lb_buf_puts(&b, "1");
    jw_key(&b, "b", 0);
    lb_buf_puts(&b, "2}");
    assert_string_equal(b.data, "{\"a\":1,\"b\":2}");
    lb_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_match_jansson),
        cmocka_unit_test(test_columns_match_jansson),
        cmocka_unit_test(test_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
