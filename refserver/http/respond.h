/* respond.h — the wire format of a reply: status line, headers, Date.
 * Building the reply itself is the API layer's (api/reply.h). */
#ifndef RS_RESPOND_H
#define RS_RESPOND_H
#include <stdbool.h>
#include "buf.h"
#include "api/request.h"

/* Reason phrase for an HTTP status ("OK", "Not Found"...); "Unknown" if none. */
const char *respond_status_text(int status);

/* Append reply r as an HTTP/1.1 response to out. keep_alive adds nothing for
 * HTTP/1.1 (persistent by default) but "Connection: keep-alive" for HTTP/1.0
 * (http10); !keep_alive or r->close adds "Connection: close". date is the
 * IMF-fixdate for the Date header (NULL: none). head: a HEAD request, so the
 * headers (Content-Length included) go out without the body. 0 or -1 (OOM). */
int respond_format(lb_buf *out, const rs_reply *r, bool keep_alive, bool http10,
                   const char *date, bool head);

/* Format Unix time t as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT")
 * into out (at least 30 bytes). */
void respond_date(long t, char *out, size_t cap);

#endif
