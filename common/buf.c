/* buf.c — growable byte buffer (see buf.h). */
#include "buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lb_buf_reserve(lb_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int lb_buf_puts(lb_buf *b, const char *s)
{
    return lb_buf_append(b, s, strlen(s));
}

int lb_buf_printf(lb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || lb_buf_reserve(b, (size_t)n))
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void lb_buf_consume(lb_buf *b, size_t n)
{
    b->off += n;
    if (b->off >= b->len)
        b->off = b->len = 0;
}

size_t lb_buf_pending(const lb_buf *b)
{
    return b->len - b->off;
}

void lb_buf_compact(lb_buf *b)
{
    if (b->off == 0)
        return;
    memmove(b->data, b->data + b->off, b->len - b->off);
    b->len -= b->off;
    b->off = 0;
    if (b->data)
        b->data[b->len] = '\0';
}

void lb_buf_clear(lb_buf *b)
{
    b->len = b->off = 0;
    if (b->data)
        b->data[0] = '\0';
}

void lb_buf_free(lb_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
