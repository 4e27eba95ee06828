/* request.c — the libcurl side of one request. The options set once per
 * handle are the ones perf-notes.md measured: NOSIGNAL (6%), DNS cache
 * forever (2%), NOPROXY "*" (no getenv per transfer), no default Accept (2%),
 * pre-parsed CURLU where the URL is fixed (11%). */
#include "request.h"
#include "bodycheck.h"
#include <endian.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "clock.h"

/* The body: count it, keep it only when a save needs it, and for streaming
 * requests stop after the first chunk by returning 0 (libcurl then aborts
 * the transfer with CURLE_WRITE_ERROR, which request_judge accepts). */
static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    lg_xfer *x = ud;
    size_t len = size * n;
    x->bytes += len;
    if (x->capture && x->cap.len + len <= 1 << 20 && lb_buf_append(&x->cap, p, len))
        return 0;
    if (x->stream) {
        x->stream_got = true;
        x->t_first_ns = clock_mono_ns();
        return 0;
    }
    return len;
}

/* Headers: only the status line's reason phrase (Locust's error texts use
 * it) and, when asked, Retry-After. One byte compare for everything else. */
static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
    lg_xfer *x = ud;
    size_t len = size * n;
    if (len > 12 && p[0] == 'H' && !memcmp(p, "HTTP/", 5)) {
        const char *sp = memchr(p, ' ', len);
        if (sp && (size_t)(sp - p) + 5 <= len) {
            const char *r = sp + 5; /* "NNN " after the version */
            size_t rl = len - (size_t)(r - p);
            while (rl && (r[rl - 1] == '\n' || r[rl - 1] == '\r'))
                rl--;
            if (rl >= sizeof x->reason)
                rl = sizeof x->reason - 1;
            memcpy(x->reason, r, rl);
            x->reason[rl] = '\0';
        } else {
            x->reason[0] = '\0';
        }
    } else if (x->want_retry_after && len > 12 && (p[0] == 'R' || p[0] == 'r') &&
               !strncasecmp(p, "retry-after:", 12)) {
        char tmp[32];
        size_t vl = len - 12 < sizeof tmp - 1 ? len - 12 : sizeof tmp - 1;
        memcpy(tmp, p + 12, vl);
        tmp[vl] = '\0';
        char *end;
        double v = strtod(tmp, &end);
        if (end != tmp && v >= 0)
            x->retry_after = v;
    }
    return len;
}

int request_init_handle(CURL *e, const lg_net *net, lg_xfer *x, void *priv)
{
    CURLcode rc = CURLE_OK;
    rc |= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    rc |= curl_easy_setopt(e, CURLOPT_DNS_CACHE_TIMEOUT, -1L);
    rc |= curl_easy_setopt(e, CURLOPT_NOPROXY, "*");
    rc |= curl_easy_setopt(e, CURLOPT_PROXY, "");
    rc |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(net->connect_timeout * 1000));
    /* No whole-request timeout unless asked, as Locust's HttpUser (it arms
     * one more libcurl timer per transfer: +1.5% instructions, callgrind). */
    if (net->timeout > 0)
        rc |= curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(net->timeout * 1000));
    rc |= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    rc |= curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    rc |= curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    rc |= curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    rc |= curl_easy_setopt(e, CURLOPT_PRIVATE, priv);
    rc |= curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    rc |= curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
    x->retry_after = -1;
    return rc == CURLE_OK ? 0 : -1;
}

void request_begin(lg_xfer *x, const lg_request *r, bool capture)
{
    x->bytes = 0;
    x->reason[0] = '\0';
    x->retry_after = -1;
    x->stream = r->stream;
    x->stream_got = false;
    x->capture = capture;
    lb_buf_clear(&x->cap);
}

void request_xfer_free(lg_xfer *x)
{
    lb_buf_free(&x->cap);
}

bool request_expand(const lg_request *r, const char *host, lg_rng *rng,
                    const char *const *vals, char *buf, size_t cap,
                    char *name_out, size_t name_cap)
{
    size_t hl = 0;
    if (!r->absolute) {
        hl = strlen(host);
        if (hl >= cap)
            return false;
        memcpy(buf, host, hl);
    }
    size_t n = tmpl_expand(r->target, buf + hl, cap - hl, rng, vals, NULL);
    if (n >= cap - hl)
        return false;
    if (r->name)
        return tmpl_expand(r->name, name_out, name_cap, rng, vals, NULL) < name_cap;
    const char *path = buf + hl;
    if (r->absolute) {
        const char *s = strstr(buf, "://");
        path = s ? strchr(s + 3, '/') : NULL;
        if (!path)
            path = "/";
    }
    size_t pl = strlen(path);
    if (pl >= name_cap)
        return false;
    memcpy(name_out, path, pl + 1);
    return true;
}

static struct curl_slist *append_header(struct curl_slist *l, const char *name,
                                        const lg_tmpl *value, const char *const *vals,
                                        bool *oom)
{
    char line[4096];
    size_t nl = strlen(name);
    if (nl + 3 >= sizeof line)
        return l;
    memcpy(line, name, nl);
    line[nl] = ':';
    line[nl + 1] = ' ';
    bool missing = false;
    size_t vl = tmpl_expand(value, line + nl + 2, sizeof line - nl - 2, NULL, vals, &missing);
    if (missing || vl >= sizeof line - nl - 2)
        return l;
    if (vl == 0) /* "Name;" is libcurl's spelling of an empty header */
        line[nl] = ';', line[nl + 1] = '\0';
    struct curl_slist *nl2 = curl_slist_append(l, line);
    if (!nl2)
        *oom = true;
    return nl2 ? nl2 : l;
}

static bool has_header(const lg_header *h, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(h[i].name, name))
            return true;
    return false;
}

struct curl_slist *request_headers(const lg_plan *plan, const lg_request *r,
                                   const char *const *vals)
{
    struct curl_slist *l = NULL;
    bool oom = false;
    for (size_t i = 0; i < plan->nheaders; i++)
        if (!r || !has_header(r->headers, r->nheaders, plan->headers[i].name))
            l = append_header(l, plan->headers[i].name, plan->headers[i].value, vals, &oom);
    if (r) {
        for (size_t i = 0; i < r->nheaders; i++)
            l = append_header(l, r->headers[i].name, r->headers[i].value, vals, &oom);
        if (r->content_type && !has_header(r->headers, r->nheaders, "Content-Type") &&
            !has_header(plan->headers, plan->nheaders, "Content-Type")) {
            struct curl_slist *n = curl_slist_append(l, r->content_type[0] == 'a'
                                                            ? "Content-Type: application/json"
                                                            : "Content-Type: text/plain");
            oom |= !n;
            l = n ? n : l;
        }
    }
    if (!has_header(plan->headers, plan->nheaders, "Accept") &&
        !(r && has_header(r->headers, r->nheaders, "Accept"))) {
        struct curl_slist *n = curl_slist_append(l, "Accept:");
        oom |= !n;
        l = n ? n : l;
    }
    if (oom) {
        curl_slist_free_all(l);
        return NULL;
    }
    return l;
}

int request_apply(CURL *e, const lg_request *r, const lg_request *prev, const char *url,
                  CURLU *cu, const char *body, size_t bodylen, struct curl_slist *hdrs)
{
    CURLcode rc = CURLE_OK;
    if (url) {
        /* CURLOPT_CURLU takes precedence over CURLOPT_URL: clear it first. */
        rc |= curl_easy_setopt(e, CURLOPT_CURLU, (CURLU *)NULL);
        rc |= curl_easy_setopt(e, CURLOPT_URL, url);
    } else {
        rc |= curl_easy_setopt(e, CURLOPT_CURLU, cu);
    }
    rc |= curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdrs);
    bool same_method = prev && !strcmp(prev->method, r->method) && !prev->body && !r->body;
    if (!same_method) {
        bool get = !strcmp(r->method, "GET"), head = !strcmp(r->method, "HEAD");
        bool post = !strcmp(r->method, "POST");
        rc |= curl_easy_setopt(e, CURLOPT_NOBODY, head ? 1L : 0L);
        if (get || head) {
            rc |= curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
            rc |= curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, (char *)NULL);
        } else {
            rc |= curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)(body ? bodylen : 0));
            rc |= curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, body ? body : "");
            rc |= curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, post ? NULL : r->method);
        }
    }
    return rc == CURLE_OK ? 0 : -1;
}

void request_pyrepr(const char *s, char *buf, size_t cap)
{
    char q = (strchr(s, '\'') && !strchr(s, '"')) ? '"' : '\'';
    size_t o = 0;
    if (cap < 3) {
        if (cap)
            buf[0] = '\0';
        return;
    }
    buf[o++] = q;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 6 < cap; p++) {
        if (*p == '\\' || *p == (unsigned char)q) {
            buf[o++] = '\\';
            buf[o++] = (char)*p;
        } else if (*p == '\n') {
            buf[o++] = '\\', buf[o++] = 'n';
        } else if (*p == '\r') {
            buf[o++] = '\\', buf[o++] = 'r';
        } else if (*p == '\t') {
            buf[o++] = '\\', buf[o++] = 't';
        } else if (*p < 0x20 || *p == 0x7f) {
            o += (size_t)snprintf(buf + o, cap - o, "\\x%02x", *p);
        } else {
            buf[o++] = (char)*p;
        }
    }
    buf[o++] = q;
    buf[o] = '\0';
}

/* Python requests' exception class for a libcurl error. */
static const char *error_class(CURLcode rc)
{
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        return "ReadTimeout";
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "InvalidURL";
    default:
        return "ConnectionError";
    }
}

bool request_judge(CURL *e, const lg_request *r, CURLcode rc, const lg_xfer *x, long *status,
                   const char *fixed_url, char *err, size_t errcap)
{
    long code = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
    *status = code;
    if (rc == CURLE_WRITE_ERROR && x->stream && x->stream_got)
        rc = CURLE_OK; /* we closed the stream on purpose after its first chunk */
    char *url = (char *)fixed_url;
    char msg[1024], repr[1200], why[600];
    if (rc == CURLE_OK && plan_status_ok(r, code)) {
        /* body checks: Locust's catch_response + response.failure(text) */
        if (!bodycheck_wanted(r) ||
            bodycheck_run(r, x->cap.data ? x->cap.data : "", x->cap.len, why, sizeof why))
            return true;
        if (!url)
            curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &url);
        snprintf(msg, sizeof msg, "%s for url: %s", why, url ? url : "");
        request_pyrepr(msg, repr, sizeof repr);
        snprintf(err, errcap, "CatchResponseError(%s)", repr);
        return false;
    }
    if (!url)
        curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &url);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && code > 0)) {
        snprintf(msg, sizeof msg, "%s for url: %s", curl_easy_strerror(rc), url ? url : "");
        request_pyrepr(msg, repr, sizeof repr);
        snprintf(err, errcap, "%s(%s)", error_class(rc), repr);
    } else if (code >= 400) {
        snprintf(msg, sizeof msg, "%ld %s Error: %s for url: %s", code,
                 code < 500 ? "Client" : "Server", x->reason, url ? url : "");
        request_pyrepr(msg, repr, sizeof repr);
        snprintf(err, errcap, "HTTPError(%s)", repr);
    } else {
        snprintf(msg, sizeof msg, "Unexpected status code %ld for url: %s", code, url ? url : "");
        request_pyrepr(msg, repr, sizeof repr);
        snprintf(err, errcap, "CatchResponseError(%s)", repr);
    }
    return false;
}

int request_save(const lg_step *s, const lg_xfer *x, char **vals)
{
    if (s->nsaves == 0)
        return 0;
    json_error_t je;
    json_t *root = x->cap.data ? json_loadb(x->cap.data, x->cap.len, 0, &je) : NULL;
    if (!root || !json_is_object(root)) {
        json_decref(root);
        return -1;
    }
    int missing = 0;
    for (size_t i = 0; i < s->nsaves; i++) {
        json_t *v = json_object_get(root, s->saves[i].field);
        char *val = NULL;
        if (!v) {
            missing++;
            continue;
        }
        if (json_is_string(v))
            val = strdup(json_string_value(v));
        else if (json_is_true(v))
            val = strdup("true");
        else if (json_is_false(v))
            val = strdup("false");
        else if (!json_is_null(v))
            val = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        free(vals[s->saves[i].slot]);
        vals[s->saves[i].slot] = val;
    }
    json_decref(root);
    return missing;
}

/* The ids come from the engine's rng rather than lbotel's own generator:
 * the same --seed gives the same headers, and a draw is cheaper than
 * lbotel's per-thread state check. Big-endian bytes keep the hex digits
 * those draws always gave. */
static void put_be64(uint8_t *out, uint64_t v)
{
    v = htobe64(v);
    memcpy(out, &v, sizeof v);
}

void request_traceparent_fresh(lg_traceparent *t, lg_rng *rng)
{
    uint64_t hi = rng_next(rng), lo = rng_next(rng), span = rng_next(rng);
    if (!(hi | lo)) /* all-zero ids are invalid (W3C Trace Context §3.2.2) */
        lo = 1;
    if (!span)
        span = 1;
    otel_span_ctx ctx = {.flags = OTEL_FLAG_SAMPLED, .valid = 1};
    put_be64(ctx.trace_id, hi);
    put_be64(ctx.trace_id + 8, lo);
    put_be64(ctx.span_id, span);
    size_t pre = sizeof LG_TRACEPARENT_PREFIX - 1;
    memcpy(t->line, LG_TRACEPARENT_PREFIX, pre);
    otel_traceparent_format(&ctx, t->line + pre, sizeof t->line - pre);
}

struct curl_slist *request_traceparent_chain(lg_traceparent *t, struct curl_slist *next)
{
    t->node.data = t->line;
    t->node.next = next;
    return &t->node;
}
