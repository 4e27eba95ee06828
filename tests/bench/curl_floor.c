/* curl_floor.c — the engine's floor: how cheap a request can be on loadgen's
 * engine (libcurl multi + curl_multi_socket_action + libev) with none of
 * loadgen's own work. It sets each handle up with loadgen's own
 * request_init_handle() and request_headers(), keeps one connection cache per
 * handle as loadgen's users do, and re-adds each handle as soon as its
 * transfer completes. No users, no stats, no reporter, no clocks of ours.
 *
 * tests/bench/loadgen-vs-peers.sh runs it beside loadgen, wrk and Locust, so
 * the CPU cost per request that libcurl + the kernel impose on this machine
 * is measured, not assumed. It runs on loadgen's own libcurl ↔ libev glue
 * (loadgen/curlev.c), so the only difference is loadgen's work.
 *
 *   lg_curl_floor CONNECTIONS SECONDS URL   → prints "requests N failures F" */
#include <curl/curl.h>
#include <ev.h>
#include <stdio.h>
#include <stdlib.h>
#include "curlev.h"
#include "plan.h"
#include "request.h"

typedef struct floor_run {
    lg_curlev cev;
    long requests, failures;
    int stopping;
} floor_run;

static void transfer_done(lg_curlev *c, CURL *easy, CURLcode rc)
{
    floor_run *f = c->data;
    long code = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
    f->failures += rc != CURLE_OK || code != 200;
    f->requests++;
    curl_multi_remove_handle(c->multi, easy);
    if (!f->stopping)
        curl_multi_add_handle(c->multi, easy);
}

static void end_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)revents;
    floor_run *f = w->data;
    f->stopping = 1;
    ev_break(loop, EVBREAK_ALL);
}

int main(int argc, char **argv)
{
    if (argc != 4 || atoi(argv[1]) < 1 || atof(argv[2]) <= 0) {
        fprintf(stderr, "usage: lg_curl_floor CONNECTIONS SECONDS URL\n");
        return 2;
    }
    int n = atoi(argv[1]);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    floor_run f = { 0 };
    struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
    CURLU *url = curl_url();
    lg_plan empty = { 0 };
    struct curl_slist *hdrs = request_headers(&empty, NULL, NULL); /* "Accept:" */
    CURL **easy = calloc((size_t)n, sizeof *easy);
    CURLSH **share = calloc((size_t)n, sizeof *share);
    lg_xfer *xfer = calloc((size_t)n, sizeof *xfer);
    if (!loop || curlev_init(&f.cev, loop, transfer_done, &f) < 0 || !url || !hdrs || !easy || !share || !xfer ||
        curl_url_set(url, CURLUPART_URL, argv[3], 0) != CURLUE_OK) {
        fprintf(stderr, "lg_curl_floor: bad URL or out of memory\n");
        return 2;
    }
    const lg_net net = { .connect_timeout = 10, .timeout = 0 };
    for (int i = 0; i < n; i++) {
        easy[i] = curl_easy_init();
        share[i] = curl_share_init();
        if (!easy[i] || !share[i] || request_init_handle(easy[i], &net, &xfer[i], NULL) < 0 ||
            curl_share_setopt(share[i], CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT) != CURLSHE_OK ||
            curl_easy_setopt(easy[i], CURLOPT_SHARE, share[i]) != CURLE_OK ||
            curl_easy_setopt(easy[i], CURLOPT_CURLU, url) != CURLE_OK ||
            curl_easy_setopt(easy[i], CURLOPT_HTTPHEADER, hdrs) != CURLE_OK) {
            fprintf(stderr, "lg_curl_floor: cannot set up handle %d\n", i);
            return 2;
        }
        curl_multi_add_handle(f.cev.multi, easy[i]);
    }
    ev_timer end;
    ev_timer_init(&end, end_cb, atof(argv[2]), 0.);
    end.data = &f;
    ev_timer_start(loop, &end);
    ev_run(loop, 0);
    printf("requests %ld failures %ld\n", f.requests, f.failures);
    for (int i = 0; i < n; i++) {
        curl_multi_remove_handle(f.cev.multi, easy[i]);
        curl_easy_cleanup(easy[i]);
        curl_share_cleanup(share[i]);
        request_xfer_free(&xfer[i]);
    }
    curlev_cleanup(&f.cev);
    ev_loop_destroy(loop);
    curl_slist_free_all(hdrs);
    curl_url_cleanup(url);
    free(easy), free(share), free(xfer);
    curl_global_cleanup();
    return f.failures ? 1 : 0;
}
