/* worker.c — loadgen --worker: the protocol's states on the main thread's
 * libev loop. The link to the master is worker_conn.c (ZeroMQ), the users
 * run on the engines (worker_users.c), messages are worker_msg.c's.
 *
 * A 2.12.1 master sends no heartbeats, so a lost master is noticed by its
 * TCP connection closing (worker_conn.c's socket monitor). */
#include "worker.h"
#include <ev.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "clock.h"
#include "log.h"
#include "worker_conn.h"
#include "worker_msg.h"
#include "worker_users.h"

#define CONNECT_RETRY_S 5.0     /* Locust's CONNECT_TIMEOUT: resend client_ready */
#define HEARTBEAT_S 1.0
#define REPORT_S 3.0            /* Locust's WORKER_REPORT_INTERVAL */
#define SETTLE_MAX_S 2.0        /* longest wait for users before spawning_complete */

typedef enum { WK_CONNECTING, WK_READY, WK_SPAWNING, WK_RUNNING, WK_LOST } wk_state;
static const char *const state_names[] = {"ready", "ready", "spawning", "running", "ready"};

typedef struct lg_worker {
    const lg_worker_cfg *cfg;
    char node_id[300], endpoint[300];
    wk_conn conn;
    struct ev_loop *loop;
    ev_timer beat, report, connect, settle, stopped;
    ev_signal sigint, sigterm;
    wk_state state;
    double wait_since;          /* mono: connecting (or lost) since */
    double ready_sent;          /* mono of the last client_ready, 0 = none went out */
    double last_try;            /* mono of the last connect attempt */
    int tries;
    bool have_spawn_ts;
    double last_spawn_ts;
    double settle_start;
    bool stop_then_ready;       /* a master's stop: report client_stopped when joined */
    wk_users users;
    msgpack_sbuffer out;
    double cpu_last, mono_last;
    int exit_code;
} lg_worker;

static void worker_quit(lg_worker *w, int code, const char *why);

/* ---- sending ------------------------------------------------------------ */

static bool send_buf(lg_worker *w)
{
    return wc_send(&w->conn, w->out.data, w->out.size);
}

static void send_nil(lg_worker *w, const char *type)
{
    if (wmsg_nil(&w->out, type, w->node_id) == 0)
        send_buf(w);
}

static void send_ready(lg_worker *w)
{
    if (wmsg_client_ready(&w->out, w->node_id, LB_LOCUST_PROTOCOL_VERSION) == 0 && send_buf(w))
        w->ready_sent = clock_mono();
}

static void send_report(lg_worker *w)
{
    if (wk_users_report(&w->users, &w->out, w->node_id) == 0 && !send_buf(w))
        log_msg(LG_WARNING, "a stats report could not be sent to the master: its requests are "
                "missing from the master's figures");
}

/* ---- states ------------------------------------------------------------ */

static void start_waiting(lg_worker *w, wk_state st)
{
    w->state = st;
    w->wait_since = clock_mono();
    w->ready_sent = 0;
    w->last_try = w->wait_since;
    w->tries = 0;
}

/* The master went away: stop the users (nobody measures them) and wait
 * for it to come back for master_timeout seconds. */
static void master_lost(lg_worker *w, const char *why)
{
    if (w->state == WK_LOST || w->state == WK_CONNECTING)
        return;
    log_msg(LG_ERROR, "lost the Locust master at %s (%s): users stopped; waiting up to %.0f s "
            "for it to come back (--master-timeout)", w->endpoint, why, w->cfg->master_timeout);
    if (wk_users_running(&w->users))
        wk_users_stop(&w->users, true);
    start_waiting(w, WK_LOST);
}

static void on_spawn(lg_worker *w, const wmsg_in *m)
{
    send_nil(w, "spawning");
    if (w->stop_then_ready) {   /* a spawn overtook our stop: the test goes on */
        ev_timer_stop(w->loop, &w->stopped);
        w->stop_then_ready = false;
    }
    if (w->have_spawn_ts && m->has_timestamp && m->timestamp <= w->last_spawn_ts) {
        log_msg(LG_DEBUG, "worker: spawn message older than the last one, ignored");
        return;
    }
    w->have_spawn_ts = m->has_timestamp;
    w->last_spawn_ts = m->timestamp;
    if (wk_users_spawn(&w->users, m) < 0) {
        worker_quit(w, 1, "the engines could not start");
        return;
    }
    char counts[1024];
    wk_users_describe(&w->users, true, counts, sizeof counts);
    log_msg(LG_INFO, "Spawning: %ld users wanted of this worker: %s", w->users.target, counts);
    w->state = WK_SPAWNING;
    w->settle_start = clock_mono();
    ev_timer_start(w->loop, &w->settle);
}

static void on_message(lg_worker *w, const wmsg_in *m)
{
    if (!strcmp(m->type, "ack")) {
        if (w->state == WK_CONNECTING) {
            log_msg(LG_INFO, "Connected to the Locust master at %s as worker %ld (node %s)",
                    w->endpoint, m->index, w->node_id);
            w->state = WK_READY;
            send_report(w);
        }
    } else if (w->state == WK_CONNECTING || w->state == WK_LOST) {
        log_msg(LG_DEBUG, "worker: '%s' before the master's ack, ignored", m->type);
    } else if (!strcmp(m->type, "spawn")) {
        on_spawn(w, m);
    } else if (!strcmp(m->type, "stop")) {
        log_msg(LG_INFO, "The master stopped the test: stopping users");
        ev_timer_stop(w->loop, &w->settle);
        wk_users_stop(&w->users, false);
        w->stop_then_ready = true;
        ev_timer_start(w->loop, &w->stopped);
    } else if (!strcmp(m->type, "quit")) {
        worker_quit(w, 0, "the master said quit");
    } else if (!strcmp(m->type, "reconnect")) {
        log_msg(LG_WARNING, "the master asked this worker to reconnect (it could not decode a "
                "message of ours)");
        wc_close(&w->conn);
        if (wc_open(&w->conn) < 0) {
            worker_quit(w, 1, "cannot reopen the socket");
            return;
        }
        start_waiting(w, WK_CONNECTING);
        send_ready(w);
    } else if (strcmp(m->type, "heartbeat")) {
        log_msg(LG_DEBUG, "worker: message type '%s' ignored", m->type);
    }
}

/* ---- what the link reports ---------------------------------------------- */

static void conn_message(void *owner, const void *data, size_t len)
{
    lg_worker *w = owner;
    wmsg_in m;
    lb_err err;
    if (wmsg_decode(data, len, &m, &err) < 0) {
        log_msg(LG_ERROR, "worker: a message from the master was dropped: %s", err.msg);
        return;
    }
    on_message(w, &m);
    wmsg_in_free(&m);
}

static void conn_event(void *owner, wc_event ev)
{
    lg_worker *w = owner;
    if (ev == WC_DISCONNECTED) {
        master_lost(w, "connection closed");
    } else if (w->state == WK_LOST) {
        log_msg(LG_INFO, "the master's port answers again: registering");
        start_waiting(w, WK_CONNECTING);
        send_ready(w);
    } else if (w->state == WK_CONNECTING && !w->ready_sent) {
        send_ready(w);
    }
}

/* ---- timers ------------------------------------------------------------ */

static uint64_t rss_bytes(void)
{
    unsigned long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%lu %lu", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return (uint64_t)rss * (uint64_t)sysconf(_SC_PAGESIZE);
}

static void beat_cb(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    lg_worker *w = t->data;
    double cpu = clock_process_cpu(), mono = clock_mono();
    double pct = mono > w->mono_last ? (cpu - w->cpu_last) / (mono - w->mono_last) * 100 : 0;
    w->cpu_last = cpu;
    w->mono_last = mono;
    if (w->state == WK_CONNECTING || w->state == WK_LOST)
        return;
    if (wmsg_heartbeat(&w->out, w->node_id, state_names[w->state], pct, rss_bytes()) == 0)
        send_buf(w);
}

static void report_cb(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    lg_worker *w = t->data;
    if (w->state != WK_CONNECTING && w->state != WK_LOST)
        send_report(w);
}

/* Connecting (at start, or after a lost master): client_ready goes out as
 * soon as the socket takes it (ZMQ_IMMEDIATE: only once connected), then
 * again every 5 s without an ack, as Locust's worker does; warn from the
 * third try; give up after master_timeout seconds. */
static void connect_cb(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    lg_worker *w = t->data;
    if (w->state == WK_LOST && wk_users_running(&w->users) && wk_users_stopped(&w->users))
        wk_users_join(&w->users);
    if (w->state != WK_CONNECTING && w->state != WK_LOST)
        return;
    double now = clock_mono();
    if (now - w->wait_since > w->cfg->master_timeout) {
        char why[400];
        snprintf(why, sizeof why, "no Locust master answered at %s within %.0f s (is it started "
                 "with --master, and is its port reachable?)", w->endpoint,
                 w->cfg->master_timeout);
        worker_quit(w, 1, why);
        return;
    }
    if (w->state != WK_CONNECTING)
        return;
    if (!w->ready_sent || now - w->ready_sent >= CONNECT_RETRY_S)
        send_ready(w);
    if (now - w->last_try >= CONNECT_RETRY_S) {
        w->last_try = now;
        if (++w->tries >= 3)    /* Locust's worker warns from its third try */
            log_msg(LG_WARNING, "no answer from the Locust master at %s yet, retrying (%.0f s "
                    "left)", w->endpoint, w->cfg->master_timeout - (now - w->wait_since));
    }
}

/* Spawning: tell the master once the users are there (or after 2 s, with
 * the count reached: the master then waits for the reports as it does). */
static void settle_cb(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    lg_worker *w = t->data;
    long alive = wk_users_alive(&w->users);
    if (alive != w->users.target && clock_mono() - w->settle_start < SETTLE_MAX_S)
        return;
    ev_timer_stop(loop, t);
    if (alive < w->users.target)
        log_msg(LG_WARNING, "only %ld of %ld users started", alive, w->users.target);
    wk_users_count_classes(&w->users);
    if (wmsg_spawning_complete(&w->out, w->node_id, w->users.cls, w->users.ncls, alive) == 0)
        send_buf(w);
    w->state = WK_RUNNING;
}

/* After a master's stop: once the engines are done, client_stopped, then
 * client_ready (the master re-adds us as a ready worker). */
static void stopped_cb(struct ev_loop *loop, ev_timer *t, int revents)
{
    lg_worker *w = t->data;
    (void)revents;
    if (!wk_users_stopped(&w->users))
        return;
    ev_timer_stop(loop, t);
    wk_users_join(&w->users);
    send_report(w);
    if (w->stop_then_ready) {
        w->stop_then_ready = false;
        send_nil(w, "client_stopped");
        send_ready(w);
        w->state = WK_READY;
    }
}

static void signal_cb(struct ev_loop *loop, ev_signal *s, int revents)
{
    (void)loop;
    (void)revents;
    worker_quit(s->data, 0, s->signum == SIGINT ? "SIGINT" : "SIGTERM");
}

/* Stop everything: users at once, a last stats report, quit, leave the loop. */
static void worker_quit(lg_worker *w, int code, const char *why)
{
    if (code)
        log_msg(LG_CRITICAL, "worker exits: %s", why);
    else
        log_msg(LG_INFO, "Shutting down worker (%s)", why);
    if (wk_users_running(&w->users)) {
        wk_users_stop(&w->users, true);
        wk_users_join(&w->users);
    }
    if (w->state != WK_CONNECTING && w->state != WK_LOST) {
        send_report(w);
        send_nil(w, "quit");
    }
    log_msg(LG_INFO, "Worker totals: %llu requests, %llu failures reported to the master",
            (unsigned long long)w->users.reported_requests,
            (unsigned long long)w->users.reported_failures);
    w->exit_code = code;
    ev_break(w->loop, EVBREAK_ALL);
}

/* ---- setup --------------------------------------------------------------- */

/* "<hostname>_<32 hex>", as Python workers name themselves. */
static void make_node_id(char *out, size_t n)
{
    char host[256] = "loadgen";
    unsigned char rnd[16] = {0};
    gethostname(host, sizeof host - 1);
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
        for (size_t i = 0; i < sizeof rnd; i++)
            rnd[i] = (unsigned char)(clock_mono_ns() >> (i % 8 * 8)) ^ (unsigned char)getpid();
    int k = snprintf(out, n, "%s_", host);
    for (size_t i = 0; i < sizeof rnd && k > 0 && (size_t)k + 3 < n; i++)
        k += snprintf(out + k, n - (size_t)k, "%02x", rnd[i]);
}

static void timer(lg_worker *w, ev_timer *t, void (*cb)(struct ev_loop *, ev_timer *, int),
                  double every, bool start)
{
    ev_timer_init(t, cb, every, every);
    t->data = w;
    if (start)
        ev_timer_start(w->loop, t);
}

int worker_run(const lg_worker_cfg *cfg)
{
    static lg_worker w; /* one per process (large: kept off the stack) */
    memset(&w, 0, sizeof w);
    w.cfg = cfg;
    w.exit_code = 1;
    make_node_id(w.node_id, sizeof w.node_id);
    snprintf(w.endpoint, sizeof w.endpoint, "tcp://%s:%d", cfg->master_host, cfg->master_port);
    msgpack_sbuffer_init(&w.out);
    w.loop = EV_DEFAULT;
    w.conn = (wk_conn){.loop = w.loop, .endpoint = w.endpoint, .node_id = w.node_id, .owner = &w,
                       .on_message = conn_message, .on_event = conn_event};
    if (wk_users_init(&w.users, cfg) < 0 || wc_open(&w.conn) < 0)
        goto out;
    timer(&w, &w.beat, beat_cb, HEARTBEAT_S, true);
    timer(&w, &w.report, report_cb, REPORT_S, true);
    timer(&w, &w.connect, connect_cb, 0.25, true);
    timer(&w, &w.settle, settle_cb, 0.02, false);
    timer(&w, &w.stopped, stopped_cb, 0.05, false);
    ev_signal_init(&w.sigint, signal_cb, SIGINT);
    ev_signal_init(&w.sigterm, signal_cb, SIGTERM);
    w.sigint.data = w.sigterm.data = &w;
    ev_signal_start(w.loop, &w.sigint);
    ev_signal_start(w.loop, &w.sigterm);
    w.cpu_last = clock_process_cpu();
    w.mono_last = clock_mono();
    char names[1024];
    wk_users_describe(&w.users, false, names, sizeof names);
    log_msg(LG_INFO, "Starting loadgen %s as a Locust worker: scenario %s (user class%s %s), "
            "master %s, %d thread%s", LB_VERSION, cfg->plan->name, w.users.ncls > 1 ? "es" : "",
            names, w.endpoint, cfg->threads, cfg->threads > 1 ? "s" : "");
    start_waiting(&w, WK_CONNECTING);
    send_ready(&w);
    ev_run(w.loop, 0);
out:
    wk_users_free(&w.users);
    wc_free(&w.conn);
    msgpack_sbuffer_destroy(&w.out);
    return w.exit_code;
}
