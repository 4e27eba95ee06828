/* otel_tracer.c — the tracer: the span queue, its lock, and the exporter
 * thread that batches like the OpenTelemetry SDK's BatchSpanProcessor.
 *
 * The exporter sends a batch as soon as max_export_batch spans wait, or when
 * schedule_delay has passed since the last export with anything queued. The
 * queue lock is held for one span copy (enqueue) or O(1) bookkeeping
 * (reserve/release a batch); encoding and network I/O happen with it
 * released, so ending a span never waits for the collector. */
#include "otel_internal.h"
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct otel_tracer {
    otel_settings set;
    otel_resource res;        /* views into set's strings */
    otel_sink *sink;
    _Atomic int64_t wall_offset_ns; /* see otel_tracer_wall_offset() */
    pthread_mutex_t mu;       /* guards everything below */
    pthread_cond_t wake;      /* exporter waits here (CLOCK_MONOTONIC) */
    pthread_cond_t idle;      /* flushers wait here for `flush` to clear */
    int flush;                /* a flush is asked: send all, then clear */
    otel_queue q;
    int shutdown;             /* otel_tracer_free() has begun */
    uint64_t shutdown_deadline_ns;
    uint64_t exported, dropped, export_errors;
    lb_err last_err;
    const otel_span **batch;  /* the exporter's reserved batch (see otel_queue.c) */
    pthread_t thread;
};

static uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void sample_wall_offset(otel_tracer *t)
{
    struct timespec w, m;
    clock_gettime(CLOCK_REALTIME, &w);
    clock_gettime(CLOCK_MONOTONIC, &m);
    int64_t off = ((int64_t)w.tv_sec - (int64_t)m.tv_sec) * 1000000000 +
                  ((int64_t)w.tv_nsec - (int64_t)m.tv_nsec);
    atomic_store_explicit(&t->wall_offset_ns, off, memory_order_relaxed);
}

int64_t otel_tracer_wall_offset(const otel_tracer *t)
{
    return atomic_load_explicit(&t->wall_offset_ns, memory_order_relaxed);
}

static void wait_until(pthread_cond_t *cv, pthread_mutex_t *mu, uint64_t deadline_ns)
{
    struct timespec ts = {(time_t)(deadline_ns / 1000000000ull),
                          (long)(deadline_ns % 1000000000ull)};
    pthread_cond_timedwait(cv, mu, &ts);
}

static void *exporter_main(void *arg)
{
    otel_tracer *t = arg;
    const uint64_t delay_ns = (uint64_t)t->set.schedule_delay_ms * 1000000ull;
    uint64_t last_export = mono_ns();
    pthread_mutex_lock(&t->mu);
    for (;;) {
        sample_wall_offset(t);
        uint64_t deadline = last_export + delay_ns;
        while (!t->shutdown && !t->flush && t->q.count < t->set.max_export_batch &&
               mono_ns() < deadline)
            wait_until(&t->wake, &t->mu, deadline);
        if (t->q.count == 0) {
            if (t->flush) { /* everything asked for has been delivered */
                t->flush = 0;
                pthread_cond_broadcast(&t->idle);
            }
            if (t->shutdown)
                break;
            last_export = mono_ns(); /* an empty tick: start the next delay */
            continue;
        }
        long timeout_ms = t->set.export_timeout_ms;
        if (t->shutdown) {
            uint64_t now = mono_ns();
            if (now >= t->shutdown_deadline_ns) {
                /* Out of flush time: what is left is lost, and counted. */
                t->dropped += t->q.count;
                while (otel_queue_reserve(&t->q, t->batch, t->set.max_export_batch) > 0)
                    otel_queue_release(&t->q);
                break;
            }
            long left_ms = (long)((t->shutdown_deadline_ns - now) / 1000000ull) + 1;
            if (left_ms < timeout_ms)
                timeout_ms = left_ms;
        }
        size_t n = otel_queue_reserve(&t->q, t->batch, t->set.max_export_batch);
        pthread_mutex_unlock(&t->mu);

        lb_err e;
        e.msg[0] = '\0';
        int rc = t->sink->export_spans(t->sink, &t->res, t->batch, n, timeout_ms, &e);

        pthread_mutex_lock(&t->mu);
        otel_queue_release(&t->q);
        if (rc == 0) {
            t->exported += n;
        } else {
            t->dropped += n;
            t->export_errors++;
            t->last_err = e;
        }
        last_export = mono_ns();
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

/* Build the tracer around resolved settings and a sink, taking ownership of
 * both (released on failure too). */
static otel_tracer *tracer_create(otel_settings *set, otel_sink *sink, lb_err *err)
{
    otel_tracer *t = calloc(1, sizeof *t);
    if (!t) {
        lb_err_set(err, "otel: out of memory");
        goto fail_sink;
    }
    t->set = *set;
    memset(set, 0, sizeof *set);
    t->sink = sink;
    t->res = (otel_resource){t->set.service_name, t->set.service_version,
                             t->set.scope_name, t->set.scope_version};
    sample_wall_offset(t);
    if (otel_queue_init(&t->q, t->set.max_queue_size, t->set.max_export_batch) < 0 ||
        !(t->batch = calloc(t->set.max_export_batch, sizeof *t->batch))) {
        lb_err_set(err, "otel: out of memory for a queue of %zu spans", t->set.max_queue_size);
        goto fail_mem;
    }
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int crc = pthread_cond_init(&t->wake, &ca);
    int irc = pthread_cond_init(&t->idle, &ca);
    pthread_condattr_destroy(&ca);
    if (crc != 0 || irc != 0 || pthread_mutex_init(&t->mu, NULL) != 0) {
        if (crc == 0)
            pthread_cond_destroy(&t->wake);
        if (irc == 0)
            pthread_cond_destroy(&t->idle);
        lb_err_set(err, "otel: cannot initialise the queue lock");
        goto fail_mem;
    }
    /* The exporter must not receive the server's signals (SIGINT, SIGTERM,
     * SIGPIPE): block them all in it; it inherits the mask at creation. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int prc = pthread_create(&t->thread, NULL, exporter_main, t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (prc != 0) {
        lb_err_set(err, "otel: cannot start the exporter thread");
        pthread_mutex_destroy(&t->mu);
        pthread_cond_destroy(&t->wake);
        pthread_cond_destroy(&t->idle);
        goto fail_mem;
    }
    return t;

fail_mem:
    free(t->batch);
    otel_queue_destroy(&t->q);
    otel_settings_free(&t->set);
    free(t);
    t = NULL;
fail_sink:
    otel_settings_free(set);
    sink->destroy(sink);
    return NULL;
}

otel_tracer *otel_tracer_new_with_sink(const otel_config *cfg, otel_sink *sink, lb_err *err)
{
    otel_settings set;
    if (otel_settings_resolve(cfg, &set, err) < 0) {
        sink->destroy(sink);
        return NULL;
    }
    return tracer_create(&set, sink, err);
}

otel_tracer *otel_tracer_new(const otel_config *cfg, lb_err *err)
{
    otel_settings set;
    if (otel_settings_resolve(cfg, &set, err) < 0)
        return NULL;
    otel_sink *sink = set.file_path ? otel_sink_file_new(set.file_path, err)
                                    : otel_sink_http_new(set.endpoint, err);
    if (!sink) {
        otel_settings_free(&set);
        return NULL;
    }
    return tracer_create(&set, sink, err);
}

void otel_tracer_enqueue(otel_tracer *t, const otel_span *span)
{
    pthread_mutex_lock(&t->mu);
    if (otel_queue_push(&t->q, span) < 0)
        t->dropped++;
    else if (t->q.count == t->set.max_export_batch)
        pthread_cond_signal(&t->wake); /* once per batch, not per span */
    pthread_mutex_unlock(&t->mu);
}

int otel_tracer_flush(otel_tracer *t, long timeout_ms)
{
    if (!t)
        return 0;
    uint64_t deadline = mono_ns() + (uint64_t)(timeout_ms > 0 ? timeout_ms : 0) * 1000000ull;
    pthread_mutex_lock(&t->mu);
    t->flush = 1;
    pthread_cond_signal(&t->wake);
    while (t->flush && mono_ns() < deadline)
        wait_until(&t->idle, &t->mu, deadline);
    int rc = t->flush ? -1 : 0;
    pthread_mutex_unlock(&t->mu);
    return rc;
}

void otel_tracer_stats(const otel_tracer *t, otel_stats *out)
{
    memset(out, 0, sizeof *out);
    if (!t)
        return;
    pthread_mutex_t *mu = (pthread_mutex_t *)&t->mu; /* logically const read */
    pthread_mutex_lock(mu);
    out->exported = t->exported;
    out->dropped = t->dropped;
    out->queued = t->q.count;
    out->export_errors = t->export_errors;
    pthread_mutex_unlock(mu);
}

void otel_tracer_last_error(const otel_tracer *t, lb_err *out)
{
    out->msg[0] = '\0';
    if (!t)
        return;
    pthread_mutex_t *mu = (pthread_mutex_t *)&t->mu;
    pthread_mutex_lock(mu);
    *out = t->last_err;
    pthread_mutex_unlock(mu);
}

void otel_tracer_free(otel_tracer *t)
{
    if (!t)
        return;
    pthread_mutex_lock(&t->mu);
    t->shutdown = 1;
    t->shutdown_deadline_ns = mono_ns() + (uint64_t)t->set.export_timeout_ms * 1000000ull;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->mu);
    pthread_join(t->thread, NULL);
    t->sink->destroy(t->sink);
    pthread_cond_destroy(&t->wake);
    pthread_cond_destroy(&t->idle);
    pthread_mutex_destroy(&t->mu);
    free(t->batch);
    otel_queue_destroy(&t->q);
    otel_settings_free(&t->set);
    free(t);
}
