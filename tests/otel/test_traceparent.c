/* test_traceparent.c — W3C traceparent parsing and formatting: the valid
 * forms, and each way a header can be bad (which must leave an empty
 * context so the server starts a new trace). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "otel.h"

#define TID "4bf92f3577b34da6a3ce929d0e0e4736"
#define SID "00f067aa0ba902b7"

static const uint8_t tid_bytes[16] = {0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6,
                                      0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36};
static const uint8_t sid_bytes[8] = {0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7};

static int parse(const char *s, otel_span_ctx *ctx)
{
    return otel_traceparent_parse(s, strlen(s), ctx);
}

/* A bad header fails and leaves the empty context behind. */
static void assert_rejected(const char *s)
{
    otel_span_ctx ctx;
    memset(&ctx, 0xAB, sizeof ctx);
    if (parse(s, &ctx) != -1)
        fail_msg("accepted a bad traceparent: \"%s\"", s);
    otel_span_ctx empty;
    memset(&empty, 0, sizeof empty);
    assert_memory_equal(&ctx, &empty, sizeof ctx);
}

static void test_valid_sampled(void **state)
{
    (void)state;
    otel_span_ctx ctx;
    assert_int_equal(parse("00-" TID "-" SID "-01", &ctx), 0);
    assert_int_equal(ctx.valid, 1);
    assert_memory_equal(ctx.trace_id, tid_bytes, 16);
    assert_memory_equal(ctx.span_id, sid_bytes, 8);
    assert_int_equal(ctx.flags, OTEL_FLAG_SAMPLED);
}

static void test_valid_not_sampled_and_roundtrip(void **state)
{
    (void)state;
    otel_span_ctx ctx;
    assert_int_equal(parse("00-" TID "-" SID "-00", &ctx), 0);
    assert_int_equal(ctx.flags, 0);
    char buf[OTEL_TRACEPARENT_LEN + 1];
    assert_int_equal(otel_traceparent_format(&ctx, buf, sizeof buf), 0);
    assert_string_equal(buf, "00-" TID "-" SID "-00");
    assert_int_equal(parse("00-" TID "-" SID "-01", &ctx), 0);
    assert_int_equal(otel_traceparent_format(&ctx, buf, sizeof buf), 0);
    assert_string_equal(buf, "00-" TID "-" SID "-01");
}

static void test_unknown_flag_bits_cleared(void **state)
{
    (void)state;
    otel_span_ctx ctx;
    assert_int_equal(parse("00-" TID "-" SID "-ff", &ctx), 0);
    assert_int_equal(ctx.flags, OTEL_FLAG_SAMPLED);
    assert_int_equal(parse("00-" TID "-" SID "-02", &ctx), 0);
    assert_int_equal(ctx.flags, 0);
}

static void test_length_not_nul(void **state)
{
    (void)state;
    /* The header value comes from a parser buffer: only len bytes count. */
    const char *buf = "00-" TID "-" SID "-01GARBAGE";
    otel_span_ctx ctx;
    assert_int_equal(otel_traceparent_parse(buf, OTEL_TRACEPARENT_LEN, &ctx), 0);
    assert_int_equal(ctx.flags, 1);
    assert_int_equal(otel_traceparent_parse(buf, strlen(buf), &ctx), -1);
}

static void test_bad_version(void **state)
{
    (void)state;
    assert_rejected("ff-" TID "-" SID "-01"); /* forbidden version */
    assert_rejected("0g-" TID "-" SID "-01"); /* not hex */
    assert_rejected("0A-" TID "-" SID "-01"); /* uppercase */
    assert_rejected("-0-" TID "-" SID "-01");
}

static void test_future_version(void **state)
{
    (void)state;
    otel_span_ctx ctx;
    /* Versions after 00 may carry more fields after a '-'. */
    assert_int_equal(parse("01-" TID "-" SID "-01", &ctx), 0);
    assert_int_equal(parse("cc-" TID "-" SID "-01-what-the-future-holds", &ctx), 0);
    assert_memory_equal(ctx.trace_id, tid_bytes, 16);
    assert_int_equal(ctx.flags, 1);
    assert_rejected("cc-" TID "-" SID "-01x"); /* no '-' after the flags */
    /* ...but version 00 is exactly 55 bytes. */
    assert_rejected("00-" TID "-" SID "-01-extra");
    assert_rejected("00-" TID "-" SID "-01 ");
}

static void test_all_zero_ids(void **state)
{
    (void)state;
    assert_rejected("00-00000000000000000000000000000000-" SID "-01");
    assert_rejected("00-" TID "-0000000000000000-01");
}

static void test_wrong_lengths(void **state)
{
    (void)state;
    assert_rejected("");
    assert_rejected("00");
    assert_rejected("00-" TID "-" SID "-1");                        /* 1-digit flags */
    assert_rejected("00-4bf92f3577b34da6a3ce929d0e0e473-" SID "-01"); /* 31-digit trace id */
    assert_rejected("00-" TID "-00f067aa0ba902b-01");                /* 15-digit span id */
    assert_rejected("00-" TID "0-" SID "-01");                       /* 33-digit trace id */
    assert_rejected("00-" TID "-" SID "0-01");                       /* 17-digit span id */
    otel_span_ctx ctx;
    assert_int_equal(otel_traceparent_parse(NULL, 55, &ctx), -1);
}

static void test_bad_separators_and_hex(void **state)
{
    (void)state;
    assert_rejected("00_" TID "-" SID "-01");
    assert_rejected("00-" TID "_" SID "-01");
    assert_rejected("00-" TID "-" SID "_01");
    assert_rejected("00-4BF92F3577B34DA6A3CE929D0E0E4736-" SID "-01"); /* uppercase trace id */
    assert_rejected("00-" TID "-00F067AA0BA902B7-01");                /* uppercase span id */
    assert_rejected("00-" TID "-" SID "-0A");                         /* uppercase flags */
    assert_rejected("00-4bf92f3577b34da6a3ce929d0e0e473z-" SID "-01");
}

static void test_format_empty_and_small(void **state)
{
    (void)state;
    char buf[OTEL_TRACEPARENT_LEN + 1] = "junk";
    otel_span_ctx empty;
    memset(&empty, 0, sizeof empty);
    assert_int_equal(otel_traceparent_format(&empty, buf, sizeof buf), -1);
    assert_string_equal(buf, "");
    assert_int_equal(otel_traceparent_format(NULL, buf, sizeof buf), -1);
    otel_span_ctx ctx;
    assert_int_equal(parse("00-" TID "-" SID "-01", &ctx), 0);
    char small[OTEL_TRACEPARENT_LEN] = "junk";
    assert_int_equal(otel_traceparent_format(&ctx, small, sizeof small), -1);
    assert_string_equal(small, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_sampled),
        cmocka_unit_test(test_valid_not_sampled_and_roundtrip),
        cmocka_unit_test(test_unknown_flag_bits_cleared),
        cmocka_unit_test(test_length_not_nul),
        cmocka_unit_test(test_bad_version),
        cmocka_unit_test(test_future_version),
        cmocka_unit_test(test_all_zero_ids),
        cmocka_unit_test(test_wrong_lengths),
        cmocka_unit_test(test_bad_separators_and_hex),
        cmocka_unit_test(test_format_empty_and_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
