/* test_params.c — query parsing, FastAPI-style 422 bodies, optional strings,
 * and the /logs search syntax turned into parameterised SQL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/params.h"
#include "store/where.h"

static void test_query_decoding(void **state)
{
    (void)state;
    rs_query q;
    assert_int_equal(query_parse(&q, "a=1&b=x%20y+z&c&a=2&d=%zz&e=%41"), 0);
    assert_string_equal(query_get(&q, "a"), "2");          /* last value wins */
    assert_string_equal(query_get(&q, "b"), "x y z");
    assert_string_equal(query_get(&q, "c"), "");
    assert_string_equal(query_get(&q, "d"), "%zz");        /* bad escapes kept */
    assert_string_equal(query_get(&q, "e"), "A");
    assert_null(query_get(&q, "missing"));
    query_free(&q);
}

static void test_optional_strings(void **state)
{
    (void)state;
    rs_query q;
    assert_int_equal(query_parse(&q, "a=&b=null&c=NULL&d=undefined&e=ssh"), 0);
    assert_null(query_opt(&q, "a"));
    assert_null(query_opt(&q, "b"));
    assert_null(query_opt(&q, "c"));
    assert_null(query_opt(&q, "d"));
    assert_string_equal(query_opt(&q, "e"), "ssh");
    query_free(&q);
}

/* Run param_int on "key=value" and return the reply body (or "ok:<n>"). */
static char *int_case(const char *qs, long lo, long hi, bool dev)
{
    rs_query q;
    rs_reply r = {0};
    long v = 0;
    query_parse(&q, qs);
    int rc = param_int(&q, "limit", 50, lo, hi, &v, &r, dev);
    query_free(&q);
    char *out;
    if (rc == 0) {
        out = malloc(32);
        snprintf(out, 32, "ok:%ld", v);
    } else {
        assert_int_equal(r.status, 422);
        out = strdup(r.body.data);
    }
    lb_buf_free(&r.body);
    return out;
}

static void test_int_validation_bodies(void **state)
{
    (void)state;
    struct { const char *qs, *want; } cases[] = {
        {"", "ok:50"},
        {"limit=7", "ok:7"},
        {"limit=1000", "ok:1000"},
        {"limit=0", "{\"detail\":[{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"limit\"],"
                    "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\","
                    "\"ctx\":{\"ge\":1}}]}"},
        {"limit=1001", "{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"limit\"],"
                       "\"msg\":\"Input should be less than or equal to 1000\",\"input\":\"1001\","
                       "\"ctx\":{\"le\":1000}}]}"},
        {"limit=abc", "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"limit\"],"
                      "\"msg\":\"Input should be a valid integer, unable to parse string as an "
                      "integer\",\"input\":\"abc\"}]}"},
        {"limit=", "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"limit\"],"
                   "\"msg\":\"Input should be a valid integer, unable to parse string as an "
                   "integer\",\"input\":\"\"}]}"},
        {"limit=99999999999999999999999", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = int_case(cases[i].qs, 1, 1000, true);
        if (cases[i].want)
            assert_string_equal(got, cases[i].want);
        else
            assert_non_null(strstr(got, "less_than_equal"));
        free(got);
    }
    char *terse = int_case("limit=0", 1, 1000, false);
    assert_string_equal(terse, "{\"detail\":\"Invalid request parameters\"}");
    free(terse);
}

static void test_maxlen(void **state)
{
    (void)state;
    rs_reply r = {0};
    char s[600];
    memset(s, 'a', 512);
    s[512] = '\0';
    assert_int_equal(param_maxlen("search", s, 512, &r, true), 0);
    /* 512 two-byte characters are still 512 characters */
    char u[1100] = "";
    for (int i = 0; i < 512; i++)
        strcat(u, "\xc3\xa9");
    assert_int_equal(param_maxlen("search", u, 512, &r, true), 0);
    strcat(s, "b");
    assert_int_equal(param_maxlen("search", s, 512, &r, true), -1);
    assert_int_equal(r.status, 422);
    assert_non_null(strstr(r.body.data, "\"type\":\"string_too_long\""));
    assert_non_null(strstr(r.body.data, "\"ctx\":{\"max_length\":512}"));
    lb_buf_free(&r.body);
}

/* The lists' paging: defaults, both bounds, and the field the 422 names. */
static void test_page(void **state)
{
    (void)state;
    static const struct { const char *qs; int rc; long limit, offset; const char *loc; } cases[] = {
        {"", 0, 50, 0, NULL},
        {"limit=1000&offset=7", 0, 1000, 7, NULL},
        {"limit=0", -1, 0, 0, "\"limit\""},
        {"limit=1001", -1, 0, 0, "\"limit\""},
        {"offset=-1", -1, 0, 0, "\"offset\""},
        {"limit=5&offset=x", -1, 0, 0, "\"offset\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_query q;
        rs_reply r = {0};
        long limit = -5, offset = -5;
        query_parse(&q, cases[i].qs);
        int rc = param_page(&q, &limit, &offset, &r, true);
        query_free(&q);
        assert_int_equal(rc, cases[i].rc);
        if (rc == 0) {
            assert_int_equal(limit, cases[i].limit);
            assert_int_equal(offset, cases[i].offset);
        } else {
            assert_int_equal(r.status, 422);
            assert_non_null(strstr(r.body.data, cases[i].loc));
        }
        lb_buf_free(&r.body);
    }
}

static void test_shell_split(void **state)
{
    (void)state;
    char *t[8];
    int n = where_split("ssh  'a b' c\\ d \"e:f g\"", t, 8);
    assert_int_equal(n, 4);
    assert_string_equal(t[0], "ssh");
    assert_string_equal(t[1], "a b");
    assert_string_equal(t[2], "c d");
    assert_string_equal(t[3], "e:f g");
    for (int i = 0; i < n; i++)
        free(t[i]);
    /* unbalanced quote: plain whitespace split, as the seed's fallback */
    n = where_split("it's ssh", t, 8);
    assert_int_equal(n, 2);
    assert_string_equal(t[0], "it's");
    assert_string_equal(t[1], "ssh");
    for (int i = 0; i < n; i++)
        free(t[i]);
}

static void test_time_filter_forms(void **state)
{
    (void)state;
    rs_where w;
    /* the stored form uses the index on both servers; the rest compare as text */
    assert_int_equal(where_logs(&w, NULL, "2026-04-17 00:00:00", "2026-04-17T12:00:00"), 0);
    assert_string_equal(w.sql.data,
                        " WHERE timestamp >= ? AND CAST(timestamp AS CHAR) <= ?");
    where_free(&w);
    /* the right shape but no real time (month 13) is text too */
    assert_int_equal(where_logs(&w, NULL, "2026-13-01 00:00:00", NULL), 0);
    assert_string_equal(w.sql.data, " WHERE CAST(timestamp AS CHAR) >= ?");
    where_free(&w);
}

static void test_logs_where(void **state)
{
    (void)state;
    rs_where w;
    /* a date alone is not the stored form: compared as text, as the seed does */
    assert_int_equal(where_logs(&w, "ssh service:http username:ro'ot x-y:1", "2026-01-01",
                                NULL), 0);
    assert_string_equal(w.sql.data,
        " WHERE CAST(timestamp AS CHAR) >= ? AND (raw_line LIKE ? OR decky LIKE ? OR service LIKE ? OR "
        "attacker_ip LIKE ?) AND service = ? AND "
        "CAST(json_unquote(json_extract(fields, '$.\"username\"')) AS CHAR) = ? AND "
        "CAST(json_unquote(json_extract(fields, '$.\"xy\"')) AS CHAR) = ?");
    assert_int_equal(w.nbinds, 8);
    assert_string_equal(w.binds[0], "2026-01-01");
    for (int i = 1; i <= 4; i++)
        assert_string_equal(w.binds[i], "%ssh%");
    assert_string_equal(w.binds[5], "http");
    assert_string_equal(w.binds[6], "ro'ot");       /* values never enter the SQL text */
    assert_string_equal(w.binds[7], "1");
    where_free(&w);
    assert_int_equal(where_logs(&w, NULL, NULL, NULL), 0);
    assert_string_equal(w.sql.data, "");
    assert_int_equal(w.nbinds, 0);
    where_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_query_decoding),
        cmocka_unit_test(test_optional_strings),
        cmocka_unit_test(test_int_validation_bodies),
        cmocka_unit_test(test_maxlen),
        cmocka_unit_test(test_page),
        cmocka_unit_test(test_shell_split),
        cmocka_unit_test(test_logs_where),
        cmocka_unit_test(test_time_filter_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
