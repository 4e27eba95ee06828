/* test_text.c — lb_trim: white space off both ends, in place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "text.h"

static void test_trim(void **state)
{
    (void)state;
    char a[] = "  users = 5 \t\r\n", b[] = "", c[] = " \t ", d[] = "x";
    assert_string_equal(lb_trim(a), "users = 5");
    assert_string_equal(lb_trim(b), "");
    assert_string_equal(lb_trim(c), "");
    assert_string_equal(lb_trim(d), "x");
    char e[] = "k=v";
    assert_ptr_equal(lb_trim(e), e);             /* nothing to skip: same pointer */
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_trim)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
