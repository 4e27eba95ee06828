/* otel_queue.c — the bounded ring of finished spans between the threads that
 * end spans and the exporter thread.
 *
 * Preallocated once, so enqueueing is an O(1) copy with no allocation and a
 * full queue is a refusal the caller counts as a drop (the SDK's behaviour:
 * never block a request to save a span). Locking is the tracer's job. */
#include "otel_internal.h"
#include <stdlib.h>
#include <string.h>

int otel_queue_init(otel_queue *q, size_t cap)
{
    memset(q, 0, sizeof *q);
    if (cap == 0)
        return -1;
    q->slots = calloc(cap, sizeof *q->slots);
    if (!q->slots)
        return -1;
    q->cap = cap;
    return 0;
}

void otel_queue_destroy(otel_queue *q)
{
    free(q->slots);
    memset(q, 0, sizeof *q);
}

int otel_queue_push(otel_queue *q, const otel_span *s)
{
    if (q->count == q->cap)
        return -1;
    size_t tail = q->head + q->count;
    if (tail >= q->cap)
        tail -= q->cap;
    q->slots[tail] = *s;
    q->count++;
    return 0;
}

size_t otel_queue_pop(otel_queue *q, otel_span *out, size_t max)
{
    size_t n = q->count < max ? q->count : max;
    /* At most two contiguous runs: head..end of array, then the wrap. */
    size_t first = q->cap - q->head;
    if (first > n)
        first = n;
    memcpy(out, q->slots + q->head, first * sizeof *out);
    memcpy(out + first, q->slots, (n - first) * sizeof *out);
    q->head += n;
    if (q->head >= q->cap)
        q->head -= q->cap;
    q->count -= n;
    return n;
}
