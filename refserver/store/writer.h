/* writer.h — the batched mode's single writer: one thread per worker that
 * group-commits ingest jobs.
 *
 * Jobs queue from the loop; the writer thread takes everything queued (up to
 * max_rows events), inserts it in one transaction, commits, and only then
 * hands the jobs back to the loop (ev_async), so a request is acknowledged
 * after its rows are durable. While one batch commits, the next one
 * accumulates: that is the group commit. A thread rather than a separate
 * writer process: the jobs and their completions stay in one address space
 * with no IPC framing, and SQLite's file lock already serialises writers of
 * different workers. */
#ifndef RS_WRITER_H
#define RS_WRITER_H
#include <ev.h>
#include <stdbool.h>
#include <stddef.h>
#include "event.h"
#include "lberr.h"

typedef struct rs_write_job {
    rs_event *events;        /* owned by the submitter */
    size_t n;
    long long *ids;          /* n slots, filled by the writer */
    int status;              /* 0 committed, -1 failed (err says why) */
    lb_err err;
    void (*done)(struct rs_write_job *job);   /* on the loop thread */
    void *arg;
    struct rs_write_job *next;
} rs_write_job;

typedef struct rs_writer rs_writer;

/* Open a connection to db_path (WAL, synchronous=NORMAL) and start the
 * thread. NULL + err on failure. */
rs_writer *writer_new(struct ev_loop *loop, const char *db_path, int max_rows, lb_err *err);
/* Queue job; its done callback runs on the loop after commit (or failure).
 * 0, or -1 when the writer is stopping. */
int writer_submit(rs_writer *w, rs_write_job *job);
/* While held, the writer starts no new batch (jobs keep queuing); releasing
 * lets it take everything queued at once. Tests use it to make group
 * commits deterministic. Stopping the writer ignores the hold. */
void writer_hold(rs_writer *w, bool held);
/* Jobs submitted whose done has not run yet. Loop thread only. */
size_t writer_outstanding(const rs_writer *w);
/* Commits done so far and rows they held (for tests and /health). */
void writer_stats(rs_writer *w, unsigned long long *batches, unsigned long long *rows);
/* Commit everything queued, deliver every completion, stop and free.
 * Loop thread only; NULL is a no-op. */
void writer_free(rs_writer *w);

#endif
