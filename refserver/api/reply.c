/* reply.c — JSON replies and the seed's error bodies (see reply.h). */
#include "reply.h"
#include <string.h>

static int dump_cb(const char *s, size_t n, void *ctx)
{
    return lb_buf_append(ctx, s, n);
}

int reply_dump(lb_buf *b, const json_t *v)
{
    return json_dump_callback(v, dump_cb, b, JSON_COMPACT | JSON_ENCODE_ANY);
}

int reply_json(rs_reply *r, int status, json_t *v)
{
    lb_buf_clear(&r->body);
    if (!v || reply_dump(&r->body, v)) {
        json_decref(v);
        lb_buf_clear(&r->body);
        r->status = 500;
        lb_buf_puts(&r->body, "{\"detail\":\"Internal Server Error\"}");
        return -1;
    }
    json_decref(v);
    r->status = status;
    return 0;
}

int reply_raw(rs_reply *r, int status, const char *body, size_t len)
{
    lb_buf_clear(&r->body);
    r->status = status;
    return lb_buf_append(&r->body, body, len);
}

int reply_detail(rs_reply *r, int status, const char *detail)
{
    return reply_json(r, status, json_pack("{s:s}", "detail", detail));
}

int reply_unauthorized(rs_reply *r, const char *detail)
{
    r->extra_headers = "WWW-Authenticate: Bearer\r\n";
    return reply_detail(r, 401, detail);
}

int reply_bad_schema(rs_reply *r)
{
    return reply_detail(r, 400, "Bad Request: Schema structural violation (wrong type, "
                                  "extra fields, or invalid length).");
}

int reply_invalid(rs_reply *r, bool developer, const char *type, const char *where,
                    const char *name, const char *msg, const char *input,
                    const char *ctx_key, json_t *ctx_val)
{
    if (!developer) {
        json_decref(ctx_val);
        return reply_detail(r, 422, "Invalid request parameters");
    }
    json_t *e = json_object();
    json_object_set_new(e, "type", json_string(type));
    json_object_set_new(e, "loc", json_pack("[ss]", where, name));
    json_object_set_new(e, "msg", json_string(msg));
    json_object_set_new(e, "input", input ? json_string(input) : json_null());
    if (ctx_key)
        json_object_set_new(e, "ctx", json_pack("{so}", ctx_key, ctx_val));
    else
        json_decref(ctx_val);
    return reply_json(r, 422, json_pack("{s:[o]}", "detail", e));
}
