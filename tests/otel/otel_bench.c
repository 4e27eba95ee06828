/* otel_bench.c — what a span costs: the same request-shaped work (a server
 * span, two children, four attributes) with tracing off (NULL tracer) and
 * on (file exporter to /dev/null, SDK batch defaults), side by side in one
 * run. Reports caller-side ns per span, process CPU per span (the exporter
 * thread's encoding included), and how many spans a full queue dropped.
 *
 * Two producer paces: flat out (the queue overflows by design when spans
 * come faster than the exporter encodes them) and paced at --rate spans/s
 * (a server's realistic load, where nothing should drop). Last, the
 * exporter's JSON encoding alone, per span. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "otel_internal.h"

typedef struct result {
    double caller_ns_per_span;
    double cpu_ns_per_span;
    otel_stats st;
} result;

/* One "request": 3 spans. */
static void request(otel_tracer *t, long i)
{
    otel_span req, db, bc;
    otel_span_start(t, &req, "GET /api/v1/logs", NULL, OTEL_KIND_SERVER);
    otel_span_set_str(&req, "http.method", "GET");
    otel_span_set_str(&req, "http.route", "/api/v1/logs");
    otel_span_start(t, &db, "db.query", otel_span_context(&req), OTEL_KIND_CLIENT);
    otel_span_set_int(&db, "db.rows", i & 63);
    otel_span_end(t, &db);
    otel_span_start(t, &bc, "cache.lookup", otel_span_context(&req), OTEL_KIND_INTERNAL);
    otel_span_end(t, &bc);
    otel_span_set_int(&req, "http.status_code", 200);
    otel_span_end(t, &req);
}

/* Run `reqs` requests; rate > 0 paces them at rate spans/s in 1 ms steps. */
static int run(int on, long reqs, long rate, result *r)
{
    otel_tracer *t = NULL;
    if (on) {
        otel_config cfg = {.file_path = "/dev/null"};
        lb_err err;
        t = otel_tracer_new(&cfg, &err);
        if (!t) {
            fprintf(stderr, "otel-bench: %s\n", err.msg);
            return -1;
        }
    }
    double cpu0 = clock_process_cpu();
    uint64_t busy = 0, start = clock_mono_ns();
    long per_ms = rate > 0 ? (rate / 3 + 999) / 1000 : reqs;
    for (long done = 0; done < reqs;) {
        long n = reqs - done < per_ms ? reqs - done : per_ms;
        uint64_t a = clock_mono_ns();
        for (long i = 0; i < n; i++)
            request(t, done + i);
        busy += clock_mono_ns() - a;
        done += n;
        if (rate > 0) { /* sleep to the next millisecond step */
            uint64_t next = start + (uint64_t)(done / per_ms) * 1000000ull;
            uint64_t now = clock_mono_ns();
            if (next > now) {
                struct timespec ts = {0, (long)(next - now)};
                nanosleep(&ts, NULL);
            }
        }
    }
    otel_tracer_flush(t, 60000);
    otel_tracer_stats(t, &r->st);
    otel_tracer_free(t);
    double spans = 3.0 * (double)reqs;
    r->caller_ns_per_span = (double)busy / spans;
    r->cpu_ns_per_span = (clock_process_cpu() - cpu0) * 1e9 / spans;
    return 0;
}

/* The exporter's encoding alone: ns per span to turn 512-span batches of
 * request-shaped spans into OTLP JSON. */
static double encode_ns_per_span(void)
{
    enum { N = 512, ROUNDS = 200 };
    static otel_span spans[N];
    static const otel_span *ptrs[N];
    for (int i = 0; i < N; i++) {
        ptrs[i] = &spans[i];
        memset(&spans[i], 0, sizeof spans[i]);
        snprintf(spans[i].name, sizeof spans[i].name, "GET /api/v1/logs");
        spans[i].ctx.valid = 1;
        spans[i].has_parent = i % 3 != 0;
        spans[i].start_unix_ns = 1770000000000000000ull + (uint64_t)i;
        spans[i].end_unix_ns = spans[i].start_unix_ns + 123456;
        spans[i].n_attrs = 3;
        snprintf(spans[i].attrs[0].key, OTEL_ATTR_KEY_MAX, "http.method");
        snprintf(spans[i].attrs[0].sval, OTEL_ATTR_STR_MAX, "GET");
        snprintf(spans[i].attrs[1].key, OTEL_ATTR_KEY_MAX, "http.route");
        snprintf(spans[i].attrs[1].sval, OTEL_ATTR_STR_MAX, "/api/v1/logs");
        snprintf(spans[i].attrs[2].key, OTEL_ATTR_KEY_MAX, "http.status_code");
        spans[i].attrs[2].type = OTEL_ATTR_INT;
        spans[i].attrs[2].ival = 200;
    }
    otel_resource res = {"refserver", "0.1.0", "loadbench.refserver", "0.1.0"};
    lb_err err;
    double c0 = clock_process_cpu();
    for (int r = 0; r < ROUNDS; r++) {
        char *body = otel_json_encode(&res, ptrs, N, NULL, &err);
        if (!body)
            return -1;
        free(body);
    }
    return (clock_process_cpu() - c0) * 1e9 / (N * ROUNDS);
}

int main(int argc, char **argv)
{
    long reqs = 100000, rate = 30000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: otel-bench [--requests N] [--rate SPANS_PER_S]\n"
                   "  --requests N   requests per run, 3 spans each (default 100000)\n"
                   "  --rate R       spans/s of the paced runs (default 30000)\n");
            return 0;
        } else if (strcmp(argv[i], "--requests") == 0 && i + 1 < argc) {
            reqs = strtol(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--rate") == 0 && i + 1 < argc) {
            rate = strtol(argv[++i], NULL, 10);
        } else {
            fprintf(stderr, "otel-bench: unknown option %s (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (reqs <= 0 || rate <= 0) {
        fprintf(stderr, "otel-bench: --requests and --rate must be positive\n");
        return 2;
    }
    printf("%-22s %12s %12s %10s %10s\n", "run", "caller ns/sp", "cpu ns/sp", "exported",
           "dropped");
    struct { const char *name; int on; long rate; } runs[] = {
        {"off, flat out", 0, 0}, {"on, flat out", 1, 0},
        {"off, paced", 0, rate}, {"on, paced", 1, rate}};
    result res[4];
    for (int k = 0; k < 4; k++) {
        long n = runs[k].rate ? (rate / 3) * 2 : reqs; /* paced runs last ~2 s */
        if (run(runs[k].on, n, runs[k].rate, &res[k]) < 0)
            return 1;
        printf("%-22s %12.1f %12.1f %10llu %10llu\n", runs[k].name, res[k].caller_ns_per_span,
               res[k].cpu_ns_per_span, (unsigned long long)res[k].st.exported,
               (unsigned long long)res[k].st.dropped);
    }
    printf("ratio on/off, flat out: caller %.1fx, cpu %.1fx\n",
           res[1].caller_ns_per_span / res[0].caller_ns_per_span,
           res[1].cpu_ns_per_span / res[0].cpu_ns_per_span);
    printf("ratio on/off, paced at %ld spans/s: caller %.1fx\n", rate,
           res[3].caller_ns_per_span / res[2].caller_ns_per_span);
    printf("exporter encoding alone: %.0f ns/span (512-span batches, 3 attributes)\n",
           encode_ns_per_span());
    return 0;
}
