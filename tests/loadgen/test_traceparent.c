/* test_traceparent.c — loadgen --trace's header: exact W3C version-00 shape,
 * accepted by lbotel's independent parser (the one refserver uses), fresh
 * ids every call, never all-zero, and the list node chaining. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "otel.h"
#include "traceparent.h"

static void test_shape_and_parse(void **state)
{
    (void)state;
    lg_rng rng;
    rng_seed(&rng, 42);
    lg_tp t;
    tp_fresh(&t, &rng);
    assert_int_equal(strlen(t.line), strlen(LG_TP_PREFIX) + LG_TP_LEN);
    assert_memory_equal(t.line, "traceparent: 00-", 16);
    const char *v = t.line + strlen(LG_TP_PREFIX);
    assert_int_equal(v[35], '-');
    assert_int_equal(v[52], '-');
    assert_string_equal(v + 53, "01");
    for (int i = 3; i < 52; i++)
        if (i != 35)
            assert_non_null(strchr("0123456789abcdef", v[i]));
    otel_span_ctx ctx;
    assert_int_equal(otel_traceparent_parse(v, LG_TP_LEN, &ctx), 0);
    assert_true(ctx.valid);
    assert_int_equal(ctx.flags, OTEL_FLAG_SAMPLED);
    char back[OTEL_TRACEPARENT_LEN + 1];
    assert_int_equal(otel_traceparent_format(&ctx, back, sizeof back), 0);
    assert_string_equal(back, v);
}

static void test_fresh_ids_each_call(void **state)
{
    (void)state;
    lg_rng rng;
    rng_seed(&rng, 7);
    lg_tp a, b;
    tp_fresh(&a, &rng);
    tp_fresh(&b, &rng);
    /* trace-id and parent-id both differ */
    assert_memory_not_equal(a.line + 16, b.line + 16, 32);
    assert_memory_not_equal(a.line + 49, b.line + 49, 16);
}

static void test_chain(void **state)
{
    (void)state;
    lg_rng rng;
    rng_seed(&rng, 1);
    lg_tp t;
    tp_fresh(&t, &rng);
    struct curl_slist *rest = curl_slist_append(NULL, "Accept:");
    struct curl_slist *l = tp_chain(&t, rest);
    assert_ptr_equal(l->data, t.line);
    assert_ptr_equal(l->next, rest);
    assert_null(tp_chain(&t, NULL)->next);
    curl_slist_free_all(rest);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape_and_parse),
        cmocka_unit_test(test_fresh_ids_each_call),
        cmocka_unit_test(test_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
