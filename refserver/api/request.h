/* request.h — one parsed HTTP request and the reply a handler builds: the
 * data the HTTP layer and the API layer hand each other.
 *
 * The connection (http/conn.c) fills rs_request from http-parser callbacks;
 * a handler reads it and fills rs_reply (api/reply.h builds the common
 * ones); http/respond.c turns the reply into bytes. rs_phase (lens/phase.h)
 * is filled as the request goes so the lenses can write it out without
 * touching the handlers. */
#ifndef RS_REQUEST_H
#define RS_REQUEST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "lens/phase.h"

typedef struct rs_request {
    int method;             /* enum http_method */
    lb_buf url;             /* raw request target */
    char *path;             /* points into url (NUL-terminated after split) */
    char *query;            /* after '?', or "" */
    lb_buf auth;            /* Authorization header value, "" if none */
    lb_buf body;
    bool keep_alive;
    uint64_t t_start;       /* clock_mono_ns() at the first byte */
    rs_phase phase;
    struct rs_reqtrace *trace;  /* tracing state (trace_hooks.h); NULL unless --tracing */
} rs_request;

/* A reply: status, content type, optional extra header lines, body. */
typedef struct rs_reply {
    int status;
    const char *content_type;   /* NULL = application/json */
    const char *extra_headers;  /* static "Name: value\r\n" lines or NULL */
    lb_buf body;
    bool close;                 /* close the connection after sending */
} rs_reply;

#endif
