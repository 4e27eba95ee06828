/* curlev.c — libcurl multi ↔ libev (see curlev.h). */
#include "curlev.h"
#include <stdlib.h>

/* One libcurl socket watched by libev; kept on c->socks so nothing leaks if
 * libcurl never asks to remove it. */
typedef struct lg_curlev_sock {
    ev_io io;
    lg_curlev *c;
    lb_node node;   /* in c->socks */
} lg_curlev_sock;

/* Hand every finished transfer to the owner. The message is copied out
 * first: it is invalid once the handle is removed. */
static void drain(lg_curlev *c)
{
    CURLMsg *m;
    int left;
    while ((m = curl_multi_info_read(c->multi, &left)))
        if (m->msg == CURLMSG_DONE)
            c->done(c, m->easy_handle, m->data.result);
}

static void io_cb(struct ev_loop *loop, ev_io *w, int revents)
{
    (void)loop;
    lg_curlev *c = ((lg_curlev_sock *)w)->c;
    int running, action = (revents & EV_READ ? CURL_CSELECT_IN : 0) |
                          (revents & EV_WRITE ? CURL_CSELECT_OUT : 0);
    curl_multi_socket_action(c->multi, w->fd, action, &running);
    drain(c);
}

static void timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop, (void)revents;
    lg_curlev *c = w->data;
    int running;
    curl_multi_socket_action(c->multi, CURL_SOCKET_TIMEOUT, 0, &running);
    drain(c);
}

/* CURLMOPT_TIMERFUNCTION: only re-arm our timer; never call libcurl here. */
static int multi_timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
    (void)multi;
    lg_curlev *c = userp;
    ev_timer_stop(c->loop, &c->timer);
    if (timeout_ms >= 0) {
        ev_timer_set(&c->timer, (double)timeout_ms / 1000.0, 0.);
        ev_timer_start(c->loop, &c->timer);
    }
    return 0;
}

static void sock_unlink(lg_curlev *c, lg_curlev_sock *s)
{
    ev_io_stop(c->loop, &s->io);
    lb_list_remove(&c->socks, &s->node);
    free(s);
}

static int multi_sock_cb(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp)
{
    (void)easy;
    lg_curlev *c = userp;
    lg_curlev_sock *s = socketp;
    if (what == CURL_POLL_REMOVE) {
        if (s)
            sock_unlink(c, s);
        return 0;
    }
    int ev = (what & CURL_POLL_IN ? EV_READ : 0) | (what & CURL_POLL_OUT ? EV_WRITE : 0);
    if (!s) {
        if (!(s = calloc(1, sizeof *s)))
            return -1;
        s->c = c;
        lb_list_push(&c->socks, &s->node);
        curl_multi_assign(c->multi, fd, s);
        ev_io_init(&s->io, io_cb, fd, ev);
    } else {
        ev_io_stop(c->loop, &s->io);
        ev_io_set(&s->io, fd, ev);
    }
    ev_io_start(c->loop, &s->io);
    return 0;
}

int curlev_init(lg_curlev *c, struct ev_loop *loop, lg_curlev_done_fn done, void *data)
{
    *c = (lg_curlev){ .loop = loop, .done = done, .data = data };
    if (!(c->multi = curl_multi_init()))
        return -1;
    curl_multi_setopt(c->multi, CURLMOPT_SOCKETFUNCTION, multi_sock_cb);
    curl_multi_setopt(c->multi, CURLMOPT_SOCKETDATA, c);
    curl_multi_setopt(c->multi, CURLMOPT_TIMERFUNCTION, multi_timer_cb);
    curl_multi_setopt(c->multi, CURLMOPT_TIMERDATA, c);
    ev_init(&c->timer, timer_cb);
    c->timer.data = c;
    return 0;
}

void curlev_cleanup(lg_curlev *c)
{
    if (c->multi)
        curl_multi_cleanup(c->multi);
    c->multi = NULL;
    lb_node *nd;
    while ((nd = c->socks.head)) /* normally empty: libcurl removed its sockets */
        sock_unlink(c, lb_container_of(nd, lg_curlev_sock, node));
    if (c->loop)
        ev_timer_stop(c->loop, &c->timer);
}
