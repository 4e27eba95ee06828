/* capture_sink.h — a test sink for the tracer: records every batch it is
 * given (size and OTLP JSON body), can hold the exporter thread inside an
 * export until the test opens a gate, and can be told to fail. */
#ifndef LB_TEST_CAPTURE_SINK_H
#define LB_TEST_CAPTURE_SINK_H
#include <pthread.h>
#include "otel_internal.h"

#define CAPTURE_MAX_BATCHES 64

typedef struct capture_sink {
    otel_sink base;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t nbatches;
    size_t sizes[CAPTURE_MAX_BATCHES];
    char *bodies[CAPTURE_MAX_BATCHES];
    int gate_closed;   /* exports wait while set */
    int in_export;     /* the exporter is inside export_spans now */
    int fail;          /* make every export fail */
    int destroyed;     /* the tracer released the sink */
} capture_sink;

/* A new sink, owned by the test: the tracer's destroy only marks it, so its
 * records can be read after otel_tracer_free(); release with capture_free(). */
capture_sink *capture_new(void);
void capture_free(capture_sink *c);
/* Wait (at most timeout_s seconds) until at least n batches arrived;
 * returns 0, or -1 on timeout. */
int capture_wait_batches(capture_sink *c, size_t n, int timeout_s);
/* Wait until the exporter is held at the closed gate; 0 or -1 on timeout. */
int capture_wait_in_export(capture_sink *c, int timeout_s);
void capture_set_gate(capture_sink *c, int closed);

#endif
