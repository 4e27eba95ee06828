/* pyfmt.h — number formatting compatible with Python, for byte-exact Locust files.
 *
 * Locust writes floats with Python's repr(): the shortest string that
 * round-trips, always with ".0" for whole numbers, and exponent form
 * ("1e-05", "1e+16") when the decimal exponent is < -4 or >= 16. */
#ifndef LB_PYFMT_H
#define LB_PYFMT_H
#include <stddef.h>

/* Longest output of pyfmt_repr, terminator included. */
#define PYFMT_REPR_MAX 32

/* Write repr(v) into buf (cap >= PYFMT_REPR_MAX). Returns the length.
 * nan -> "nan", inf -> "inf", -inf -> "-inf" as Python prints them. */
size_t pyfmt_repr(char *buf, size_t cap, double v);

#endif
