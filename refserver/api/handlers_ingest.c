/* handlers_ingest.c — POST /api/v1/logs: the honeypot's write path (decnet-api.md §3, §7).
 *
 * One event object or an array of them; 201 {"stored":n,"ids":[...]} only
 * after the rows are committed, in each --db-mode:
 *   naive   — a fresh connection per request, one transaction per event;
 *   pooled  — the worker's connection, one transaction per request, on the loop;
 *   batched — handed to the worker's writer thread, acknowledged after the
 *             group commit that contains it. */
#include <stdlib.h>
#include "clock.h"
#include "handlers.h"
#include "hutil.h"
#include "reply.h"
#include "store/writer.h"

#define INGEST_MAX_EVENTS 10000

typedef struct ingest {
    rs_write_job job;
    rs_ctx *ctx;
    uint64_t t0;
} ingest;

static void free_events(rs_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++)
        event_free(&ev[i]);
    free(ev);
}

static int reply_ids(rs_ctx *ctx, const long long *ids, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_integer(ids[i]));
    return hx_json(ctx, 201, json_pack("{s:I,s:o}", "stored", (json_int_t)n, "ids", arr), -1);
}

/* Parse the body into events. 0, or -1 with a 400/413/422 reply. */
static int parse_events(rs_ctx *ctx, rs_event **out, size_t *nout)
{
    json_error_t jerr;
    json_t *v = json_loadb(ctx->req->body.data, ctx->req->body.len, 0, &jerr);
    if (!v) {
        reply_invalid(ctx->rep, ctx->w->cfg->developer, "json_invalid", "body", "0",
                        "JSON decode error", NULL, "error", json_string(jerr.text));
        return -1;
    }
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    if (n == 0 || n > INGEST_MAX_EVENTS) {
        json_decref(v);
        return reply_detail(ctx->rep, n ? 413 : 400, n ? "Too many events in one request "
                              "(max 10000)" : "Empty event list"), -1;
    }
    rs_event *ev = calloc(n, sizeof *ev);
    if (!ev) {
        json_decref(v);
        return ctx_fail(ctx, NULL), -1;
    }
    for (size_t i = 0; i < n; i++) {
        lb_err err;
        const json_t *one = json_is_array(v) ? json_array_get(v, i) : v;
        int rc = event_from_json(one, &ev[i], &err);
        if (rc == EVENT_BAD_VALUE)  /* pydantic's datetime parsing error: a 422 */
            reply_invalid(ctx->rep, ctx->w->cfg->developer, "datetime_from_date_parsing", "body",
                          "timestamp", err.msg,
                          json_string_value(json_object_get(one, "timestamp")), NULL, NULL);
        else if (rc)
            reply_bad_schema(ctx->rep);
        if (rc) {
            free_events(ev, i);
            json_decref(v);
            return -1;
        }
    }
    json_decref(v);
    *out = ev;
    *nout = n;
    return 0;
}

/* COMMIT when rc is 0, else (or when COMMIT fails) ROLLBACK. 0 or -1. */
static int finish(rs_db *db, int rc, lb_err *err)
{
    if (rc || db_commit(db, err)) {
        db_rollback(db);
        return -1;
    }
    return 0;
}

/* pooled: the inserts and the attackers' profiles in one transaction;
 * naive: a transaction per event, the profiles in the last one. */
static int store_now(rs_db *db, rs_event *ev, size_t n, long long *ids, bool per_event,
                     lb_err *err)
{
    size_t i = 0;
    int attempt = 1;
    while (i < n) {
        size_t start = i, end = per_event ? i + 1 : n;
        int rc = db_begin(db, err);
        for (; i < end && !rc; i++)
            rc = event_store(db, &ev[i], &ids[i], err);
        if (!rc && i == n)
            rc = event_profile(db, ev, n, err);
        if (finish(db, rc, err)) {
            /* MariaDB rolled it back to break a deadlock: run it again */
            if (err->code != RS_DB_RETRY || attempt++ == DB_WRITE_ATTEMPTS)
                return -1;
            i = start;
        }
    }
    return 0;
}

static void batched_done(rs_write_job *job)
{
    ingest *in = job->arg;
    rs_ctx *ctx = in->ctx;
    ctx->req->phase.db_ns += clock_mono_ns() - in->t0;
    if (!ctx_gone(ctx)) {
        if (job->status == 0)
            reply_ids(ctx, job->ids, job->n);
        else
            ctx_fail(ctx, &job->err);
    }
    free_events(job->events, job->n);
    free(job->ids);
    free(in);
    ctx_async_done(ctx);
}

int handle_ingest(rs_ctx *ctx)
{
    rs_event *ev;
    size_t n;
    if (parse_events(ctx, &ev, &n))
        return RS_DONE;
    long long *ids = calloc(n, sizeof *ids);
    if (!ids) {
        free_events(ev, n);
        return ctx_fail(ctx, NULL);
    }
    rs_worker *w = ctx->w;
    if (w->writer) {
        ingest *in = calloc(1, sizeof *in);
        if (in) {
            in->ctx = ctx;
            in->t0 = clock_mono_ns();
            in->job.events = ev;
            in->job.n = n;
            in->job.ids = ids;
            in->job.done = batched_done;
            in->job.arg = in;
            if (writer_submit(w->writer, &in->job) == 0)
                return RS_ASYNC;
            free(in);
        }
        free_events(ev, n);
        free(ids);
        reply_detail(ctx->rep, 503, "Writer unavailable");
        return RS_DONE;
    }
    rs_db *db = ctx_db_acquire(ctx);
    int rc = RS_DONE;
    if (db) {
        lb_err err;
        int src = store_now(db, ev, n, ids, w->cfg->db_mode == RS_DB_NAIVE, &err);
        ctx_db_release(ctx, db);
        rc = src ? ctx_fail(ctx, &err) : reply_ids(ctx, ids, n);
    }
    free_events(ev, n);
    free(ids);
    return rc;
}
