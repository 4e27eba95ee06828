/* buf.h — a growable byte buffer for request input, response output and JSON text.
 *
 * Connections append responses and consume what the socket accepted; the
 * buffer grows geometrically and never shrinks while the connection lives, so
 * a keep-alive connection allocates only while it warms up.
 *
 * Written by hand: glibc's open_memstream grows a buffer too, but cannot drop
 * consumed bytes from the front, and GLib's GString would bring in GLib for
 * one small struct. */
#ifndef LB_BUF_H
#define LB_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct lb_buf {
    char *data;
    size_t len;   /* bytes held */
    size_t off;   /* bytes already consumed from the front */
    size_t cap;
} lb_buf;

/* Make room for `extra` more bytes after len. Returns 0, or -1 on OOM
 * (the buffer is unchanged). */
int lb_buf_reserve(lb_buf *b, size_t extra);
/* Append n bytes. 0 or -1 on OOM (the buffer is unchanged). Inline because
 * the JSON writers append many short pieces, often of a constant length:
 * the copy then compiles to a few moves (the OTLP encoder made 8% more
 * instructions per span with an out-of-line append). */
static inline int lb_buf_append(lb_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap && lb_buf_reserve(b, n))
        return -1;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';   /* keeps text buffers usable as C strings */
    return 0;
}
/* Append a NUL-terminated string (without its NUL). 0 or -1. */
int lb_buf_puts(lb_buf *b, const char *s);
/* Append printf-formatted text. 0 or -1. */
int lb_buf_printf(lb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Mark n bytes at the front as consumed; resets to empty when all are. */
void lb_buf_consume(lb_buf *b, size_t n);
/* Bytes not yet consumed. */
size_t lb_buf_pending(const lb_buf *b);
/* Move unconsumed bytes to the front (keeps capacity). */
void lb_buf_compact(lb_buf *b);
/* Empty the buffer, keeping its memory. */
void lb_buf_clear(lb_buf *b);
/* Release the memory; the buffer is empty and reusable afterwards. */
void lb_buf_free(lb_buf *b);

#endif
