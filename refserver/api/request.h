/* request.h — one parsed HTTP request, the reply a handler builds, and the
 * per-request phase timings.
 *
 * The connection (conn.c) fills rs_request from http-parser callbacks; a
 * handler reads it and fills rs_reply; respond.c turns the reply into bytes.
 * rs_phase is filled as the request goes so a later --profile-requests or
 * tracing exporter can write it out without touching the handlers. */
#ifndef RS_REQUEST_H
#define RS_REQUEST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* Nanoseconds spent per phase of one request. */
typedef struct rs_phase {
    uint64_t parse_ns;      /* first byte seen .. message complete */
    uint64_t auth_ns;       /* token check + user lookup */
    uint64_t cache_ns;      /* TTL cache checks and hits */
    uint64_t db_ns;         /* SQLite work on the loop (or waiting for the writer) */
    uint64_t bcrypt_ns;     /* bcrypt on a pool thread */
    uint64_t serialize_ns;  /* JSON building */
    uint64_t write_ns;      /* response formatting + first write attempt */
} rs_phase;

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
