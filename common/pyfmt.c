/* pyfmt.c — Python's repr(float) in C.
 *
 * Python prints the shortest digit string that reads back as the same double
 * (David Gay's dtoa, mode 0). We find it by asking printf for 1, 2, ... 17
 * significant digits (each correctly rounded by glibc) and keeping the first
 * that strtod maps back to v, then lay the digits out as Python's
 * format_float_short does for 'r': fixed notation when the decimal exponent
 * is in [-4, 16), else d.ddde+XX with at least two exponent digits.
 *
 * Known gap: when v is a power of two the round-trip interval is lopsided and
 * the nearest p-digit string can miss it while a farther one hits; dtoa then
 * returns p digits, we return p+1. No such value occurs in response times. */
#include "pyfmt.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shortest round-trip digits of |v| (v finite, non-zero): fills digits
 * (no dot, no trailing zeros) and returns the decimal exponent e such that
 * |v| = d.ddd x 10^e. */
static int shortest_digits(double v, char *digits, size_t *ndigits)
{
    char tmp[40];
    int prec;
    for (prec = 0; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    if (prec == 17)
        snprintf(tmp, sizeof tmp, "%.*e", 16, v);
    /* tmp is "d[.ddd]e[+-]XX" */
    size_t n = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *ndigits = n;
    return atoi(p + 1);
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
