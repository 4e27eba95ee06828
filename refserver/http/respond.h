/* respond.h — status lines, headers and JSON reply bodies.
 *
 * Every JSON body is compact (jansson JSON_COMPACT, insertion order = the
 * spec's key order), as the seed's orjson responses are. */
#ifndef RS_RESPOND_H
#define RS_RESPOND_H
#include <jansson.h>
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

/* Append v as compact JSON to b. Does not take ownership. 0 or -1. */
int respond_dump(lb_buf *b, const json_t *v);

/* Reset r's status/body and make it `status` with body v (compact JSON);
 * takes ownership of v (NULL v -> 500). 0 or -1 (OOM; r is then a 500). */
int respond_json(rs_reply *r, int status, json_t *v);

/* r = status with the raw body bytes (already JSON). 0 or -1. */
int respond_raw(rs_reply *r, int status, const char *body, size_t len);

/* r = status with {"detail":"<detail>"}. 0 or -1. */
int respond_detail(rs_reply *r, int status, const char *detail);

/* The seed's 401: {"detail":...} plus "WWW-Authenticate: Bearer". */
int respond_unauthorized(rs_reply *r, const char *detail);

/* The seed's 400 for structural body errors (missing field, wrong type). */
int respond_bad_schema(rs_reply *r);

/* A 422 validation error as FastAPI writes it. developer: the detailed
 * {"detail":[{type,loc,msg,input,ctx}]} body; else {"detail":"Invalid request
 * parameters"}. loc is ("query"|"body", name); input NULL -> JSON null;
 * ctx_key NULL -> no ctx. Takes ownership of ctx_val. 0 or -1. */
int respond_invalid(rs_reply *r, bool developer, const char *type, const char *where,
                    const char *name, const char *msg, const char *input,
                    const char *ctx_key, json_t *ctx_val);

#endif
