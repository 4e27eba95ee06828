/* pyfmt.c — Python's repr(float) in C.
 *
 * Python prints the shortest digit string that reads back as the same double
 * (David Gay's dtoa, mode 0). We find it by asking printf for 1, 2, ... 17
 * significant digits (each correctly rounded by glibc) and keeping the first
 * that strtod maps back to v, then lay the digits out as Python's
 * format_float_short does for 'r': fixed notation when the decimal exponent
 * is in [-4, 16), else d.ddde+XX with at least two exponent digits.
 *
 * One trap: at an exact power of two the round-trip interval is lopsided
 * (the gap below is half the gap above), so the nearest p-digit string can
 * miss it while its upper neighbour hits; dtoa returns that neighbour. We try
 * both neighbours for powers of two (pyfmt_fuzz.sh found 92 such values in
 * 300,000 before this was added). */
#include "pyfmt.h"
#include <inttypes.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits of an integer mantissa c (no trailing zeros) and the decimal
 * exponent of its first digit, for the value c x 10^e_last. */
static int int_form(uint64_t c, int e_last, char *digits, size_t *ndigits)
{
    int len = snprintf(digits, 24, "%" PRIu64, c);
    int e = e_last + len - 1;
    while (len > 1 && digits[len - 1] == '0')
        len--;
    digits[len] = '\0';
    *ndigits = (size_t)len;
    return e;
}

/* Shortest round-trip digits of |v| (v finite, > 0): fills digits (no dot,
 * no trailing zeros) and returns the decimal exponent e such that
 * v = d.ddd x 10^e. */
static int shortest_digits(double v, char *digits, size_t *ndigits)
{
    char tmp[48];
    int fexp;
    bool pow2 = frexp(v, &fexp) == 0.5;
    for (int prec = 0; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec, v);
        /* tmp is "d[.ddd]e[+-]XX": as an integer mantissa and exponent */
        uint64_t m = 0;
        const char *p = tmp;
        for (; *p != 'e'; p++)
            if (*p >= '0' && *p <= '9')
                m = m * 10 + (uint64_t)(*p - '0');
        int e_last = atoi(p + 1) - prec;
        if (strtod(tmp, NULL) == v)
            return int_form(m, e_last, digits, ndigits);
        if (!pow2)
            continue;
        for (int d = -1; d <= 1; d += 2) {
            char cand[48];
            snprintf(cand, sizeof cand, "%" PRIu64 "e%d", m + (uint64_t)(int64_t)d, e_last);
            if (strtod(cand, NULL) == v)
                return int_form(m + (uint64_t)(int64_t)d, e_last, digits, ndigits);
        }
    }
    /* 17 significant digits always round-trip; not reached */
    snprintf(tmp, sizeof tmp, "%.16e", v);
    uint64_t m = 0;
    const char *p = tmp;
    for (; *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            m = m * 10 + (uint64_t)(*p - '0');
    return int_form(m, atoi(p + 1) - 16, digits, ndigits);
}

size_t pyfmt_repr(char *buf, size_t cap, double v)
{
    char out[PYFMT_REPR_MAX + 8];
    char digits[24];
    size_t n = 0, nd;

    if (isnan(v)) {
        strcpy(out, "nan");
    } else if (isinf(v)) {
        strcpy(out, v < 0 ? "-inf" : "inf");
    } else {
        if (signbit(v)) {
            out[n++] = '-';
            v = -v;
        }
        if (v == 0.0) {
            strcpy(out + n, "0.0");
        } else {
            int e = shortest_digits(v, digits, &nd);
            if (e < -4 || e >= 16) {
                out[n++] = digits[0];
                if (nd > 1) {
                    out[n++] = '.';
                    memcpy(out + n, digits + 1, nd - 1);
                    n += nd - 1;
                }
                snprintf(out + n, sizeof out - n, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
            } else if (e < 0) {
                /* 0.000ddd */
                out[n++] = '0';
                out[n++] = '.';
                for (int i = 0; i < -e - 1; i++)
                    out[n++] = '0';
                memcpy(out + n, digits, nd);
                out[n + nd] = '\0';
            } else if ((size_t)e + 1 >= nd) {
                /* whole number: ddd000.0 */
                memcpy(out + n, digits, nd);
                n += nd;
                for (size_t i = nd; i < (size_t)e + 1; i++)
                    out[n++] = '0';
                strcpy(out + n, ".0");
            } else {
                memcpy(out + n, digits, (size_t)e + 1);
                n += (size_t)e + 1;
                out[n++] = '.';
                memcpy(out + n, digits + e + 1, nd - (size_t)e - 1);
                out[n + nd - (size_t)e - 1] = '\0';
            }
        }
    }
    size_t len = strlen(out);
    if (cap > 0) {
        size_t c = len < cap - 1 ? len : cap - 1;
        memcpy(buf, out, c);
        buf[c] = '\0';
    }
    return len;
}
