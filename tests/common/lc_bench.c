/* lc_bench.c — helper for tests/bench/common.sh (not a test: prints figures).
 *
 *   lc_bench record N        ns per stats_set_record vs a bare counter increment
 *   lc_bench lookup N        ns per stats_set_entry / failure-table lookup of a known key
 *   lc_bench entries         memory held by 1001 per-offset entries
 *   lc_bench merge           one reporter fold: merge + reset of a 1001-entry thread set
 *   lc_bench gen PATH N      write an N-row _stats_history.csv (Locust layout)
 *   lc_bench read PATH       stream it with lc_read_stream: rows, seconds, peak RSS */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <sys/resource.h>
#include "clock.h"
#include "locust_csv.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int bench_record(long n)
{
    /* Pre-draw inputs so both loops pay the same for them. */
    double *rt = malloc((size_t)n * sizeof *rt);
    int *which = malloc((size_t)n * sizeof *which);
    for (long i = 0; i < n; i++) {
        rt[i] = 0.2 + (double)(next_rand() % 400000) / 100.0;   /* 0.2 .. 4000 ms */
        which[i] = (int)(next_rand() % 10);
    }
    for (int snaps = 0; snaps <= 1; snaps++) {
        stats_set *s = stats_set_new(1700000000.0, snaps);
        stats_entry *e[10];
        char name[32];
        for (int k = 0; k < 10; k++) {
            snprintf(name, sizeof name, "/api/v1/thing/%d", k);
            e[k] = stats_set_entry(s, "GET", name);
        }
        /* 100k requests per simulated second, like a busy loadgen thread */
        uint64_t t0 = clock_mono_ns();
        for (long i = 0; i < n; i++)
            stats_set_record(s, e[which[i]], 1700000000.0 + (double)i * 1e-5, rt[i], 512,
                             (i & 1023) == 0, "HTTPError('503')");
        uint64_t t1 = clock_mono_ns();
        volatile uint64_t counter[10] = {0};
        uint64_t t2 = clock_mono_ns();
        for (long i = 0; i < n; i++)
            counter[which[i]] += (uint64_t)rt[i];
        uint64_t t3 = clock_mono_ns();
        double rec = (double)(t1 - t0) / (double)n, bare = (double)(t3 - t2) / (double)n;
        printf("record%s: %.1f ns/request, bare counter: %.2f ns/increment, ratio %.1fx "
               "(%ld requests, 10 entries)\n", snaps ? " (snapshots on)" : "", rec, bare,
               rec / bare, n);
        stats_set_free(s);
    }
    free(rt);
    free(which);
    return 0;
}

/* The two hash lookups: an entry by (method, name) among 1001 (loadgen
 * looks one up per request when a name is built per request), and a failure
 * among 16 distinct errors (every failed request counts one). */
static int bench_lookup(long n)
{
    enum { NAMES = 1001, ERRORS = 16 };
    stats_set *s = stats_set_new(1700000000.0, false);
    char (*names)[64] = malloc(NAMES * sizeof *names);
    char errors[ERRORS][32];
    int *which = malloc((size_t)n * sizeof *which);
    if (!s || !names || !which)
        return 2;
    for (int i = 0; i < NAMES; i++) {
        snprintf(names[i], sizeof names[i], "/api/v1/logs?limit=100&offset=%d", i);
        stats_set_entry(s, "GET", names[i]);
    }
    for (int i = 0; i < ERRORS; i++)
        snprintf(errors[i], sizeof errors[i], "HTTPError('%d')", 500 + i);
    for (long i = 0; i < n; i++)
        which[i] = (int)(next_rand() % NAMES);
    volatile uintptr_t sink = 0;
    uint64_t t0 = clock_mono_ns();
    for (long i = 0; i < n; i++)
        sink += (uintptr_t)stats_set_entry(s, "GET", names[which[i]]);
    uint64_t t1 = clock_mono_ns();
    /* a failure with no response time touches little besides the table */
    stats_entry *e = stats_set_entry(s, "GET", names[0]);
    for (int i = 0; i < ERRORS; i++)
        stats_set_record(s, e, 1700000000.0, -1, 0, true, errors[i]);
    uint64_t t2 = clock_mono_ns();
    for (long i = 0; i < n; i++)
        stats_set_record(s, e, 1700000000.0, -1, 0, true, errors[which[i] % ERRORS]);
    uint64_t t3 = clock_mono_ns();
    printf("lookup: stats_set_entry %.1f ns (1001 entries), failed record %.1f ns "
           "(16 errors), %ld lookups each\n", (double)(t1 - t0) / (double)n,
           (double)(t3 - t2) / (double)n, n);
    (void)sink;
    stats_set_free(s);
    free(names);
    free(which);
    return 0;
}

static int bench_entries(void)
{
    for (int snaps = 0; snaps <= 1; snaps++) {
        size_t before = mallinfo2().uordblks;
        stats_set *s = stats_set_new(1700000000.0, snaps);
        char name[64];
        size_t hdr_bytes = 0;
        for (int i = 0; i < 1001; i++) {
            snprintf(name, sizeof name, "/api/v1/logs?limit=100&offset=%d", i);
            stats_entry *e = stats_set_entry(s, "GET", name);
            for (int j = 0; j < 20; j++)   /* one request of 1-10 ms per second for 20 s */
                stats_set_record(s, e, 1700000000.5 + j,
                                 1.0 + (double)(next_rand() % 9000) / 1000.0, 100, false, NULL);
            hdr_bytes += hdr_memory(e->precise);
        }
        size_t heap = mallinfo2().uordblks - before;
        printf("1001 entries x 20 requests (1-10 ms, one per second)%s: heap %.1f KiB per entry "
               "(of which precise histogram %.1f KiB)\n", snaps ? ", snapshots on" : "",
               (double)heap / 1001 / 1024, (double)hdr_bytes / 1001 / 1024);
        stats_set_free(s);
    }
    return 0;
}

static int bench_merge(void)
{
    stats_set *thread = stats_set_new(1700000000.0, false);
    stats_set *shared = stats_set_new(1700000000.0, true);
    stats_entry *e[1001];
    char name[64];
    for (int i = 0; i < 1001; i++) {
        snprintf(name, sizeof name, "/api/v1/logs?limit=100&offset=%d", i);
        e[i] = stats_set_entry(thread, "GET", name);
    }
    double now = 1700000000.0, total = 0, first = 0;
    int rounds = 60, warm = 40;   /* report the steady state after chunks exist */
    for (int r = 0; r < rounds; r++) {
        for (int j = 0; j < 20000; j++) {   /* 20k requests per 1-s tick */
            now += 5e-5;
            stats_set_record(thread, e[next_rand() % 1001], now,
                             1.0 + (double)(next_rand() % 900000) / 1000.0, 100, false, NULL);
        }
        double t0 = clock_mono();
        stats_set_merge(shared, thread);
        stats_set_reset(thread, now);
        if (r == 0)
            first = clock_mono() - t0;
        if (r >= warm)
            total += clock_mono() - t0;
    }
    printf("merge + reset of a 1001-entry thread set (20k requests/tick, snapshots on in the "
           "shared set): first tick %.2f ms, steady state %.2f ms per tick\n", first * 1e3,
           total / (rounds - warm) * 1e3);
    stats_set_free(thread);
    stats_set_free(shared);
    return 0;
}

static int bench_gen(const char *path, long n)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 2;
    }
    fprintf(f, "%s\r\n", LC_HISTORY_HEADER);
    for (long i = 0; i < n; i++)
        fprintf(f, "%ld,1500,,Aggregated,%ld.%06ld,0.000000,690,1100,1500,1800,3600,6500,8500,"
                   "9500,14000,20000,24000,%ld,0,690.0,1773.5147215432,0.412,24410.2,3317.24\r\n",
                1700000000 + i, 800 + i % 200, (i * 7919) % 1000000, 1000 + i * 900);
    return fclose(f) == 0 ? 0 : 2;
}

typedef struct { long rows; double sum; } acc;
static int add_row(void *vc, const lc_row *r, lb_err *err)
{
    acc *a = vc;
    (void)err;
    a->rows++;
    a->sum += r->rps;
    return 0;
}

static int bench_read(const char *path)
{
    acc a = {0, 0};
    lb_err err = {0};
    lc_layout layout;
    double t0 = clock_mono();
    if (lc_read_stream(path, &layout, add_row, &a, &err) < 0) {
        fprintf(stderr, "lc_bench: %s\n", err.msg);
        return 2;
    }
    double t = clock_mono() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("read %s: %ld rows (%s) in %.3f s, %.0f rows/s, peak RSS %ld KiB\n", path, a.rows,
           lc_layout_name(layout), t, (double)a.rows / t, ru.ru_maxrss);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "--help")) {
        printf("usage: lc_bench record N | lookup N | entries | merge | gen PATH N | read PATH\n"
               "  record N    ns per stats_set_record over N requests vs a bare counter\n"
               "  lookup N    ns per entry lookup and per failed-request record, N each\n"
               "  entries     memory of 1001 entries with 20 requests each\n"
               "  merge       one reporter fold (merge + reset) of a 1001-entry set\n"
               "  gen PATH N  write an N-row _stats_history.csv\n"
               "  read PATH   stream PATH with lc_read_stream: rows, seconds, peak RSS\n"
               "No options. Exit 0 ok, 2 bad usage or input.\n");
        return 0;
    }
    if (argc >= 3 && !strcmp(argv[1], "record"))
        return bench_record(atol(argv[2]));
    if (argc >= 3 && !strcmp(argv[1], "lookup"))
        return bench_lookup(atol(argv[2]));
    if (argc >= 2 && !strcmp(argv[1], "entries"))
        return bench_entries();
    if (argc >= 2 && !strcmp(argv[1], "merge"))
        return bench_merge();
    if (argc >= 4 && !strcmp(argv[1], "gen"))
        return bench_gen(argv[2], atol(argv[3]));
    if (argc >= 3 && !strcmp(argv[1], "read"))
        return bench_read(argv[2]);
    fprintf(stderr, "usage: lc_bench record N | lookup N | entries | merge | gen PATH N | read PATH\n");
    return 2;
}
