/* body.h — JSON request bodies validated as the seed's pydantic models are,
 * with its exception handler's mapping (decnet/web/api.py):
 *   structural errors (missing field, wrong type, too short, extra field
 *   where forbidden, no body) -> 400 "Bad Request: Schema structural
 *   violation ..."; other field errors (too long, pattern, bounds, literal)
 *   -> 422, FastAPI's detailed body in developer mode, else {"detail":
 *   "Invalid request parameters"}; undecodable JSON -> 422 json_invalid. */
#ifndef RS_BODY_H
#define RS_BODY_H
#include <jansson.h>
#include <stdbool.h>
#include "ctx.h"

typedef enum { BODY_STR, BODY_INT } body_kind;

typedef struct body_field {
    const char *name;
    body_kind kind;
    bool required;            /* else absent -> dflt (strings) or left out */
    bool nullable;            /* Optional[...]: null accepted as null */
    long min_len, max_len;    /* strings, in characters; 0 = no bound */
    long lo, hi;              /* ints: ge / le (lo > hi: unbounded) */
    bool (*match)(const char *s);   /* strings: the pattern test (NULL: none) */
    const char *pattern;      /* the pattern as the seed writes it (for the message) */
    const char *const *literals;    /* Literal[...] (NULL-terminated), NULL: any */
    const char *dflt;         /* default of an absent optional string */
} body_field;

/* Parse and validate ctx->req->body against fields[0..n). forbid_extra:
 * the model's extra="forbid". 0 with *out an object holding exactly the
 * fields (defaults filled; ints as integers) — caller decrefs; -1 with the
 * 400/422 reply set. */
int body_parse(rs_ctx *ctx, const body_field *fields, int n, bool forbid_extra, json_t **out);

/* The 422 FastAPI writes for one error (loc = [where, name]), with the
 * input as a JSON value (taken; NULL = null) and ctx (taken; may be NULL).
 * Without developer mode: {"detail": plain} instead (NULL: the seed's "Invalid INI config"
 * on the deploy route, else "Invalid request parameters"). Returns -1. */
int body_invalid(rs_ctx *ctx, const char *plain, const char *type, const char *where,
                 const char *name, const char *msg, json_t *input, json_t *ctxv);

/* ^[1-9]\d*[mdMyY]$ — the seed's duration pattern (mutation intervals). */
bool body_is_duration(const char *s);
#define BODY_DURATION_PATTERN "^[1-9]\\d*[mdMyY]$"

#endif
