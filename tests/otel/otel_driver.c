/* otel_driver.c — a tiny program for the live tests: makes one small trace
 * through lbotel the way refserver will (a server span, database, cache and
 * bcrypt children, the bcrypt one on another thread) and frees the tracer,
 * which flushes it to $REFSERVER_OTEL_ENDPOINT or to --file.
 *
 * Prints the root span's traceparent on stdout so the test can check the
 * trace id and links. Exit 0 ok, 1 when an export failed, 2 bad usage. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "otel.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: otel-driver [--file PATH] [--traceparent TP] [--extra N]\n"
            "  --file PATH        append OTLP JSON lines to PATH (default: POST to\n"
            "                     $REFSERVER_OTEL_ENDPOINT, default " OTEL_DEFAULT_ENDPOINT ")\n"
            "  --traceparent TP   continue the trace of this W3C traceparent (default: new trace)\n"
            "  --extra N          add N more child spans under the root (default 0)\n"
            "Batching follows the OTEL_BSP_* variables.\n");
}

typedef struct bcrypt_job {
    otel_tracer *t;
    otel_span_ctx parent; /* handed across threads by value */
} bcrypt_job;

static void *bcrypt_thread(void *p)
{
    bcrypt_job *j = p;
    otel_span s;
    otel_span_start(j->t, &s, "bcrypt.verify", &j->parent, OTEL_KIND_INTERNAL);
    otel_span_set_int(&s, "bcrypt.cost", 12);
    otel_span_end(j->t, &s);
    return NULL;
}

int main(int argc, char **argv)
{
    otel_config cfg = {.service_name = "otel-driver"};
    const char *tp = NULL;
    long extra = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--file") == 0 && i + 1 < argc) {
            cfg.file_path = argv[++i];
        } else if (strcmp(argv[i], "--traceparent") == 0 && i + 1 < argc) {
            tp = argv[++i];
        } else if (strcmp(argv[i], "--extra") == 0 && i + 1 < argc) {
            char *end;
            extra = strtol(argv[++i], &end, 10);
            if (*end || extra < 0 || extra > 100000) {
                fprintf(stderr, "otel-driver: --extra %s: want 0..100000\n", argv[i]);
                return 2;
            }
        } else {
            fprintf(stderr, "otel-driver: unknown or incomplete option %s\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    lb_err err;
    otel_tracer *t = otel_tracer_new(&cfg, &err);
    if (!t) {
        fprintf(stderr, "otel-driver: %s\n", err.msg);
        return 2;
    }
    otel_span_ctx remote, *parent = NULL;
    if (tp && otel_traceparent_parse(tp, strlen(tp), &remote) == 0)
        parent = &remote;

    otel_span req;
    otel_span_start(t, &req, "POST /api/v1/auth/login", parent, OTEL_KIND_SERVER);
    otel_span_set_str(&req, "http.method", "POST");
    otel_span_set_str(&req, "http.route", "/api/v1/auth/login");

    otel_span db, stmt;
    otel_span_start(t, &db, "db.get_user_by_username", otel_span_context(&req), OTEL_KIND_CLIENT);
    otel_span_set_str(&db, "db.system", "sqlite");
    otel_span_start(t, &stmt, "db.step", otel_span_context(&db), OTEL_KIND_INTERNAL);
    otel_span_set_int(&stmt, "db.rows", 1);
    otel_span_end(t, &stmt);
    otel_span_end(t, &db);

    bcrypt_job job = {t, *otel_span_context(&req)};
    pthread_t th;
    if (pthread_create(&th, NULL, bcrypt_thread, &job) != 0) {
        fprintf(stderr, "otel-driver: cannot start a thread\n");
        otel_tracer_free(t);
        return 1;
    }
    pthread_join(th, NULL);

    otel_span cache;
    otel_span_start(t, &cache, "cache.refresh", otel_span_context(&req), OTEL_KIND_INTERNAL);
    otel_span_set_status(&cache, OTEL_STATUS_ERROR, "stale");
    otel_span_end(t, &cache);
    for (long i = 0; i < extra; i++) {
        otel_span x;
        otel_span_start(t, &x, "extra", otel_span_context(&req), OTEL_KIND_INTERNAL);
        otel_span_set_int(&x, "i", i);
        otel_span_end(t, &x);
    }
    otel_span_set_int(&req, "http.status_code", 200);
    char root_tp[OTEL_TRACEPARENT_LEN + 1];
    otel_traceparent_format(otel_span_context(&req), root_tp, sizeof root_tp);
    otel_span_end(t, &req);

    /* Flush first so the final counters can be reported; free flushes too. */
    int flushed = otel_tracer_flush(t, 30000);
    otel_stats st;
    otel_tracer_stats(t, &st);
    lb_err last;
    otel_tracer_last_error(t, &last);
    otel_tracer_free(t);
    printf("traceparent=%s\nspans=%ld\nexported=%llu\ndropped=%llu\n", root_tp, 5 + extra,
           (unsigned long long)st.exported, (unsigned long long)st.dropped);
    if (flushed < 0 || st.exported != (unsigned long long)(5 + extra)) {
        fprintf(stderr, "otel-driver: export incomplete%s%s\n", last.msg[0] ? ": " : "",
                last.msg);
        return 1;
    }
    return 0;
}
