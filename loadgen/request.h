/* request.h — one HTTP request on a reusable libcurl easy handle: option
 * setup (the fast path of perf-notes.md), response callbacks, judging the
 * outcome with Locust's failure texts, and saving JSON fields into variables.
 *
 * Used by user.c (asynchronously, through the multi handle) and setup.c
 * (blocking, once before the run); neither re-implements the other's parts. */
#ifndef LG_REQUEST_H
#define LG_REQUEST_H
#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "otel.h"
#include "plan.h"
#include "rng.h"

/* Per-transfer scratch filled by the callbacks. One per user, reused. */
typedef struct lg_xfer {
    uint64_t bytes;           /* body bytes received */
    char reason[64];          /* reason phrase of the last status line */
    double retry_after;       /* Retry-After seconds, < 0 when absent */
    bool want_retry_after;    /* parse Retry-After (429 handling) */
    bool stream;              /* stop after the first body chunk */
    bool stream_got;          /* ... and it arrived */
    uint64_t t_first_ns;      /* monotonic ns of the first body chunk (stream) */
    bool capture;             /* keep the body (for save:) */
    lb_buf cap;               /* captured body (owned, reused; at most 1 MiB) */
} lg_xfer;

/* Timeouts and transport settings every easy handle gets once. */
typedef struct lg_net {
    double connect_timeout;   /* seconds */
    double timeout;           /* seconds, whole request; 0 = none */
} lg_net;

/* Set the options that never change for this handle: no signals, timeouts,
 * DNS cache forever, no proxy look-ups, the callbacks writing into x, and
 * CURLOPT_PRIVATE = priv. 0, or -1 if libcurl refused an option. */
int request_init_handle(CURL *e, const lg_net *net, lg_xfer *x, void *priv);

/* Reset x before a transfer of r (capture: keep the body for saves). */
void request_begin(lg_xfer *x, const lg_request *r, bool capture);

/* Free what the transfers of x allocated (the captured body). */
void request_xfer_free(lg_xfer *x);

/* Expand r's URL into buf: the host (no trailing '/') + path, or the absolute
 * target. name_out (cap name_cap) receives the stats name: the explicit
 * name template, else the path+query part of the URL, as Locust's path_url.
 * Returns false when buf or name_out was too small. */
bool request_expand(const lg_request *r, const char *host, lg_rng *rng,
                    const char *const *vals, char *buf, size_t cap,
                    char *name_out, size_t name_cap);

/* Build the header list for r: the plan's session headers (leaving out any
 * whose value uses an unset variable), r's own headers, a Content-Type for
 * json bodies, and "Accept:" (drops libcurl's default header unless the
 * scenario sets one). NULL only on OOM. */
struct curl_slist *request_headers(const lg_plan *plan, const lg_request *r,
                                   const char *const *vals);

/* Point e at request r. url: the expanded URL, or NULL to use the pre-parsed
 * cu. body/bodylen: expanded body (copied by libcurl) or NULL. prev: the
 * request e was last set up for (NULL = none), so unchanged method settings
 * are not redone. 0, or -1 when libcurl refused an option. */
int request_apply(CURL *e, const lg_request *r, const lg_request *prev, const char *url,
                  CURLU *cu, const char *body, size_t bodylen, struct curl_slist *hdrs);

/* Judge a finished transfer: true when it succeeded. Otherwise err receives
 * Locust's failure text, e.g. HTTPError('404 Client Error: Not Found for url:
 * http://h/x') or ConnectionError("Couldn't connect to server for url: ...").
 * *status receives the HTTP status (0 when none). url: the URL for the
 * message, or NULL to ask libcurl (its effective URL goes stale when only
 * CURLOPT_CURLU changes between transfers, so callers pass fixed URLs). */
bool request_judge(CURL *e, const lg_request *r, CURLcode rc, const lg_xfer *x, long *status,
                   const char *url, char *err, size_t errcap);

/* Store the step's saves from the captured JSON body into vals (strings
 * owned by the caller's array; old values freed). Strings are stored as is,
 * true/false as "true"/"false", numbers in their JSON spelling, null unsets.
 * Returns the number of fields missing from the response (0 = all found),
 * or -1 when the body is not a JSON object. */
int request_save(const lg_step *s, const lg_xfer *x, char **vals);

/* Python repr() of a str into buf: 'text' or "text" with Python's escapes. */
void request_pyrepr(const char *s, char *buf, size_t cap);

/* --trace: the traceparent header line one user reuses for all its requests,
 * so the hot path allocates nothing. Its own libcurl list node goes in front
 * of the request's header list; libcurl reads the line when it sends, so
 * rewriting the ids in place before each transfer is enough, even when the
 * handle's options are not re-applied. */
#define LG_TRACEPARENT_PREFIX "traceparent: "
typedef struct lg_traceparent {
    struct curl_slist node;                     /* node.data == line */
    char line[sizeof LG_TRACEPARENT_PREFIX - 1 + OTEL_TRACEPARENT_LEN + 1];
} lg_traceparent;

/* Write "traceparent: 00-<trace-id>-<parent-id>-01" into t->line: a new
 * non-zero trace-id and parent-id drawn from rng, sampled, formatted by
 * lbotel (otel_traceparent_format). */
void request_traceparent_fresh(lg_traceparent *t, lg_rng *rng);

/* Point t's node at its line and chain `next` (the request's own headers,
 * may be NULL) after it; returns the list to give CURLOPT_HTTPHEADER. The
 * node is never passed to curl_slist_free_all. */
struct curl_slist *request_traceparent_chain(lg_traceparent *t, struct curl_slist *next);

#endif
