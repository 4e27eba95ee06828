/* worker.c — one worker process: libev loop, accept, signals, graceful drain. */
#define _GNU_SOURCE
#include "worker.h"
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include "http/conn.h"
#include "http/respond.h"
#include "lens/reqlog.h"
#include "server.h"
#include "lens/trace_hooks.h"
#include "store/writer.h"

static const char busy_reply[] =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
    "Content-Length: 40\r\nConnection: close\r\n\r\n{\"detail\":\"Too many open connections\"}";

const char *worker_date(rs_worker *w)
{
    long now = (long)ev_now(w->loop);
    if (now != w->date_sec) {
        w->date_sec = now;
        respond_date(now, w->date, sizeof w->date);
    }
    return w->date;
}

rs_db *worker_db_acquire(rs_ctx *ctx)
{
    rs_worker *w = ctx->w;
    if (w->db_slots_free <= 0) {
        /* the leak fault mode drained the pool: the seed's checkout waited
         * pool_timeout, then failed. Slots never come back (a leaked one is
         * gone for good and nothing else takes one), so the wait can only
         * end in this 500: it is decided now, sent by the checkout queue. */
        respond_detail(ctx->rep, 500, "Internal Server Error");
        ctx->checkout_wait = w->cfg->db_checkout_timeout > 0 && !w->draining;
        return NULL;
    }
    if (w->cfg->db_mode != RS_DB_NAIVE) {
        trace_db_begin(ctx);
        return w->db;
    }
    lb_err err;
    rs_db *db = db_open(w->cfg->db_path, RS_DB_NAIVE, &err);
    if (!db)
        respond_detail(ctx->rep, 500, "Internal Server Error");
    else
        trace_db_begin(ctx);
    return db;
}

void worker_db_release(rs_ctx *ctx, rs_db *db)
{
    trace_db_end(ctx);
    if (db && db != ctx->w->db)
        db_close(db);
}

static void on_accept_retry(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_worker *w = t->data;
    if (!w->draining)
        ev_io_start(loop, &w->accept_w);
}

static void on_accept(struct ev_loop *loop, ev_io *io, int revents)
{
    (void)revents;
    rs_worker *w = io->data;
    for (int i = 0; i < 64; i++) {
        int fd = accept4(w->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                /* out of descriptors: pause accepting briefly instead of spinning */
                ev_io_stop(loop, &w->accept_w);
                ev_timer_set(&w->accept_retry, 0.1, 0);
                ev_timer_start(loop, &w->accept_retry);
            }
            return;
        }
        if (w->nconns >= w->cfg->max_conns) {
            w->rejected_conns++;
            ssize_t n = write(fd, busy_reply, sizeof busy_reply - 1);
            (void)n;
            close(fd);
            continue;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conn_accept(w, fd);
    }
}

static bool drained(const rs_worker *w)
{
    return w->nconns == 0 && pool_outstanding(w->pool) == 0 &&
           writer_outstanding(w->writer) == 0;
}

static void on_drain_tick(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)revents;
    rs_worker *w = t->data;
    conn_drain_all(w);
    if (drained(w)) {
        ev_break(loop, EVBREAK_ALL);
    } else if (ev_now(loop) >= w->drain_deadline && !w->drain_cancelled) {
        /* bcrypt jobs still queued past the drain timeout would hold the
         * exit for minutes under a login storm: drop them (503 + close) and
         * give the replies a second to go out */
        w->drain_cancelled = true;
        size_t n = pool_cancel_pending(w->pool);
        if (n)
            fprintf(stderr, "refserver: worker %d: drain timeout: %zu queued bcrypt job(s) "
                    "answered 503\n", w->index, n);
        w->drain_deadline = ev_now(loop) + 1.0;
    } else if (ev_now(loop) >= w->drain_deadline) {
        fprintf(stderr, "refserver: worker %d: drain timeout with %d connection(s) open\n",
                w->index, w->nconns);
        ev_break(loop, EVBREAK_ALL);
    }
}

static void on_signal(struct ev_loop *loop, ev_signal *s, int revents)
{
    (void)revents;
    rs_worker *w = s->data;
    if (w->draining)
        return;
    w->draining = true;
    ev_io_stop(loop, &w->accept_w);
    ev_timer_stop(loop, &w->accept_retry);
    close(w->listen_fd);
    w->listen_fd = -1;
    w->drain_deadline = ev_now(loop) + w->cfg->drain_timeout;
    /* requests waiting for a DB slot would hold the drain for the whole
     * checkout timeout: answer them now (503, conn.c) */
    size_t waiters = checkout_answer_all(&w->checkout);
    if (waiters && !w->cfg->quiet)
        fprintf(stderr, "refserver: worker %d: shutdown: %zu request(s) waiting for a DB slot "
                "answered 503\n", w->index, waiters);
    ev_timer_set(&w->drain_w, 0, 0.02);
    ev_timer_start(loop, &w->drain_w);
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

int worker_run(const rs_config *cfg, int index, int listen_fd)
{
    rs_worker w;
    memset(&w, 0, sizeof w);
    w.cfg = cfg;
    w.index = index;
    w.listen_fd = listen_fd;
    w.db_slots_free = cfg->db_slots;
    pin_cpu(cfg, index);
    w.loop = ev_default_loop(EVFLAG_AUTO);
    checkout_init(&w.checkout, w.loop, cfg->db_checkout_timeout, conn_checkout_answer);
    lb_err err;
    int code = 0;
    if (cfg->db_mode != RS_DB_NAIVE && !(w.db = db_open(cfg->db_path, cfg->db_mode, &err))) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        return 1;
    }
    if (!(w.pool = pool_new(w.loop, cfg->pool_threads, cfg->pool_queue, &err)) ||
        (cfg->db_mode == RS_DB_BATCHED &&
         !(w.writer = writer_new(w.loop, cfg->db_path, cfg->batch_max_rows, &err)))) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        pool_free(w.pool);
        db_close(w.db);
        return 1;
    }
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_init(&w.cache[i], cache_ttl[i], cfg->cache_on[i]);
    usercache_init(&w.auth_users, 10, cfg->auth_user_cache);
    usercache_init(&w.login_users, 5, cfg->login_user_cache);
    w.tokens = calloc(1, sizeof *w.tokens);   /* 270 KiB: off the stack */
    if (trace_worker_start(&w, &err) ||
        (cfg->profile_dir && !(w.reqlog = reqlog_open(w.loop, cfg->profile_dir, &err)))) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        code = 1;   /* serve anyway: the lens is lost, not the server */
    }

    ev_io_init(&w.accept_w, on_accept, listen_fd, EV_READ);
    w.accept_w.data = &w;
    ev_init(&w.accept_retry, on_accept_retry);
    w.accept_retry.data = &w;
    ev_init(&w.drain_w, on_drain_tick);
    w.drain_w.data = &w;
    ev_signal_init(&w.sig_term, on_signal, SIGTERM);
    ev_signal_init(&w.sig_int, on_signal, SIGINT);
    w.sig_term.data = w.sig_int.data = &w;
    ev_signal_start(w.loop, &w.sig_term);
    ev_signal_start(w.loop, &w.sig_int);
    ev_io_start(w.loop, &w.accept_w);
    server_unblock_signals();

    ev_run(w.loop, 0);

    if (!drained(&w))
        code = 1;
    if (!cfg->quiet) {
        /* one line per worker: where its CPU went (the bench reads it) */
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
        fprintf(stderr, "refserver: worker %d: %llu requests, cpu %.2f s, bcrypt %llu jobs "
                "%.2f s cpu, refused %llu connections\n", index, w.requests, cpu, w.bcrypt_jobs,
                (double)w.bcrypt_ns / 1e9, w.rejected_conns);
        const rs_phase *p = &w.phase_sum;
        fprintf(stderr, "refserver: worker %d: phase totals (s): parse %.3f auth %.3f cache %.3f "
                "db %.3f bcrypt-wait %.3f serialize %.3f write %.3f\n", index,
                (double)p->parse_ns / 1e9, (double)p->auth_ns / 1e9, (double)p->cache_ns / 1e9,
                (double)p->db_ns / 1e9, (double)p->bcrypt_ns / 1e9,
                (double)p->serialize_ns / 1e9, (double)p->write_ns / 1e9);
    }
    /* completions first (they may still answer their clients), then sockets */
    pool_free(w.pool);
    writer_free(w.writer);
    conn_close_all(&w);   /* unparks any request still waiting for a slot */
    checkout_stop(&w.checkout);
    /* every request span and profile row is final now: flush and report */
    trace_worker_stop(&w, cfg->quiet ? NULL : stderr);
    if (w.reqlog && !cfg->quiet)
        fprintf(stderr, "refserver: worker %d: profile: %llu request rows\n", index,
                (unsigned long long)reqlog_rows(w.reqlog));
    if (reqlog_close(w.reqlog, &err)) {
        fprintf(stderr, "refserver: worker %d: %s\n", index, err.msg);
        code = 1;
    }
    ev_signal_stop(w.loop, &w.sig_term);
    ev_signal_stop(w.loop, &w.sig_int);
    ev_timer_stop(w.loop, &w.drain_w);
    ev_timer_stop(w.loop, &w.accept_retry);
    ev_io_stop(w.loop, &w.accept_w);
    if (w.listen_fd >= 0)
        close(w.listen_fd);
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_free(&w.cache[i]);
    db_close(w.db);
    free(w.tokens);
    ev_loop_destroy(w.loop);
    return code;
}
