/* respond.c — a reply as HTTP/1.1 bytes: status line, headers, body. */
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
