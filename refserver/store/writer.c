/* writer.c — group-committing writer thread (see writer.h). */
#include "writer.h"
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include "db.h"

struct rs_writer {
    struct ev_loop *loop;
    ev_async wake;
    rs_db *db;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    rs_write_job *head, *tail;   /* queued */
    rs_write_job *done;          /* committed, not yet delivered */
    size_t outstanding;          /* loop thread */
    int max_rows;
    bool stop, held;
    unsigned long long batches, rows;
};

static int run_jobs(rs_writer *w, rs_write_job *list, lb_err *err)
{
    if (db_begin(w->db, err))
        return -1;
    size_t n = 0;
    for (rs_write_job *j = list; j; j = j->next)
        n += j->n;
    /* the attackers of the whole batch are profiled once each, after its inserts */
    const char **ips = malloc((n ? n : 1) * sizeof *ips);
    if (!ips) {
        db_rollback(w->db);
        return lb_err_set(err, "out of memory");
    }
    n = 0;
    for (rs_write_job *j = list; j; j = j->next)
        for (size_t i = 0; i < j->n; i++) {
            if (event_store(w->db, &j->events[i], &j->ids[i], err)) {
                free(ips);
                db_rollback(w->db);
                return -1;
            }
            ips[n++] = j->events[i].attacker_ip;
        }
    int rc = event_profile_ips(w->db, ips, n, err);
    free(ips);
    if (rc) {
        db_rollback(w->db);
        return -1;
    }
    if (db_commit(w->db, err)) {
        db_rollback(w->db);
        return -1;
    }
    return 0;
}

/* run_jobs on a usable connection (a lost MariaDB one is reconnected
 * first), run again while the server rolls it back to break a deadlock. */
static int run_jobs_retry(rs_writer *w, rs_write_job *list, lb_err *err)
{
    for (int attempt = 1;; attempt++) {
        int rc = db_ready(w->db, err) < 0 ? -1 : run_jobs(w, list, err);
        if (rc == 0 || err->code != RS_DB_RETRY || attempt == DB_WRITE_ATTEMPTS)
            return rc;
    }
}

/* Commit a batch; if it fails, retry each job alone so one bad job cannot
 * fail the others (unless the server is gone: then every job fails alike). */
static void commit_batch(rs_writer *w, rs_write_job *list)
{
    lb_err err;
    size_t rows = 0;
    for (rs_write_job *j = list; j; j = j->next) {
        j->status = 0;
        rows += j->n;
    }
    int rc = run_jobs_retry(w, list, &err);
    if (rc && err.code == RS_DB_UNAVAILABLE) {
        for (rs_write_job *j = list; j; j = j->next) {
            j->status = -1;
            j->err = err;
        }
        return;
    }
    if (rc == 0) {
        pthread_mutex_lock(&w->mu);
        w->batches++;
        w->rows += rows;
        pthread_mutex_unlock(&w->mu);
        return;
    }
    for (rs_write_job *j = list; j; j = j->next) {
        rs_write_job *next = j->next;
        j->next = NULL;
        if (run_jobs_retry(w, j, &j->err))
            j->status = -1;
        else {
            pthread_mutex_lock(&w->mu);
            w->batches++;
            w->rows += j->n;
            pthread_mutex_unlock(&w->mu);
        }
        j->next = next;
    }
}

static void *writer_thread(void *arg)
{
    rs_writer *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while ((!w->head || w->held) && !w->stop)
            pthread_cond_wait(&w->cv, &w->mu);
        if (!w->head)
            break;
        /* take whole jobs up to max_rows events (at least one job) */
        rs_write_job *list = w->head, *last = w->head;
        size_t rows = last->n;
        while (last->next && rows + last->next->n <= (size_t)w->max_rows) {
            last = last->next;
            rows += last->n;
        }
        w->head = last->next;
        if (!w->head)
            w->tail = NULL;
        last->next = NULL;
        pthread_mutex_unlock(&w->mu);
        commit_batch(w, list);
        pthread_mutex_lock(&w->mu);
        last->next = w->done;
        w->done = list;
        ev_async_send(w->loop, &w->wake);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

static void deliver(rs_writer *w)
{
    pthread_mutex_lock(&w->mu);
    rs_write_job *list = w->done;
    w->done = NULL;
    pthread_mutex_unlock(&w->mu);
    while (list) {
        rs_write_job *next = list->next;
        list->next = NULL;
        w->outstanding--;
        list->done(list);
        list = next;
    }
}

static void on_wake(struct ev_loop *loop, ev_async *a, int revents)
{
    (void)loop;
    (void)revents;
    deliver(a->data);
}

rs_writer *writer_new(struct ev_loop *loop, const char *db_path, int max_rows, lb_err *err)
{
    rs_writer *w = calloc(1, sizeof *w);
    if (!w) {
        lb_err_set(err, "writer: out of memory");
        return NULL;
    }
    if (!(w->db = db_open(db_path, RS_DB_BATCHED, err))) {
        free(w);
        return NULL;
    }
    w->loop = loop;
    w->max_rows = max_rows;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    ev_async_init(&w->wake, on_wake);
    w->wake.data = w;
    ev_async_start(loop, &w->wake);
    ev_unref(loop);
    if (pthread_create(&w->thread, NULL, writer_thread, w)) {
        ev_ref(loop);
        ev_async_stop(loop, &w->wake);
        db_close(w->db);
        free(w);
        lb_err_set(err, "writer: cannot start thread");
        return NULL;
    }
    return w;
}

int writer_submit(rs_writer *w, rs_write_job *job)
{
    job->next = NULL;
    pthread_mutex_lock(&w->mu);
    if (w->stop) {
        pthread_mutex_unlock(&w->mu);
        return -1;
    }
    if (w->tail)
        w->tail->next = job;
    else
        w->head = job;
    w->tail = job;
    w->outstanding++;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    return 0;
}

void writer_hold(rs_writer *w, bool held)
{
    pthread_mutex_lock(&w->mu);
    w->held = held;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

size_t writer_outstanding(const rs_writer *w)
{
    return w ? w->outstanding : 0;
}

void writer_stats(rs_writer *w, unsigned long long *batches, unsigned long long *rows)
{
    pthread_mutex_lock(&w->mu);
    *batches = w->batches;
    *rows = w->rows;
    pthread_mutex_unlock(&w->mu);
}

void writer_free(rs_writer *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = true;   /* the thread still drains what is queued */
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    deliver(w);
    ev_ref(w->loop);
    ev_async_stop(w->loop, &w->wake);
    db_close(w->db);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w);
}
