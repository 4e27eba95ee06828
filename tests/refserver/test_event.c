/* test_event.c — ingest event validation limits (store/event.c): the
 * lengths DECNET's MySQL columns hold (VARCHAR(255) in characters, TEXT in
 * bytes) are the limits on both backends; one past them is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/event.h"

/* event_from_json over {"decky":..,"service":"ssh",...} with key set to a
 * string of n copies of unit (a UTF-8 sequence) */
static int with(const char *key, const char *unit, size_t n)
{
    size_t u = strlen(unit);
    char *s = malloc(n * u + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * u, unit, u);
    s[n * u] = '\0';
    json_t *v = json_pack("{s:s,s:s,s:s,s:s}", "decky", "d", "service", "ssh", "event_type",
                          "login_attempt", "attacker_ip", "1.2.3.4");
    json_object_set_new(v, key, json_string(s));
    rs_event e;
    lb_err err = {0};
    int rc = event_from_json(v, &e, &err);
    if (rc == 0)
        event_free(&e);
    else
        assert_non_null(strstr(err.msg, key));
    json_decref(v);
    free(s);
    return rc;
}

static void test_varchar_fields(void **state)
{
    (void)state;
    static const char *const keys[] = {"decky", "service", "event_type", "attacker_ip",
                                       "trace_id", "span_id"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        assert_int_equal(with(keys[i], "a", 255), 0);
        assert_int_equal(with(keys[i], "a", 256), -1);
        /* characters, not bytes: 255 two-byte characters fit */
        assert_int_equal(with(keys[i], "\xc3\xa9", 255), 0);
        assert_int_equal(with(keys[i], "\xc3\xa9", 256), -1);
    }
}

static void test_text_fields(void **state)
{
    (void)state;
    assert_int_equal(with("raw_line", "a", 65535), 0);
    assert_int_equal(with("raw_line", "a", 65536), -1);
    assert_int_equal(with("msg", "a", 65535), 0);
    assert_int_equal(with("msg", "a", 65536), -1);
    /* fields as a JSON object's text: {"k":"..."} is 8 bytes more than the value */
    json_t *v = json_pack("{s:s,s:s,s:s,s:s}", "decky", "d", "service", "ssh", "event_type",
                          "x", "attacker_ip", "1.2.3.4");
    char *big = malloc(65536);
    assert_non_null(big);
    memset(big, 'a', 65535);
    big[65535] = '\0';
    for (size_t n = 65527; n <= 65528; n++) {
        big[n] = '\0';
        json_object_set_new(v, "fields", json_pack("{s:s}", "k", big));
        rs_event e;
        lb_err err = {0};
        int rc = event_from_json(v, &e, &err);
        assert_int_equal(rc, n == 65527 ? 0 : -1);   /* 65535 bytes fit, 65536 do not */
        if (!rc)
            event_free(&e);
        big[n] = 'a';
    }
    free(big);
    json_decref(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_varchar_fields),
        cmocka_unit_test(test_text_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
