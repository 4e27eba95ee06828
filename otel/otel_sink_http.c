/* otel_sink_http.c — the OTLP/HTTP exporter: POST each batch as JSON with
 * libcurl.
 *
 * One easy handle lives for the tracer's lifetime and only the exporter
 * thread uses it, so the connection to the collector is kept alive between
 * batches. No retries: the SDK's exporter retries 429/503 with backoff, but
 * a load test would rather count the loss (stats.dropped) than let a slow
 * collector back spans up into the queue. */
#include "otel_internal.h"
#include <stdlib.h>
#include <curl/curl.h>

typedef struct http_sink {
    otel_sink base;
    CURL *curl;
    struct curl_slist *headers;
    char curl_err[CURL_ERROR_SIZE];
} http_sink;

/* The collector's reply (an ExportTraceServiceResponse) carries nothing we
 * act on, so it is read and discarded. */
static size_t discard(char *ptr, size_t size, size_t nmemb, void *ud)
{
    (void)ptr;
    (void)ud;
    return size * nmemb;
}

static int http_export(otel_sink *sink, const otel_resource *res, const otel_span *const *spans,
                       size_t n, long timeout_ms, lb_err *err)
{
    http_sink *h = (http_sink *)sink;
    size_t len = 0;
    char *body = otel_json_encode(res, spans, n, &len, err);
    if (!body)
        return -1;
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(h->curl, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
    h->curl_err[0] = '\0';
    CURLcode rc = curl_easy_perform(h->curl);
    free(body);
    char *url = NULL;
    curl_easy_getinfo(h->curl, CURLINFO_EFFECTIVE_URL, &url);
    if (rc != CURLE_OK)
        return lb_err_set(err, "otel: POST %s failed: %s", url ? url : "?",
                          h->curl_err[0] ? h->curl_err : curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status > 299)
        return lb_err_set(err, "otel: POST %s answered HTTP %ld", url ? url : "?", status);
    return 0;
}

static void http_destroy(otel_sink *sink)
{
    http_sink *h = (http_sink *)sink;
    curl_slist_free_all(h->headers);
    curl_easy_cleanup(h->curl);
    free(h);
    curl_global_cleanup();
}

otel_sink *otel_sink_http_new(const char *url, lb_err *err)
{
    /* Reference-counted by libcurl; thread-safe since 7.84 (Debian 12: 7.88). */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        lb_err_set(err, "otel: libcurl initialisation failed");
        return NULL;
    }
    http_sink *h = calloc(1, sizeof *h);
    if (!h || !(h->curl = curl_easy_init()) ||
        !(h->headers = curl_slist_append(NULL, "Content-Type: application/json"))) {
        if (h)
            curl_easy_cleanup(h->curl);
        free(h);
        curl_global_cleanup();
        lb_err_set(err, "otel: cannot set up libcurl for %s", url);
        return NULL;
    }
    h->base.export_spans = http_export;
    h->base.destroy = http_destroy;
    curl_easy_setopt(h->curl, CURLOPT_URL, url);
    curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, h->headers);
    curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, h->curl_err);
    /* Signals would hit an arbitrary thread of the server; timeouts still
     * work without them (threaded resolver or loopback addresses). */
    curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h->curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    return &h->base;
}
