/* reply.h — the replies handlers build: JSON bodies and the seed's error
 * bodies (detail, 401, 400, FastAPI's 422).
 *
 * Every JSON body is compact (jansson JSON_COMPACT, insertion order = the
 * spec's key order), as the seed's orjson responses are. */
#ifndef RS_REPLY_H
#define RS_REPLY_H
#include <jansson.h>
#include <stdbool.h>
#include "buf.h"
#include "lberr.h"
#include "request.h"

/* Append v as compact JSON to b. Does not take ownership. 0 or -1. */
int reply_dump(lb_buf *b, const json_t *v);

/* Reset r's status/body and make it `status` with body v (compact JSON);
 * takes ownership of v (NULL v -> 500). 0 or -1 (OOM; r is then a 500). */
int reply_json(rs_reply *r, int status, json_t *v);

/* r = status with the raw body bytes (already JSON). 0 or -1. */
int reply_raw(rs_reply *r, int status, const char *body, size_t len);

/* r = status with {"detail":"<detail>"}. 0 or -1. */
int reply_detail(rs_reply *r, int status, const char *detail);

/* The seed's 401: {"detail":...} plus "WWW-Authenticate: Bearer". */
int reply_unauthorized(rs_reply *r, const char *detail);

/* The seed's 400 for structural body errors (missing field, wrong type). */
int reply_bad_schema(rs_reply *r);

/* A 422 validation error as FastAPI writes it. developer: the detailed
 * {"detail":[{type,loc,msg,input,ctx}]} body; else {"detail":"Invalid request
 * parameters"}. loc is ("query"|"body", name); input NULL -> JSON null;
 * ctx_key NULL -> no ctx. Takes ownership of ctx_val. 0 or -1. */
int reply_invalid(rs_reply *r, bool developer, const char *type, const char *where,
                    const char *name, const char *msg, const char *input,
                    const char *ctx_key, json_t *ctx_val);

#endif
