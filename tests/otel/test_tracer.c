/* test_tracer.c — the tracer's behaviour: NULL-tracer no-ops, queue-full
 * drops, the 512-span batch boundary, the schedule delay, failed exports,
 * sampling from the parent, many threads, and fresh ids after fork(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "capture_sink.h"

static otel_tracer *tracer_with(capture_sink *c, int queue, int batch, int delay_ms)
{
    otel_config cfg = {.max_queue_size = queue, .max_export_batch = batch,
                       .schedule_delay_ms = delay_ms};
    lb_err err;
    otel_tracer *t = otel_tracer_new_with_sink(&cfg, &c->base, &err);
    if (!t)
        fail_msg("otel_tracer_new_with_sink: %s", err.msg);
    return t;
}

/* Wait (bounded) until the tracer has counted n exported spans: the sink
 * records a batch a moment before the exporter thread counts it. */
static void wait_exported(otel_tracer *t, uint64_t n)
{
    otel_stats st = {0, 0, 0, 0};
    for (int i = 0; i < 1000; i++) {
        otel_tracer_stats(t, &st);
        if (st.exported >= n)
            return;
        struct timespec ms = {0, 10000000};
        nanosleep(&ms, NULL);
    }
    fail_msg("only %llu of %llu spans exported", (unsigned long long)st.exported,
             (unsigned long long)n);
}

static void end_spans(otel_tracer *t, int n)
{
    for (int i = 0; i < n; i++) {
        otel_span s;
        otel_span_start(t, &s, "s", NULL, OTEL_KIND_INTERNAL);
        otel_span_end(t, &s);
    }
}

static void test_null_tracer_is_noop(void **state)
{
    (void)state;
    otel_span s;
    memset(&s, 0xAB, sizeof s);
    otel_span_start(NULL, &s, "x", NULL, OTEL_KIND_SERVER);
    assert_int_equal(s.recording, 0);
    otel_span_ctx empty;
    memset(&empty, 0, sizeof empty);
    assert_memory_equal(&s.ctx, &empty, sizeof empty);
    /* Nothing else in the span is touched: attributes and status calls on a
     * non-recording span change no byte. */
    otel_span before = s;
    otel_span_set_str(&s, "k", "v");
    otel_span_set_int(&s, "k", 1);
    otel_span_set_status(&s, OTEL_STATUS_ERROR, "e");
    otel_span_end(NULL, &s);
    assert_memory_equal(&before, &s, sizeof s);
    char tp[OTEL_TRACEPARENT_LEN + 1];
    assert_int_equal(otel_traceparent_format(otel_span_context(&s), tp, sizeof tp), -1);

    otel_stats st;
    memset(&st, 0xff, sizeof st);
    otel_tracer_stats(NULL, &st);
    assert_int_equal(st.exported + st.dropped + st.queued + st.export_errors, 0);
    lb_err e;
    strcpy(e.msg, "junk");
    otel_tracer_last_error(NULL, &e);
    assert_string_equal(e.msg, "");
    otel_tracer_free(NULL);
    /* NULL spans are tolerated too. */
    otel_span_start(NULL, NULL, "x", NULL, OTEL_KIND_SERVER);
    otel_span_set_str(NULL, "k", "v");
    otel_span_set_int(NULL, "k", 1);
    otel_span_set_status(NULL, OTEL_STATUS_OK, NULL);
    assert_int_equal(otel_span_context(NULL)->valid, 0);
}

static void test_non_recording_span_not_enqueued(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    otel_tracer *t = tracer_with(c, 16, 4, 600000);
    otel_span s;
    otel_span_start(NULL, &s, "off", NULL, OTEL_KIND_SERVER);
    otel_span_end(t, &s); /* started without a tracer: stays out */
    otel_span ok;
    otel_span_start(t, &ok, "on", NULL, OTEL_KIND_SERVER);
    otel_span_end(t, &ok);
    otel_span_end(t, &ok); /* a second end is harmless */
    otel_stats st;
    otel_tracer_stats(t, &st);
    assert_int_equal(st.queued, 1);
    otel_tracer_free(t);
    assert_int_equal(c->nbatches, 1);
    assert_int_equal(c->sizes[0], 1);
    capture_free(c);
}

static void test_unsampled_parent(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    otel_tracer *t = tracer_with(c, 16, 4, 600000);
    otel_span_ctx parent;
    const char *tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
    assert_int_equal(otel_traceparent_parse(tp, strlen(tp), &parent), 0);
    otel_span s;
    otel_span_start(t, &s, "not sampled", &parent, OTEL_KIND_SERVER);
    assert_int_equal(s.recording, 0);
    /* It still propagates: same trace, a new span id, sampled still off. */
    assert_int_equal(s.ctx.valid, 1);
    assert_memory_equal(s.ctx.trace_id, parent.trace_id, 16);
    assert_memory_not_equal(s.ctx.span_id, parent.span_id, 8);
    assert_int_equal(s.ctx.flags, 0);
    otel_span_end(t, &s);
    otel_tracer_free(t);
    assert_int_equal(c->nbatches, 0);
    capture_free(c);
}

static void test_queue_full_drops_counted(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    capture_set_gate(c, 1);
    otel_tracer *t = tracer_with(c, 4, 2, 600000);
    end_spans(t, 2); /* a full batch: the exporter takes it and waits at the gate */
    assert_int_equal(capture_wait_in_export(c, 10), 0);
    end_spans(t, 4); /* fills the queue */
    end_spans(t, 3); /* no room: dropped */
    otel_stats st;
    otel_tracer_stats(t, &st);
    assert_int_equal(st.queued, 4);
    assert_int_equal(st.dropped, 3);
    assert_int_equal(st.exported, 0);
    capture_set_gate(c, 0);
    assert_int_equal(capture_wait_batches(c, 3, 10), 0); /* 2 + 2 + 2 */
    wait_exported(t, 6);
    otel_tracer_stats(t, &st);
    assert_int_equal(st.exported, 6);
    assert_int_equal(st.dropped, 3);
    assert_int_equal(st.queued, 0);
    otel_tracer_free(t);
    for (size_t i = 0; i < c->nbatches; i++)
        assert_int_equal(c->sizes[i], 2);
    capture_free(c);
}

static void test_batch_boundary_512(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    otel_tracer *t = tracer_with(c, 0, 0, 600000); /* SDK defaults: 2048 / 512 */
    end_spans(t, 511);
    otel_stats st;
    otel_tracer_stats(t, &st);
    assert_int_equal(st.queued, 511); /* below a batch, and the delay is 10 min */
    assert_int_equal(c->nbatches, 0);
    end_spans(t, 1100 - 511);
    /* Two full batches go without waiting for the delay... */
    assert_int_equal(capture_wait_batches(c, 2, 10), 0);
    otel_tracer_stats(t, &st);
    assert_int_equal(c->sizes[0], 512);
    assert_int_equal(c->sizes[1], 512);
    assert_int_equal(st.queued, 1100 - 1024);
    /* ...and the rest leaves at shutdown. */
    otel_tracer_free(t);
    assert_int_equal(c->nbatches, 3);
    assert_int_equal(c->sizes[2], 1100 - 1024);
    capture_free(c);
}

static void test_schedule_delay_sends_partial_batch(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    otel_tracer *t = tracer_with(c, 64, 32, 50);
    end_spans(t, 3);
    assert_int_equal(capture_wait_batches(c, 1, 10), 0);
    assert_int_equal(c->sizes[0], 3);
    wait_exported(t, 3);
    otel_stats st;
    otel_tracer_stats(t, &st);
    assert_int_equal(st.exported, 3);
    assert_int_equal(st.queued, 0);
    otel_tracer_free(t);
    capture_free(c);
}

static void test_flush(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    otel_tracer *t = tracer_with(c, 64, 32, 600000);
    assert_int_equal(otel_tracer_flush(t, 10000), 0); /* nothing queued */
    assert_int_equal(c->nbatches, 0);
    end_spans(t, 5);
    assert_int_equal(otel_tracer_flush(t, 10000), 0);
    otel_stats st;
    otel_tracer_stats(t, &st);
    assert_int_equal(st.exported, 5); /* counted before flush returns */
    assert_int_equal(st.queued, 0);
    assert_int_equal(c->nbatches, 1);
    /* A flush that cannot finish in time says so. */
    capture_set_gate(c, 1);
    end_spans(t, 1);
    assert_int_equal(otel_tracer_flush(t, 50), -1);
    capture_set_gate(c, 0);
    assert_int_equal(otel_tracer_flush(t, 10000), 0);
    otel_tracer_stats(t, &st);
    assert_int_equal(st.exported, 6);
    assert_int_equal(otel_tracer_flush(NULL, 0), 0);
    otel_tracer_free(t);
    capture_free(c);
}

static void test_failed_export_counted(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    c->fail = 1;
    otel_tracer *t = tracer_with(c, 64, 5, 600000);
    end_spans(t, 5);
    otel_stats st = {0, 0, 0, 0};
    for (int i = 0; i < 1000 && st.export_errors == 0; i++) {
        struct timespec ms = {0, 10000000};
        nanosleep(&ms, NULL);
        otel_tracer_stats(t, &st);
    }
    assert_int_equal(st.export_errors, 1);
    assert_int_equal(st.dropped, 5);
    assert_int_equal(st.exported, 0);
    lb_err e;
    otel_tracer_last_error(t, &e);
    assert_string_equal(e.msg, "capture sink: told to fail");
    otel_tracer_free(t);
    capture_free(c);
}

typedef struct worker_arg {
    otel_tracer *t;
    int n;
} worker_arg;

static void *worker(void *p)
{
    worker_arg *a = p;
    for (int i = 0; i < a->n; i++) {
        otel_span parent, child;
        otel_span_start(a->t, &parent, "req", NULL, OTEL_KIND_SERVER);
        otel_span_start(a->t, &child, "db", otel_span_context(&parent), OTEL_KIND_CLIENT);
        otel_span_end(a->t, &child);
        otel_span_end(a->t, &parent);
    }
    return NULL;
}

static int cmp_id(const void *a, const void *b) { return memcmp(a, b, 8); }

static void test_threads_share_a_tracer(void **state)
{
    (void)state;
    enum { THREADS = 4, PER = 500 };
    capture_sink *c = capture_new();
    otel_tracer *t = tracer_with(c, THREADS * PER * 2, 512, 600000);
    pthread_t th[THREADS];
    worker_arg arg = {t, PER};
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, worker, &arg), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    otel_tracer_free(t);
    size_t total = 0;
    for (size_t i = 0; i < c->nbatches; i++) {
        assert_true(c->sizes[i] <= 512);
        total += c->sizes[i];
    }
    assert_int_equal(total, THREADS * PER * 2);
    /* Every span id in every batch is distinct. */
    uint8_t (*ids)[8] = calloc(total, 8);
    size_t k = 0;
    for (size_t b = 0; b < c->nbatches; b++) {
        const char *p = c->bodies[b];
        while ((p = strstr(p, "\"spanId\":\"")) != NULL) {
            p += 10;
            for (int j = 0; j < 8; j++) {
                unsigned v;
                sscanf(p + 2 * j, "%2x", &v);
                ids[k][j] = (uint8_t)v;
            }
            k++;
        }
    }
    assert_int_equal(k, total);
    qsort(ids, total, 8, cmp_id);
    for (size_t i = 1; i < total; i++)
        assert_memory_not_equal(ids[i - 1], ids[i], 8);
    free(ids);
    capture_free(c);
}

static void test_fork_reseeds_ids(void **state)
{
    (void)state;
    uint8_t first[8], mine[8], childs[8];
    otel_ids_span(first); /* seed this thread's PRNG before the fork */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        otel_ids_span(childs);
        ssize_t w = write(fds[1], childs, 8);
        _exit(w == 8 ? 0 : 1);
    }
    otel_ids_span(mine);
    close(fds[1]);
    assert_int_equal(read(fds[0], childs, 8), 8);
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    /* Without the reseed the child would draw exactly the parent's next id. */
    assert_memory_not_equal(mine, childs, 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_tracer_is_noop),
        cmocka_unit_test(test_non_recording_span_not_enqueued),
        cmocka_unit_test(test_unsampled_parent),
        cmocka_unit_test(test_queue_full_drops_counted),
        cmocka_unit_test(test_batch_boundary_512),
        cmocka_unit_test(test_schedule_delay_sends_partial_batch),
        cmocka_unit_test(test_flush),
        cmocka_unit_test(test_failed_export_counted),
        cmocka_unit_test(test_threads_share_a_tracer),
        cmocka_unit_test(test_fork_reseeds_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
