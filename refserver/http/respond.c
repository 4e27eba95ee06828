/* respond.c — HTTP response formatting and the seed's JSON error bodies. */
#include "respond.h"
#include <string.h>
#include <time.h>

const char *respond_status_text(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

void respond_date(long t, char *out, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, cap, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

int respond_format(lb_buf *out, const rs_reply *r, bool keep_alive, bool http10,
                   const char *date, bool head)
{
    const char *conn = "";
    if (!keep_alive || r->close)
        conn = "Connection: close\r\n";
    else if (http10)
        conn = "Connection: keep-alive\r\n";
    size_t blen = lb_buf_pending(&r->body);
    if (lb_buf_printf(out, "HTTP/1.1 %d %s\r\n%s%s%sContent-Type: %s\r\nContent-Length: %zu\r\n"
                   "%s%s\r\n", r->status, respond_status_text(r->status),
                   date ? "Date: " : "", date ? date : "", date ? "\r\n" : "",
                   r->content_type ? r->content_type : "application/json", blen,
                   r->extra_headers ? r->extra_headers : "", conn))
        return -1;
    return blen && !head ? lb_buf_append(out, r->body.data + r->body.off, blen) : 0;
}

static int dump_cb(const char *s, size_t n, void *ctx)
{
    return lb_buf_append(ctx, s, n);
}

int respond_dump(lb_buf *b, const json_t *v)
{
    return json_dump_callback(v, dump_cb, b, JSON_COMPACT | JSON_ENCODE_ANY);
}

int respond_json(rs_reply *r, int status, json_t *v)
{
    lb_buf_clear(&r->body);
    if (!v || respond_dump(&r->body, v)) {
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

int respond_raw(rs_reply *r, int status, const char *body, size_t len)
{
    lb_buf_clear(&r->body);
    r->status = status;
    return lb_buf_append(&r->body, body, len);
}

int respond_detail(rs_reply *r, int status, const char *detail)
{
    return respond_json(r, status, json_pack("{s:s}", "detail", detail));
}

int respond_unauthorized(rs_reply *r, const char *detail)
{
    r->extra_headers = "WWW-Authenticate: Bearer\r\n";
    return respond_detail(r, 401, detail);
}

int respond_bad_schema(rs_reply *r)
{
    return respond_detail(r, 400, "Bad Request: Schema structural violation (wrong type, "
                                  "extra fields, or invalid length).");
}

int respond_invalid(rs_reply *r, bool developer, const char *type, const char *where,
                    const char *name, const char *msg, const char *input,
                    const char *ctx_key, json_t *ctx_val)
{
    if (!developer) {
        json_decref(ctx_val);
        return respond_detail(r, 422, "Invalid request parameters");
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
    return respond_json(r, 422, json_pack("{s:[o]}", "detail", e));
}
