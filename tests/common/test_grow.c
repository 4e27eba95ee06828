/* test_grow.c — lb_grow: first allocation, doubling, room left, overflow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "grow.h"

static void test_fill_and_double(void **state)
{
    (void)state;
    int *a = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 100; i++) {
        int *na = lb_grow(a, &cap, n, sizeof *a, 4);
        assert_non_null(na);
        a = na;
        assert_true(cap > n);
        a[n++] = i;
    }
    assert_int_equal(cap, 128); /* 4, 8, ..., 128 */
    for (int i = 0; i < 100; i++)
        assert_int_equal(a[i], i);
    free(a);
}

static void test_room_left_keeps_array(void **state)
{
    (void)state;
    size_t cap = 8;
    int *a = malloc(cap * sizeof *a);
    assert_non_null(a);
    assert_ptr_equal(lb_grow(a, &cap, 7, sizeof *a, 4), a);
    assert_int_equal(cap, 8);
    free(a);
}

static void test_overflow_fails_unchanged(void **state)
{
    (void)state;
    size_t cap = SIZE_MAX / 16 + 1, n = cap;
    char dummy;
    assert_null(lb_grow(&dummy, &cap, n, 16, 4));
    assert_int_equal(cap, SIZE_MAX / 16 + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill_and_double),
        cmocka_unit_test(test_room_left_keeps_array),
        cmocka_unit_test(test_overflow_fails_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
