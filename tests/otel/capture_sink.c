/* capture_sink.c — see capture_sink.h. */
#include "capture_sink.h"
#include <stdlib.h>
#include <time.h>

static int capture_export(otel_sink *sink, const otel_resource *res, const otel_span *const *spans,
                          size_t n, long timeout_ms, lb_err *err)
{
    (void)timeout_ms;
    capture_sink *c = (capture_sink *)sink;
    char *body = otel_json_encode(res, spans, n, NULL, err);
    pthread_mutex_lock(&c->mu);
    c->in_export = 1;
    pthread_cond_broadcast(&c->cv);
    while (c->gate_closed)
        pthread_cond_wait(&c->cv, &c->mu);
    c->in_export = 0;
    int rc = 0;
    if (c->fail) {
        rc = lb_err_set(err, "capture sink: told to fail");
        free(body);
    } else if (c->nbatches < CAPTURE_MAX_BATCHES) {
        c->sizes[c->nbatches] = n;
        c->bodies[c->nbatches] = body;
        c->nbatches++;
    } else {
        free(body);
    }
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
    return rc;
}

static void capture_destroy(otel_sink *sink)
{
    capture_sink *c = (capture_sink *)sink;
    pthread_mutex_lock(&c->mu);
    c->destroyed = 1;
    pthread_mutex_unlock(&c->mu);
}

capture_sink *capture_new(void)
{
    capture_sink *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->base.export_spans = capture_export;
    c->base.destroy = capture_destroy;
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    return c;
}

void capture_free(capture_sink *c)
{
    for (size_t i = 0; i < c->nbatches; i++)
        free(c->bodies[i]);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->cv);
    free(c);
}

/* Wait on c->cv until *flag-like condition holds or timeout_s passes. */
static int wait_for(capture_sink *c, int (*ok)(capture_sink *, size_t), size_t arg, int timeout_s)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += timeout_s;
    pthread_mutex_lock(&c->mu);
    int rc = 0;
    while (!ok(c, arg))
        if (pthread_cond_timedwait(&c->cv, &c->mu, &dl) != 0) {
            rc = ok(c, arg) ? 0 : -1;
            break;
        }
    pthread_mutex_unlock(&c->mu);
    return rc;
}

static int have_batches(capture_sink *c, size_t n) { return c->nbatches >= n; }
static int is_in_export(capture_sink *c, size_t unused)
{
    (void)unused;
    return c->in_export;
}

int capture_wait_batches(capture_sink *c, size_t n, int timeout_s)
{
    return wait_for(c, have_batches, n, timeout_s);
}

int capture_wait_in_export(capture_sink *c, int timeout_s)
{
    return wait_for(c, is_in_export, 0, timeout_s);
}

void capture_set_gate(capture_sink *c, int closed)
{
    pthread_mutex_lock(&c->mu);
    c->gate_closed = closed;
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
}
