/* lberr.c — formatting into caller-owned error buffers. */
#include "lberr.h"
#include <stdarg.h>
#include <stdio.h>

int lb_err_set(lb_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = 0;
    }
    return -1;
}
