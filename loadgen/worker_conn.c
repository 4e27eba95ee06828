/* worker_conn.c — the ZeroMQ DEALER socket to a Locust master. */
#include "worker_conn.h"
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <zmq.h>
#include "log.h"

#define MONITOR_EP "inproc://loadgen-worker-monitor"

static bool readable(void *s)
{
    int ev = 0;
    size_t len = sizeof ev;
    return s && zmq_getsockopt(s, ZMQ_EVENTS, &ev, &len) == 0 && (ev & ZMQ_POLLIN);
}

static void drain_monitor(wk_conn *c)
{
    while (readable(c->mon)) {
        zmq_msg_t ev, addr;
        zmq_msg_init(&ev);
        zmq_msg_init(&addr);
        if (zmq_msg_recv(&ev, c->mon, ZMQ_DONTWAIT) >= 0 && zmq_msg_more(&ev))
            zmq_msg_recv(&addr, c->mon, ZMQ_DONTWAIT);
        uint16_t id = 0;    /* frame 1: event id (16 bits) + value (32 bits) */
        if (zmq_msg_size(&ev) >= sizeof id)
            memcpy(&id, zmq_msg_data(&ev), sizeof id);
        zmq_msg_close(&ev);
        zmq_msg_close(&addr);
        if (id == ZMQ_EVENT_CONNECTED || id == ZMQ_EVENT_DISCONNECTED)
            c->on_event(c->owner, id == ZMQ_EVENT_CONNECTED ? WC_CONNECTED : WC_DISCONNECTED);
    }
}

static void drain_socket(wk_conn *c)
{
    while (c->sock && readable(c->sock)) {
        zmq_msg_t msg;
        zmq_msg_init(&msg);
        if (zmq_msg_recv(&msg, c->sock, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&msg);
            break;
        }
        c->on_message(c->owner, zmq_msg_data(&msg), zmq_msg_size(&msg));
        zmq_msg_close(&msg);
    }
}

static void drain(wk_conn *c)
{
    drain_monitor(c);
    drain_socket(c);
}

static void drain_cb(struct ev_loop *loop, ev_prepare *p, int revents)
{
    (void)loop;
    (void)revents;
    drain(p->data);
}

static void io_cb(struct ev_loop *loop, ev_io *io, int revents)
{
    (void)loop;
    (void)revents;
    drain(io->data);
}

static void watch(wk_conn *c, ev_io *io, void *s)
{
    int fd = -1;
    size_t len = sizeof fd;
    zmq_getsockopt(s, ZMQ_FD, &fd, &len);
    ev_io_init(io, io_cb, fd, EV_READ);
    io->data = c;
    ev_io_start(c->loop, io);
}

int wc_open(wk_conn *c)
{
    int one = 1, idle = 30, linger = 1000;
    if (!c->zctx && !(c->zctx = zmq_ctx_new()))
        goto fail;
    c->sock = zmq_socket(c->zctx, ZMQ_DEALER);
    if (!c->sock ||
        zmq_setsockopt(c->sock, ZMQ_ROUTING_ID, c->node_id, strlen(c->node_id)) ||
        zmq_setsockopt(c->sock, ZMQ_IMMEDIATE, &one, sizeof one) ||
        zmq_setsockopt(c->sock, ZMQ_LINGER, &linger, sizeof linger) ||
        zmq_setsockopt(c->sock, ZMQ_TCP_KEEPALIVE, &one, sizeof one) ||
        zmq_setsockopt(c->sock, ZMQ_TCP_KEEPALIVE_IDLE, &idle, sizeof idle) ||
        zmq_socket_monitor(c->sock, MONITOR_EP, ZMQ_EVENT_CONNECTED | ZMQ_EVENT_DISCONNECTED) ||
        !(c->mon = zmq_socket(c->zctx, ZMQ_PAIR)) || zmq_connect(c->mon, MONITOR_EP) ||
        zmq_connect(c->sock, c->endpoint))
        goto fail;
    watch(c, &c->sock_io, c->sock);
    watch(c, &c->mon_io, c->mon);
    ev_prepare_init(&c->drain, drain_cb);
    c->drain.data = c;
    ev_prepare_start(c->loop, &c->drain);
    return 0;
fail:
    log_msg(LG_CRITICAL, "worker: cannot open a ZeroMQ socket to %s: %s", c->endpoint,
            zmq_strerror(errno));
    return -1;
}

void wc_close(wk_conn *c)
{
    if (c->loop) {
        ev_io_stop(c->loop, &c->sock_io);
        ev_io_stop(c->loop, &c->mon_io);
        ev_prepare_stop(c->loop, &c->drain);
    }
    if (c->sock) {
        zmq_socket_monitor(c->sock, NULL, 0);
        zmq_close(c->sock);
    }
    if (c->mon)
        zmq_close(c->mon);
    c->sock = c->mon = NULL;
}

void wc_free(wk_conn *c)
{
    wc_close(c);
    if (c->zctx)
        zmq_ctx_term(c->zctx);
    c->zctx = NULL;
}

bool wc_send(wk_conn *c, const void *data, size_t len)
{
    if (c->sock && zmq_send(c->sock, data, len, ZMQ_DONTWAIT) >= 0)
        return true;
    log_msg(LG_DEBUG, "worker: a message to the master was not sent: %s", zmq_strerror(errno));
    return false;
}
