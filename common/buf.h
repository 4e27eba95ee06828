/* buf.h — a growable byte buffer for request input, response output and JSON text.
 *
 * Connections append responses and consume what the socket accepted; the
 * buffer grows geometrically and never shrinks while the connection lives, so
 * a keep-alive connection allocates only while it warms up. */
#ifndef LB_BUF_H
#define LB_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct lb_buf {
    char *data;
    size_t len;   /* bytes held */
    size_t off;   /* bytes already consumed from the front */
    size_t cap;
} lb_buf;

/* Make room for `extra` more bytes after len. Returns 0, or -1 on OOM
 * (the buffer is unchanged). */
int lb_buf_reserve(lb_buf *b, size_t extra);
/* Append n bytes. 0 or -1 on OOM. */
int lb_buf_append(lb_buf *b, const void *p, size_t n);
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
