/* curl_floor.c — the engine's floor: how cheap a request can be on loadgen's
 * engine (libcurl multi + curl_multi_socket_action + libev) with none of
 * loadgen's own work. It sets each handle up with loadgen's own
 * request_init_handle() and request_headers(), keeps one connection cache per
 * handle as loadgen's users do, and re-adds each handle as soon as its
 * transfer completes. No users, no stats, no reporter, no clocks of ours.
 *
 * tests/bench/loadgen-vs-peers.sh runs it beside loadgen, wrk and Locust, so
 * the CPU cost per request that libcurl + the kernel impose on this machine
 * is measured, not assumed. A benchmark instrument, not part of loadgen: the
 * ~30 lines of socket/timer glue are the evhiperfifo pattern engine.c also
 * uses, kept here in their barest form on purpose.
 *
 *   lg_curl_floor CONNECTIONS SECONDS URL   → prints "requests N failures F" */
#include <curl/curl.h>
#include <ev.h>
#include <stdio.h>
#include <stdlib.h>
#include "plan.h"
#include "request.h"

typedef struct floor_run {
    struct ev_loop *loop;
    CURLM *multi;
    ev_timer curl_timer;
    long requests, failures;
    int stopping;
} floor_run;

static void drain(floor_run *f)
{
    CURLMsg *m;
    int left;
    while ((m = curl_multi_info_read(f->multi, &left))) {
        if (m->msg != CURLMSG_DONE)
            continue;
        CURL *easy = m->easy_handle;
        long code = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
        f->failures += m->data.result != CURLE_OK || code != 200;
        f->requests++;
        curl_multi_remove_handle(f->multi, easy);
        if (!f->stopping)
            curl_multi_add_handle(f->multi, easy);
    }
}

static void io_cb(struct ev_loop *loop, ev_io *w, int revents)
{
    floor_run *f = ev_userdata(loop);
    int running, action = (revents & EV_READ ? CURL_CSELECT_IN : 0) |
                          (revents & EV_WRITE ? CURL_CSELECT_OUT : 0);
    curl_multi_socket_action(f->multi, w->fd, action, &running);
    drain(f);
}

static void curl_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)w, (void)revents;
    floor_run *f = ev_userdata(loop);
    int running;
    curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT, 0, &running);
    drain(f);
}

static int timer_fn(CURLM *multi, long timeout_ms, void *userp)
{
    (void)multi;
    floor_run *f = userp;
    ev_timer_stop(f->loop, &f->curl_timer);
    if (timeout_ms >= 0) {
        ev_timer_set(&f->curl_timer, (double)timeout_ms / 1000.0, 0.);
        ev_timer_start(f->loop, &f->curl_timer);
    }
    return 0;
}

static int socket_fn(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp)
{
    (void)easy;
    floor_run *f = userp;
    ev_io *w = socketp;
    if (what == CURL_POLL_REMOVE) {
        if (w)
            ev_io_stop(f->loop, w);
        free(w);
        return 0;
    }
    int ev = (what & CURL_POLL_IN ? EV_READ : 0) | (what & CURL_POLL_OUT ? EV_WRITE : 0);
    if (!w) {
        if (!(w = malloc(sizeof *w)))
            return -1;
        curl_multi_assign(f->multi, fd, w);
        ev_io_init(w, io_cb, fd, ev);
    } else {
        ev_io_stop(f->loop, w);
        ev_io_set(w, fd, ev);
    }
    ev_io_start(f->loop, w);
    return 0;
}

static void end_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)w, (void)revents;
    floor_run *f = ev_userdata(loop);
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
    floor_run f = { .loop = ev_loop_new(EVFLAG_AUTO), .multi = curl_multi_init() };
    CURLU *url = curl_url();
    lg_plan empty = { 0 };
    struct curl_slist *hdrs = request_headers(&empty, NULL, NULL); /* "Accept:" */
    CURL **easy = calloc((size_t)n, sizeof *easy);
    CURLSH **share = calloc((size_t)n, sizeof *share);
    lg_xfer *xfer = calloc((size_t)n, sizeof *xfer);
    if (!f.loop || !f.multi || !url || !hdrs || !easy || !share || !xfer ||
        curl_url_set(url, CURLUPART_URL, argv[3], 0) != CURLUE_OK) {
        fprintf(stderr, "lg_curl_floor: bad URL or out of memory\n");
        return 2;
    }
    ev_set_userdata(f.loop, &f);
    curl_multi_setopt(f.multi, CURLMOPT_SOCKETFUNCTION, socket_fn);
    curl_multi_setopt(f.multi, CURLMOPT_SOCKETDATA, &f);
    curl_multi_setopt(f.multi, CURLMOPT_TIMERFUNCTION, timer_fn);
    curl_multi_setopt(f.multi, CURLMOPT_TIMERDATA, &f);
    ev_init(&f.curl_timer, curl_timer_cb);
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
        curl_multi_add_handle(f.multi, easy[i]);
    }
    ev_timer end;
    ev_timer_init(&end, end_cb, atof(argv[2]), 0.);
    ev_timer_start(f.loop, &end);
    ev_run(f.loop, 0);
    printf("requests %ld failures %ld\n", f.requests, f.failures);
    for (int i = 0; i < n; i++) {
        curl_multi_remove_handle(f.multi, easy[i]);
        curl_easy_cleanup(easy[i]);
        curl_share_cleanup(share[i]);
        free(xfer[i].cap);
    }
    curl_multi_cleanup(f.multi);
    ev_timer_stop(f.loop, &f.curl_timer);
    ev_loop_destroy(f.loop);
    curl_slist_free_all(hdrs);
    curl_url_cleanup(url);
    free(easy), free(share), free(xfer);
    curl_global_cleanup();
    return f.failures ? 1 : 0;
}
