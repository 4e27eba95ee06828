/* test_traceparent.c — loadgen --trace's header line (request.h): the exact
 * W3C version-00 shape, accepted by lbotel's parser (the one refserver
 * uses), the ids a given seed always gave, fresh ids every call, and the
 * list node chaining. lbotel's own formatting and parsing rules are tested
 * in tests/otel/test_traceparent.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "otel.h"
#include "request.h"

#define PRE (sizeof LG_TRACEPARENT_PREFIX - 1)

static void test_shape_and_parse(void **state)
{
    (void)state;
    lg_rng rng;
    rng_seed(&rng, 42);
    lg_traceparent t;
    request_traceparent_fresh(&t, &rng);
    assert_int_equal(strlen(t.line), PRE + OTEL_TRACEPARENT_LEN);
    assert_memory_equal(t.line, "traceparent: 00-", 16);
    const char *v = t.line + PRE;
    assert_int_equal(v[35], '-');
    assert_int_equal(v[52], '-');
    assert_string_equal(v + 53, "01");
    for (int i = 3; i < 52; i++)
        if (i != 35)
            assert_non_null(strchr("0123456789abcdef", v[i]));
    otel_span_ctx ctx;
    assert_int_equal(otel_traceparent_parse(v, OTEL_TRACEPARENT_LEN, &ctx), 0);
    assert_true(ctx.valid);
    assert_int_equal(ctx.flags, OTEL_FLAG_SAMPLED);
}

/* The ids are the rng's draws as big-endian hex, as they were before lbotel
 * did the formatting: a --seed still gives the same headers. */
static void test_ids_are_the_rng_draws(void **state)
{
    (void)state;
    lg_rng rng, copy;
    rng_seed(&rng, 7);
    copy = rng;
    lg_traceparent t;
    request_traceparent_fresh(&t, &rng);
    char want[OTEL_TRACEPARENT_LEN + 1];
    uint64_t hi = rng_next(&copy), lo = rng_next(&copy), span = rng_next(&copy);
    snprintf(want, sizeof want, "00-%016llx%016llx-%016llx-01", (unsigned long long)hi,
             (unsigned long long)lo, (unsigned long long)span);
    assert_string_equal(t.line + PRE, want);
}

static void test_fresh_ids_each_call(void **state)
{
    (void)state;
    lg_rng rng;
    rng_seed(&rng, 7);
    lg_traceparent a, b;
    request_traceparent_fresh(&a, &rng);
    request_traceparent_fresh(&b, &rng);
    /* trace-id and parent-id both differ */
    assert_memory_not_equal(a.line + 16, b.line + 16, 32);
    assert_memory_not_equal(a.line + 49, b.line + 49, 16);
}

static void test_chain(void **state)
{
    (void)state;
    lg_rng rng;
    rng_seed(&rng, 1);
    lg_traceparent t;
    request_traceparent_fresh(&t, &rng);
    struct curl_slist *rest = curl_slist_append(NULL, "Accept:");
    struct curl_slist *l = request_traceparent_chain(&t, rest);
    assert_ptr_equal(l->data, t.line);
    assert_ptr_equal(l->next, rest);
    assert_null(request_traceparent_chain(&t, NULL)->next);
    curl_slist_free_all(rest);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape_and_parse),
        cmocka_unit_test(test_ids_are_the_rng_draws),
        cmocka_unit_test(test_fresh_ids_each_call),
        cmocka_unit_test(test_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
