/* aztest.h — cmocka for analyze's tests, plus the double comparison this
 * cmocka (1.1.5) names assert_float_equal (it compares doubles). */
#ifndef AZ_TEST_H
#define AZ_TEST_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#ifndef assert_double_equal
#define assert_double_equal(a, b, eps) assert_float_equal((a), (b), (eps))
#endif
#endif
