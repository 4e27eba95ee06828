/* test_writer.c — the batched writer: group commits (fewer commits than
 * jobs), max_rows bounds each commit, every job is completed exactly once
 * and only after its rows are committed (visible to another connection),
 * and stopping the writer flushes what is queued. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "store/db.h"
#include "store/store.h"
#include "store/writer.h"

#define NJOBS 300

typedef struct harness {
    char path[64];
    struct ev_loop *loop;
    rs_db *reader;               /* a separate connection: sees only committed rows */
    int done, invisible, failed;
    rs_write_job jobs[NJOBS];
    rs_event ev[NJOBS][3];
    long long ids[NJOBS][3];
} harness;

static harness *H;

static void on_done(rs_write_job *j)
{
    H->done++;
    if (j->status)
        H->failed++;
    for (size_t i = 0; i < j->n; i++) {
        rs_stmt *st = db_stmt(H->reader, "SELECT count(*) FROM logs WHERE id = ?", NULL);
        db_bind_int(st, 1, j->ids[i]);
        db_step(st);
        if (db_col_int(st, 0) != 1)
            H->invisible++;
        db_reset(st);
    }
    if (H->done == NJOBS)
        ev_break(H->loop, EVBREAK_ALL);
}

static void on_keep(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)t;
    (void)revents;
    ev_break(loop, EVBREAK_ALL);   /* only if the writer never answered */
}

static int setup(void **state)
{
    H = calloc(1, sizeof *H);
    strcpy(H->path, "/tmp/rs-writer-test.XXXXXX");
    close(mkstemp(H->path));
    lb_err err;
    rs_db *db = db_open(H->path, RS_DB_POOLED, &err);
    if (!db || store_schema(db, &err))
        return -1;
    db_close(db);
    H->reader = db_open(H->path, RS_DB_POOLED, &err);
    H->loop = ev_loop_new(EVFLAG_AUTO);
    for (int j = 0; j < NJOBS; j++) {
        H->jobs[j].n = (size_t)(1 + j % 3);
        H->jobs[j].events = H->ev[j];
        H->jobs[j].ids = H->ids[j];
        H->jobs[j].done = on_done;
        for (size_t i = 0; i < H->jobs[j].n; i++) {
            rs_event *e = &H->ev[j][i];
            e->timestamp = "2026-04-17 20:00:00";
            e->decky = "decky-01";
            e->service = "ssh";
            e->event_type = "login_attempt";
            e->attacker_ip = j % 2 ? "10.0.0.1" : "10.0.0.2";
            e->raw_line = "";
            e->fields = "{}";
        }
    }
    *state = H;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(H->reader);
    ev_loop_destroy(H->loop);
    char p[96];
    unlink(H->path);
    snprintf(p, sizeof p, "%s-wal", H->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", H->path);
    unlink(p);
    free(H);
    return 0;
}

static void run_all(int max_rows, unsigned long long *batches, unsigned long long *rows)
{
    lb_err err;
    rs_writer *w = writer_new(H->loop, H->path, max_rows, &err);
    assert_non_null(w);
    writer_hold(w, true);      /* queue everything first: the batching is then exact */
    for (int j = 0; j < NJOBS; j++)
        assert_int_equal(writer_submit(w, &H->jobs[j]), 0);
    assert_int_equal(writer_outstanding(w), NJOBS);
    writer_hold(w, false);
    /* the writer's ev_async does not keep a loop alive (a worker has its
     * listener for that): a long timer stands in for it here */
    ev_timer keep;
    ev_timer_init(&keep, on_keep, 60, 0);
    ev_timer_start(H->loop, &keep);
    ev_run(H->loop, 0);
    ev_timer_stop(H->loop, &keep);
    assert_int_equal(writer_outstanding(w), 0);
    writer_stats(w, batches, rows);
    writer_free(w);
}

static void test_group_commit(void **state)
{
    (void)state;
    unsigned long long batches, rows;
    run_all(1000, &batches, &rows);
    assert_int_equal(H->done, NJOBS);
    assert_int_equal(H->failed, 0);
    assert_int_equal(H->invisible, 0);       /* completed only after commit */
    assert_int_equal(rows, 600);             /* 100 jobs each of 1, 2, 3 events */
    assert_int_equal(batches, 1);            /* all 300 jobs queued: one group commit */
    /* ids are distinct and all stored */
    long long seen = 0;
    for (int j = 0; j < NJOBS; j++)
        for (size_t i = 0; i < H->jobs[j].n; i++)
            seen += H->ids[j][i];
    rs_stmt *st = db_stmt(H->reader, "SELECT count(DISTINCT id), sum(id) FROM logs", NULL);
    assert_int_equal(db_step(st), RS_STEP_ROW);
    assert_int_equal(db_col_int(st, 0), 600);
    assert_int_equal(db_col_int(st, 1), seen);
    db_reset(st);
    /* attacker rows follow the events */
    st = db_stmt(H->reader, "SELECT sum(event_count) FROM attackers", NULL);
    assert_int_equal(db_step(st), RS_STEP_ROW);
    assert_int_equal(db_col_int(st, 0), 600);
    db_reset(st);
}

static void test_max_rows_bounds_each_commit(void **state)
{
    (void)state;
    unsigned long long batches, rows;
    run_all(5, &batches, &rows);
    assert_int_equal(H->done, NJOBS);
    assert_int_equal(rows, 600);
    /* whole jobs, greedily, at most 5 rows: sizes 1,2,3,1,2,3,... give
     * [1,2] [3,1] [2,3] [1,2] ...: 3 commits per 2 rounds of (1,2,3) */
    unsigned long long want = 0;
    size_t in_batch = 0;
    for (int j = 0; j < NJOBS; j++) {
        size_t n = (size_t)(1 + j % 3);
        if (in_batch == 0 || in_batch + n > 5) {
            want++;
            in_batch = 0;
        }
        in_batch += n;
    }
    assert_int_equal(batches, want);
}

static void test_free_flushes_queue(void **state)
{
    (void)state;
    lb_err err;
    rs_writer *w = writer_new(H->loop, H->path, 1000, &err);
    for (int j = 0; j < NJOBS; j++)
        writer_submit(w, &H->jobs[j]);
    writer_free(w);                          /* without running the loop first */
    assert_int_equal(H->done, NJOBS);
    assert_int_equal(H->invisible, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_group_commit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_rows_bounds_each_commit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_free_flushes_queue, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
