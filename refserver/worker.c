/* worker.c — one worker process: libev loop, accept, signals, graceful drain.
 *
 * worker_run is four stages: worker_init builds the shared state (rs_worker,
 * api/ctx.h) and this file's own watchers, ev_run serves, worker_report
 * writes the exit lines the benches read, worker_fini frees in the order
 * the pieces depend on each other. */
#define _GNU_SOURCE
#include "worker.h"
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include "api/ctx.h"
#include "api/throttle.h"
#include "http/conn.h"
#include "lens/reqlog.h"
#include "lens/trace_hooks.h"
#include "store/writer.h"

/* The process's own state: what accepts, listens for signals and drains.
 * Handlers and connections never see it. */
typedef struct rs_process {
    rs_worker w;
    int listen_fd;
    ev_io accept_w;
    ev_timer accept_retry;        /* re-enable accept after EMFILE */
    int spare_fd;                 /* held in reserve to answer 503 when out of descriptors */
    double refused_at;            /* last refusal past the connection cap */
    unsigned long long refused_burst;   /* refusals since the burst's log line */
    ev_signal sig_term, sig_int;
    ev_timer drain_w;             /* graceful shutdown watchdog + poll */
    double drain_deadline;
    bool drain_cancelled;         /* queued bcrypt jobs dropped at the drain timeout */
} rs_process;

static const char busy_reply[] =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
    "Content-Length: 40\r\nConnection: close\r\n\r\n{\"detail\":\"Too many open connections\"}";

static void on_accept_retry(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_process *p = t->data;
    if (!p->w.draining)
        ev_io_start(loop, &p->accept_w);
}

/* Answer fd the canned 503 + Connection: close. One log line per burst:
 * the first refusal after a second without any, with the cap; the line
 * after a burst says how many it refused. */
static void refuse(rs_process *p, int fd, const char *why)
{
    rs_worker *w = &p->w;
    w->rejected_conns++;
    ssize_t n = write(fd, busy_reply, sizeof busy_reply - 1);
    /* read what the client already sent: closing with unread input sends a
     * reset, which may destroy the 503 before the client reads it */
    char sink[4096];
    shutdown(fd, SHUT_WR);
    n = read(fd, sink, sizeof sink);
    (void)n;
    close(fd);
    double now = ev_now(w->loop);
    if (now - p->refused_at >= 1.0) {
        fprintf(stderr, "refserver: worker %d: connection limit: %s; answering new clients 503"
                "%s\n", w->index, why, p->refused_burst ? "" : " (one line per burst)");
        if (p->refused_burst > 1)
            fprintf(stderr, "refserver: worker %d: connection limit: the previous burst refused "
                    "%llu connection(s)\n", w->index, p->refused_burst);
        p->refused_burst = 0;
    }
    p->refused_burst++;
    p->refused_at = now;
}

/* Out of descriptors although under the cap (another process, a naive-mode
 * database): give up the spare descriptor to accept and refuse one client,
 * rather than leave the backlog hanging, then take it back. */
static void refuse_one_with_spare(rs_process *p)
{
    if (p->spare_fd < 0)
        return;
    close(p->spare_fd);
    int fd = accept4(p->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0)
        refuse(p, fd, "out of file descriptors");
    p->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
}

static void on_accept(struct ev_loop *loop, ev_io *io, int revents)
{
    (void)revents;
    rs_process *p = io->data;
    rs_worker *w = &p->w;
    for (int i = 0; i < 64; i++) {
        int fd = accept4(p->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                refuse_one_with_spare(p);
                /* pause accepting briefly instead of spinning */
                ev_io_stop(loop, &p->accept_w);
                ev_timer_set(&p->accept_retry, 0.1, 0);
                ev_timer_start(loop, &p->accept_retry);
            }
            return;
        }
        if ((int)w->conns.n >= w->cfg->max_conns) {
            char why[64];
            snprintf(why, sizeof why, "%d connections open (--max-conns)", w->cfg->max_conns);
            refuse(p, fd, why);
            continue;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conn_accept(w, fd);
    }
}

static bool drained(const rs_worker *w)
{
    return w->conns.n == 0 && pool_outstanding(w->pool) == 0 &&
           writer_outstanding(w->writer) == 0;
}

static void on_drain_tick(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_process *p = t->data;
    rs_worker *w = &p->w;
    conn_drain_all(w);
    if (drained(w)) {
        ev_break(loop, EVBREAK_ALL);
    } else if (ev_now(loop) >= p->drain_deadline && !p->drain_cancelled) {
        /* bcrypt jobs still queued past the drain timeout would hold the
         * exit for minutes under a login storm: drop them (503 + close) and
         * give the replies a second to go out */
        p->drain_cancelled = true;
        size_t n = pool_cancel_pending(w->pool);
        if (n)
            fprintf(stderr, "refserver: worker %d: drain timeout: %zu queued bcrypt job(s) "
                    "answered 503\n", w->index, n);
        p->drain_deadline = ev_now(loop) + 1.0;
    } else if (ev_now(loop) >= p->drain_deadline) {
        fprintf(stderr, "refserver: worker %d: drain timeout with %zu connection(s) open\n",
                w->index, w->conns.n);
        ev_break(loop, EVBREAK_ALL);
    }
}

static void on_signal(struct ev_loop *loop, ev_signal *s, int revents)
{
    (void)revents;
    rs_process *p = s->data;
    rs_worker *w = &p->w;
    if (w->draining)
        return;
    w->draining = true;
    ev_io_stop(loop, &p->accept_w);
    ev_timer_stop(loop, &p->accept_retry);
    close(p->listen_fd);
    p->listen_fd = -1;
    p->drain_deadline = ev_now(loop) + w->cfg->drain_timeout;
    /* requests waiting for a DB slot would hold the drain for the whole
     * checkout timeout: answer them now (503, conn.c) */
    size_t waiters = checkout_answer_all(&w->checkout);
    if (waiters && !w->cfg->quiet)
        fprintf(stderr, "refserver: worker %d: shutdown: %zu request(s) waiting for a DB slot "
                "answered 503\n", w->index, waiters);
    ev_timer_set(&p->drain_w, 0, 0.02);
    ev_timer_start(loop, &p->drain_w);
}

static void pin_cpu(const rs_config *cfg, int index)
{
    if (cfg->ncpus == 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cfg->cpus[index % cfg->ncpus], &set);
    if (sched_setaffinity(0, sizeof set, &set))
        fprintf(stderr, "refserver: worker %d: cannot pin to CPU %d: %s\n", index,
                cfg->cpus[index % cfg->ncpus], strerror(errno));
}

static const double cache_ttl[RS_CACHE_N] = {
    [RS_CACHE_STATS] = 5, [RS_CACHE_LOGS_TOTAL] = 2, [RS_CACHE_ATTACKERS_TOTAL] = 2,
    [RS_CACHE_HISTOGRAM] = 5, [RS_CACHE_BOUNTY] = 5, [RS_CACHE_DECKIES] = 5,
    [RS_CACHE_CONFIG] = 5, [RS_CACHE_HEALTH] = 1,
};

int worker_state_init(rs_worker *w, const rs_config *cfg, int index)
{
    lb_err err;
    w->cfg = cfg;
    w->index = index;
    w->db_slots_free = cfg->db_slots;
    w->loop = ev_default_loop(EVFLAG_AUTO);
    checkout_init(&w->checkout, w->loop, cfg->db_checkout_timeout, conn_checkout_answer);
    if (cfg->db_mode != RS_DB_NAIVE && !(w->db = db_open(cfg->db_path, cfg->db_mode, &err))) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        return -1;
    }
    if (!(w->pool = pool_new(w->loop, cfg->pool_threads, cfg->pool_queue, &err)) ||
        (cfg->db_mode == RS_DB_BATCHED &&
         !(w->writer = writer_new(w->loop, cfg->db_path, cfg->batch_max_rows, &err)))) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        pool_free(w->pool);
        db_close(w->db);
        return -1;
    }
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_init(&w->cache[i], cache_ttl[i], cfg->cache_on[i]);
    usercache_init(&w->auth_users, 10, cfg->auth_user_cache);
    usercache_init(&w->login_users, 5, cfg->login_user_cache);
    if (cfg->login_limit > 0 && !(w->login_throttle = throttle_new(cfg->login_limit,
                                                                   cfg->login_window))) {
        fprintf(stderr, "refserver: worker %d: out of memory\n", index);
        pool_free(w->pool);
        writer_free(w->writer);
        db_close(w->db);
        return -1;
    }
    w->tokens = calloc(1, sizeof *w->tokens);   /* 270 KiB: off the stack */
    if (trace_worker_start(cfg, &w->tracer, &err) ||
        (cfg->profile_dir && !(w->reqlog = reqlog_open(w->loop, cfg->profile_dir, &err)))) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        return 1;   /* serve anyway: the lens is lost, not the server */
    }
    return 0;
}

/* Accept and signal watchers, then let the signals in: the master blocked
 * them for its sigwait loop (server.c) and the mask survives fork, so they
 * stay pending until the loop's watchers exist. */
static void worker_init_watchers(rs_process *p, int listen_fd)
{
    struct ev_loop *loop = p->w.loop;
    p->listen_fd = listen_fd;
    p->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    ev_io_init(&p->accept_w, on_accept, listen_fd, EV_READ);
    ev_init(&p->accept_retry, on_accept_retry);
    ev_init(&p->drain_w, on_drain_tick);
    ev_signal_init(&p->sig_term, on_signal, SIGTERM);
    ev_signal_init(&p->sig_int, on_signal, SIGINT);
    p->accept_w.data = p->accept_retry.data = p->drain_w.data = p;
    p->sig_term.data = p->sig_int.data = p;
    ev_signal_start(loop, &p->sig_term);
    ev_signal_start(loop, &p->sig_int);
    ev_io_start(loop, &p->accept_w);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* One line per worker: where its CPU went (the benches read it). */
static void worker_report(const rs_worker *w)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    fprintf(stderr, "refserver: worker %d: %llu requests, cpu %.2f s, bcrypt %llu jobs "
            "%.2f s cpu, refused %llu connections\n", w->index, w->requests, cpu, w->bcrypt_jobs,
            (double)w->bcrypt_ns / 1e9, w->rejected_conns);
    const rs_phase *p = &w->phase_sum;
    fprintf(stderr, "refserver: worker %d: phase totals (s): parse %.3f auth %.3f cache %.3f "
            "db %.3f bcrypt-wait %.3f serialize %.3f write %.3f\n", w->index,
            (double)p->parse_ns / 1e9, (double)p->auth_ns / 1e9, (double)p->cache_ns / 1e9,
            (double)p->db_ns / 1e9, (double)p->bcrypt_ns / 1e9,
            (double)p->serialize_ns / 1e9, (double)p->write_ns / 1e9);
}

int worker_state_fini(rs_worker *w, int code)
{
    const rs_config *cfg = w->cfg;
    lb_err err;
    /* completions first (they may still answer their clients), then sockets */
    pool_free(w->pool);
    writer_free(w->writer);
    conn_close_all(w);   /* unparks any request still waiting for a slot */
    checkout_stop(&w->checkout);
    /* every request span and profile row is final now: flush and report */
    trace_worker_stop(w->tracer, w->index, cfg->quiet ? NULL : stderr);
    if (w->reqlog && !cfg->quiet)
        fprintf(stderr, "refserver: worker %d: profile: %llu request rows\n", w->index,
                (unsigned long long)reqlog_rows(w->reqlog));
    if (reqlog_close(w->reqlog, &err)) {
        fprintf(stderr, "refserver: worker %d: %s\n", w->index, err.msg);
        code = 1;
    }
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_free(&w->cache[i]);
    db_close(w->db);
    free(w->tokens);
    throttle_free(w->login_throttle);
    ev_loop_destroy(w->loop);
    return code;
}

/* Free everything; returns code, or 1 when the profile log lost rows. */
static int worker_fini(rs_process *p, int code)
{
    rs_worker *w = &p->w;
    ev_signal_stop(w->loop, &p->sig_term);
    ev_signal_stop(w->loop, &p->sig_int);
    ev_timer_stop(w->loop, &p->drain_w);
    ev_timer_stop(w->loop, &p->accept_retry);
    ev_io_stop(w->loop, &p->accept_w);
    if (p->listen_fd >= 0)
        close(p->listen_fd);
    if (p->spare_fd >= 0)
        close(p->spare_fd);
    return worker_state_fini(w, code);
}

int worker_run(const rs_config *cfg, int index, int listen_fd)
{
    rs_process p;
    memset(&p, 0, sizeof p);
    pin_cpu(cfg, index);
    int code = worker_state_init(&p.w, cfg, index);
    if (code < 0)
        return 1;
    worker_init_watchers(&p, listen_fd);
    ev_run(p.w.loop, 0);
    if (!drained(&p.w))
        code = 1;
    if (!cfg->quiet)
        worker_report(&p.w);
    return worker_fini(&p, code);
}
