/* pool.c — bounded thread pool with ev_async completions (see pool.h). */
#include "pool.h"
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct job {
    pool_work_fn work;
    pool_done_fn done;
    void *arg;
    struct job *next;
} job;

struct rs_pool {
    struct ev_loop *loop;
    ev_async wake;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    job *head, *tail;      /* waiting to run */
    job *done_head;        /* finished, completion not yet delivered (LIFO, reversed) */
    size_t queued;         /* waiting + running, bounded by queue_max */
    size_t outstanding;    /* submitted, done not called (loop thread) */
    size_t queue_max;
    bool stop;
    int nthreads;
    pthread_t *threads;
};

static void *pool_thread(void *arg)
{
    rs_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stop)
            pthread_cond_wait(&p->cv, &p->mu);
        if (!p->head)
            break;
        job *j = p->head;
        p->head = j->next;
        if (!p->head)
            p->tail = NULL;
        pthread_mutex_unlock(&p->mu);
        j->work(j->arg);
        pthread_mutex_lock(&p->mu);
        j->next = p->done_head;
        p->done_head = j;
        p->queued--;
        ev_async_send(p->loop, &p->wake);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void deliver(rs_pool *p)
{
    pthread_mutex_lock(&p->mu);
    job *list = p->done_head;
    p->done_head = NULL;
    pthread_mutex_unlock(&p->mu);
    /* reverse so completions run in finishing order */
    job *rev = NULL;
    while (list) {
        job *n = list->next;
        list->next = rev;
        rev = list;
        list = n;
    }
    while (rev) {
        job *n = rev->next;
        p->outstanding--;
        rev->done(rev->arg, false);
        free(rev);
        rev = n;
    }
}

static void on_wake(struct ev_loop *loop, ev_async *w, int revents)
{
    (void)loop;
    (void)revents;
    deliver(w->data);
}

rs_pool *pool_new(struct ev_loop *loop, int threads, int queue_max, lb_err *err)
{
    rs_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->threads = calloc((size_t)threads, sizeof *p->threads))) {
        free(p);
        lb_err_set(err, "thread pool: out of memory");
        return NULL;
    }
    p->loop = loop;
    p->queue_max = (size_t)queue_max;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    ev_async_init(&p->wake, on_wake);
    p->wake.data = p;
    ev_async_start(loop, &p->wake);
    ev_unref(loop);   /* the pool alone must not keep the loop running */
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&p->threads[i], NULL, pool_thread, p)) {
            lb_err_set(err, "thread pool: cannot start thread %d of %d", i + 1, threads);
            p->nthreads = i;
            pool_free(p);
            return NULL;
        }
        p->nthreads = i + 1;
    }
    return p;
}

int pool_submit(rs_pool *p, pool_work_fn work, pool_done_fn done, void *arg)
{
    job *j = malloc(sizeof *j);
    if (!j)
        return -1;
    j->work = work;
    j->done = done;
    j->arg = arg;
    j->next = NULL;
    pthread_mutex_lock(&p->mu);
    if (p->queued >= p->queue_max || p->stop) {
        pthread_mutex_unlock(&p->mu);
        free(j);
        return -1;
    }
    if (p->tail)
        p->tail->next = j;
    else
        p->head = j;
    p->tail = j;
    p->queued++;
    p->outstanding++;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

size_t pool_cancel_pending(rs_pool *p)
{
    pthread_mutex_lock(&p->mu);
    job *list = p->head;
    p->head = p->tail = NULL;
    size_t n = 0;
    for (job *j = list; j; j = j->next)
        n++;
    p->queued -= n;
    pthread_mutex_unlock(&p->mu);
    while (list) {
        job *next = list->next;
        p->outstanding--;
        list->done(list->arg, true);
        free(list);
        list = next;
    }
    return n;
}

size_t pool_outstanding(const rs_pool *p)
{
    return p ? p->outstanding : 0;
}

void pool_free(rs_pool *p)
{
    if (!p)
        return;
    pool_cancel_pending(p);
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    deliver(p);
    ev_ref(p->loop);
    ev_async_stop(p->loop, &p->wake);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->threads);
    free(p);
}
