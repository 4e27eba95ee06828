/* body.c — pydantic-style body validation (see body.h). */
#include "body.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reply.h"

int body_invalid(rs_ctx *ctx, const char *plain, const char *type, const char *where,
                 const char *name, const char *msg, json_t *input, json_t *ctxv)
{
    if (!ctx->w->cfg->developer) {
        /* the seed's handler names the deploy route's failures apart */
        if (!plain)
            plain = strstr(ctx->req->path, "/deckies/deploy") ? "Invalid INI config"
                                                              : "Invalid request parameters";
        json_decref(input);
        json_decref(ctxv);
        reply_detail(ctx->rep, 422, plain);
        return -1;
    }
    json_t *e = json_pack("{s:s,s:[ss],s:s,s:o}", "type", type, "loc", where, name, "msg", msg,
                          "input", input ? input : json_null());
    if (ctxv)
        json_object_set_new(e, "ctx", ctxv);
    reply_json(ctx->rep, 422, json_pack("{s:[o]}", "detail", e));
    return -1;
}

bool body_is_duration(const char *s)
{
    if (*s < '1' || *s > '9')
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    return s[0] && strchr("mdMyY", s[0]) && !s[1];
}

static long utf8_chars(const char *s)
{
    long n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* "'admin' or 'viewer'", as pydantic lists a Literal's values. */
static void expected(const char *const *lit, char *out, size_t cap)
{
    size_t n = 0, k = 0;
    while (lit[n])
        n++;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        k += (size_t)snprintf(out + k, k < cap ? cap - k : 0, "%s'%s'",
                              i == 0 ? "" : i == n - 1 ? " or " : ", ", lit[i]);
}

/* -1: structural (400); 1: a 422 was replied; 0: ok with *val set (new ref). */
static int check_str(rs_ctx *ctx, const body_field *f, json_t *v, json_t **val)
{
    if (!json_is_string(v))
        return -1;
    const char *s = json_string_value(v);
    long len = utf8_chars(s);
    char msg[160];
    if (f->min_len && len < f->min_len)
        return -1;   /* string_too_short: structural in the seed's handler */
    if (f->max_len && len > f->max_len) {
        snprintf(msg, sizeof msg, "String should have at most %ld character%s", f->max_len,
                 f->max_len == 1 ? "" : "s");
        body_invalid(ctx, NULL, "string_too_long", "body", f->name, msg, json_incref(v),
                     json_pack("{s:i}", "max_length", (int)f->max_len));
        return 1;
    }
    if (f->match && !f->match(s)) {
        snprintf(msg, sizeof msg, "String should match pattern '%s'", f->pattern);
        body_invalid(ctx, NULL, "string_pattern_mismatch", "body", f->name, msg,
                     json_incref(v), json_pack("{s:s}", "pattern", f->pattern));
        return 1;
    }
    if (f->literals) {
        for (const char *const *l = f->literals; *l; l++)
            if (!strcmp(*l, s)) {
                *val = json_incref(v);
                return 0;
            }
        char exp[128];
        expected(f->literals, exp, sizeof exp);
        snprintf(msg, sizeof msg, "Input should be %s", exp);
        body_invalid(ctx, NULL, "literal_error", "body", f->name, msg, json_incref(v),
                     json_pack("{s:s}", "expected", exp));
        return 1;
    }
    *val = json_incref(v);
    return 0;
}

/* An int field in pydantic's lax mode: integers, integral floats, numeric
 * strings and booleans. */
static int check_int(rs_ctx *ctx, const body_field *f, json_t *v, json_t **val)
{
    long long x = 0;
    char msg[160];
    if (json_is_integer(v)) {
        x = json_integer_value(v);
    } else if (json_is_boolean(v)) {
        x = json_is_true(v);
    } else if (json_is_real(v)) {
        double d = json_real_value(v);
        if (d != floor(d) || fabs(d) > 9e18) {
            body_invalid(ctx, NULL, "int_from_float", "body", f->name, "Input should be a valid "
                         "integer, got a number with a fractional part", json_incref(v), NULL);
            return 1;
        }
        x = (long long)d;
    } else if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end;
        errno = 0;
        x = strtoll(s, &end, 10);
        while (isspace((unsigned char)*end))
            end++;
        if (!*s || *end || errno) {
            body_invalid(ctx, NULL, "int_parsing", "body", f->name, "Input should be a valid "
                         "integer, unable to parse string as an integer", json_incref(v), NULL);
            return 1;
        }
    } else {
        body_invalid(ctx, NULL, "int_type", "body", f->name, "Input should be a valid integer",
                     json_incref(v), NULL);
        return 1;
    }
    if (f->lo <= f->hi && (x < f->lo || x > f->hi)) {
        bool low = x < f->lo;
        snprintf(msg, sizeof msg, "Input should be %s than or equal to %ld",
                 low ? "greater" : "less", low ? f->lo : f->hi);
        body_invalid(ctx, NULL, low ? "greater_than_equal" : "less_than_equal", "body", f->name,
                     msg, json_incref(v), json_pack("{s:i}", low ? "ge" : "le",
                                                    (int)(low ? f->lo : f->hi)));
        return 1;
    }
    *val = json_integer(x);
    return 0;
}

int body_parse(rs_ctx *ctx, const body_field *fields, int n, bool forbid_extra, json_t **out)
{
    *out = NULL;
    if (ctx->req->body.len == 0) {
        reply_bad_schema(ctx->rep);
        return -1;
    }
    json_error_t jerr;
    json_t *v = json_loadb(ctx->req->body.data, ctx->req->body.len, 0, &jerr);
    if (!v)
        return body_invalid(ctx, NULL, "json_invalid", "body", "0", "JSON decode error", NULL,
                            json_pack("{s:s}", "error", jerr.text));
    if (!json_is_object(v)) {
        json_decref(v);
        return body_invalid(ctx, NULL, "model_attributes_type", "body", "body", "Input should "
                            "be a valid dictionary or object to extract fields from", NULL, NULL);
    }
    bool structural = false;
    if (forbid_extra) {
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x) {
            bool known = false;
            for (int i = 0; i < n && !known; i++)
                known = !strcmp(k, fields[i].name);
            structural = structural || !known;
        }
    }
    /* pydantic reports every error and the seed's handler answers 400 when
     * any is structural, so the structural pass runs over all fields first */
    for (int i = 0; i < n && !structural; i++) {
        json_t *f = json_object_get(v, fields[i].name);
        if (!f)
            structural = fields[i].required;
        else if (fields[i].kind == BODY_STR && !(json_is_null(f) && fields[i].nullable))
            structural = !json_is_string(f) ||
                         (fields[i].min_len && utf8_chars(json_string_value(f)) < fields[i].min_len);
    }
    if (structural) {
        json_decref(v);
        reply_bad_schema(ctx->rep);
        return -1;
    }
    json_t *res = json_object();
    for (int i = 0; i < n; i++) {
        const body_field *f = &fields[i];
        json_t *x = json_object_get(v, f->name), *val = NULL;
        int rc = 0;
        if (!x)
            val = f->dflt ? json_string(f->dflt) : NULL;
        else if (json_is_null(x) && f->nullable)
            val = json_null();
        else
            rc = f->kind == BODY_STR ? check_str(ctx, f, x, &val) : check_int(ctx, f, x, &val);
        if (rc) {
            if (rc < 0)
                reply_bad_schema(ctx->rep);
            json_decref(res);
            json_decref(v);
            return -1;
        }
        if (val)
            json_object_set_new(res, f->name, val);
    }
    json_decref(v);
    *out = res;
    return 0;
}
