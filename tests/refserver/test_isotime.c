/* test_isotime.c — strict ingest timestamps (store/isotime.c, issue 13):
 * what pydantic accepts is normalised to UTC "YYYY-MM-DD HH:MM:SS", the
 * rest is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "store/isotime.h"

static void accepted(const char *in, const char *want)
{
    char out[ISOTIME_LEN];
    lb_err err = {0};
    if (isotime_normalise(in, out, &err))
        fail_msg("'%s' refused: %s", in, err.msg);
    if (strcmp(out, want))
        fail_msg("'%s' gave '%s', wanted '%s'", in, out, want);
}

static void refused(const char *in)
{
    char out[ISOTIME_LEN];
    lb_err err = {0};
    if (isotime_normalise(in, out, &err) == 0)
        fail_msg("'%s' accepted as '%s'", in, out);
    assert_non_null(strstr(err.msg, "timestamp"));
}

static void test_accepted(void **state)
{
    (void)state;
    accepted("2026-04-17T21:03:11", "2026-04-17 21:03:11");
    accepted("2026-04-17 21:03:11", "2026-04-17 21:03:11");
    accepted("2026-04-17t21:03:11", "2026-04-17 21:03:11");
    accepted("2026-04-17_21:03:11", "2026-04-17 21:03:11");
    accepted("2026-04-17T21:03", "2026-04-17 21:03:00");
    accepted("2026-04-17", "2026-04-17 00:00:00");
    accepted("2026-04-17T21:03:11.123456", "2026-04-17 21:03:11");
    accepted("2026-04-17T21:03:11Z", "2026-04-17 21:03:11");
    accepted("2026-04-17T21:03:11z", "2026-04-17 21:03:11");
    accepted("2026-04-17T23:03:11+02:00", "2026-04-17 21:03:11");
    accepted("2026-04-17T23:03:11+0200", "2026-04-17 21:03:11");
    accepted("2026-04-17T20:33:11-00:30", "2026-04-17 21:03:11");
    accepted("2026-12-31T23:30:00-01:00", "2027-01-01 00:30:00");
    accepted("2024-02-29T12:00:00", "2024-02-29 12:00:00");
    accepted("2000-02-29T12:00:00", "2000-02-29 12:00:00");
    accepted("1713387791", "2024-04-17 21:03:11");
    accepted("1713387791.5", "2024-04-17 21:03:11");
    accepted("1713387791000", "2024-04-17 21:03:11");   /* milliseconds, as pydantic */
}

static void test_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2026-1-2T3:4:5",                /* was stored as "2026-01-02 03:" */
        "2026-02-31T03:04:05junk", "2026-02-31T03:04:05", "2026-02-29T00:00:00",
        "1900-02-29T00:00:00", "2026-13-01", "2026-00-10", "2026-04-00",
        "2026-04-17T24:00:00", "2026-04-17T21:60:00", "2026-04-17T21:03:60",
        "2026-04-17T21:03:11+24:00", "2026-04-17T21:03:11+02:60", "2026-04-17T21:03:11+2",
        "2026-04-17T21:03:11.", "2026-04-17T21:03:11.1234567", "2026-04-17T21:03:11Zjunk",
        "2026-04-17T21", "2026-04-17T", "2026-04-17X21:03:11", " 2026-04-17T21:03:11",
        "2026-04-17T21:03:11 ", "20260417T210311", "1969-12-31T23:59:59",
        "1970-01-01T00:30:00+01:00", "", "now", "1713387791.", "-5", "+2026-04-17",
        "2026-04-17T21:03:1", "2026-04-17T2:03:11",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        refused(bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepted),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
