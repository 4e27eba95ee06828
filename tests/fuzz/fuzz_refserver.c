/* fuzz_refserver.c — libFuzzer target: raw bytes through refserver's
 * request path, in process: http-parser, limits, router, authz, handlers
 * and their JSON bodies, over a socketpair into one worker's state
 * (worker_state_init) on a temporary SQLite database seeded with a small
 * default dataset.
 *
 * Each input is one client connection: the bytes are written, the loop runs
 * until the server has nothing left to do with them (every request
 * answered, pool and writer idle), then the client half-closes and the loop
 * runs until the connection is gone. "@TOKEN@" in an input is replaced by a
 * valid admin token first, so the seeds (tests/fuzz/corpus/refserver/)
 * reach the authenticated handlers.
 *
 * Besides the sanitizers, one property is checked: no reply is a 500
 * (every bad request is a 4xx, RELIABILITY.md). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "api/admin.h"
#include "api/auth.h"
#include "http/conn.h"
#include "http/conn_priv.h"
#include "options.h"
#include "store/dataset.h"
#include "store/writer.h"
#include "worker.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rs_config cfg;
static rs_worker w;
static char dir[64];
static char token[1024];

/* The database and its WAL/journal files, then the folder. */
static void cleanup(void)
{
    worker_state_fini(&w, 0);
    static const char *const files[] = {"fuzz.db", "fuzz.db-wal", "fuzz.db-shm",
                                        "fuzz.db-journal"};
    char path[128];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "fuzz_refserver: %s: %s\n", what, msg);
    exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    signal(SIGPIPE, SIG_IGN);
    snprintf(dir, sizeof dir, "/tmp/lbfuzz-rs-XXXXXX");
    if (!mkdtemp(dir))
        die("mkdtemp", strerror(errno));
    static char dbpath[128];
    snprintf(dbpath, sizeof dbpath, "%s/fuzz.db", dir);
    setenv("REFSERVER_JWT_SECRET", "fuzz-secret-fuzz-secret-fuzz-secret-0123", 1);
    setenv("REFSERVER_ADMIN_PASSWORD", "fuzz-admin-password", 1);
    /* small data, cheap bcrypt, no login throttle: inputs should reach the
     * handlers, not the 429 */
    char *args[] = {"refserver", "--db", dbpath, "--workers", "1", "--bcrypt-cost", "4",
                    "--dataset-logs", "200", "--dataset-attackers", "20",
                    "--dataset-bounty", "20", "--pool-threads", "2",
                    "--login-limit", "off", "--quiet", NULL};
    lb_err err;
    if (options_parse(&cfg, (int)(sizeof args / sizeof args[0]) - 1, args, stdout, &err))
        die("options", err.msg);
    rs_db *db = dataset_open(&cfg, false, &err);
    if (!db || admin_bootstrap(db, &cfg, false, &err))
        die("dataset", err.msg);
    db_close(db);
    if (worker_state_init(&w, &cfg, 0) < 0)
        die("worker", "cannot start");
    char uuid[37];
    dataset_admin_uuid(cfg.seed, uuid);
    if (auth_jwt_issue(cfg.jwt_secret, uuid, time(NULL), 30 * 24 * 3600, token, sizeof token,
                       &err))
        die("token", err.msg);
    atexit(cleanup);
    return 0;
}

/* The input with every "@TOKEN@" replaced by the admin token. */
static char *with_token(const uint8_t *data, size_t size, size_t *out_len)
{
    static const char mark[] = "@TOKEN@";
    size_t tl = strlen(token), ml = sizeof mark - 1, n = 0;
    for (size_t i = 0; i + ml <= size; i++)
        if (!memcmp(data + i, mark, ml))
            n++;
    char *out = malloc(size + n * tl + 1);
    if (!out)
        abort();
    size_t o = 0;
    for (size_t i = 0; i < size;) {
        if (i + ml <= size && !memcmp(data + i, mark, ml)) {
            memcpy(out + o, token, tl);
            o += tl;
            i += ml;
        } else {
            out[o++] = (char)data[i++];
        }
    }
    *out_len = o;
    return out;
}

/* Read what the server sent so far into reply (kept for the 500 check). */
static size_t drain(int fd, lb_buf *reply)
{
    char buf[65536];
    size_t total = 0;
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        /* enough to find the status lines; a huge reply is not kept whole */
        if (reply->len < (1u << 22) && lb_buf_append(reply, buf, (size_t)n))
            abort();
        total += (size_t)n;
    }
    return total;
}

/* Nothing left for the server to do with what the client sent: no
 * connection, a stream (it ends when the client leaves), or no handler at
 * work and no parsable input waiting. */
static bool quiet(void)
{
    if (w.conns.n == 0)
        return true;
    rs_conn *c = lb_container_of(w.conns.head, rs_conn, node);
    if (c->streaming)
        return true;
    if (pool_outstanding(w.pool) || writer_outstanding(w.writer) || c->state == C_BUSY)
        return false;
    return !lb_buf_pending(&c->in) || c->reading_stopped || c->closing ||
           c->state == C_READING;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv))
        abort();
    size_t len;
    char *in = with_token(data, size, &len);
    conn_accept(&w, sv[0]);
    lb_buf reply = {0};
    size_t off = 0;
    bool closed = false;
    for (long round = 0; w.conns.n > 0; round++) {
        if (round > 200000) {
            fprintf(stderr, "fuzz_refserver: the connection never finished\n");
            abort();
        }
        if (off < len) {
            ssize_t n = write(sv[1], in + off, len - off);
            if (n > 0)
                off += (size_t)n;
        }
        /* block only while a pool or writer job is out: its completion
         * wakes the loop; otherwise poll */
        bool waiting = pool_outstanding(w.pool) || writer_outstanding(w.writer);
        ev_run(w.loop, waiting ? EVRUN_ONCE : EVRUN_NOWAIT);
        size_t got = drain(sv[1], &reply);
        if (!closed && off == len && got == 0 && !waiting && quiet()) {
            shutdown(sv[1], SHUT_WR);
            closed = true;
        }
    }
    drain(sv[1], &reply);
    close(sv[1]);
    free(in);
    if (lb_buf_puts(&reply, ""))
        abort();
    if (getenv("FUZZ_REFSERVER_SHOW"))   /* to check what the seeds reach */
        for (const char *p = reply.data; p && (p = strstr(p, "HTTP/1.1 ")); p += 9)
            fprintf(stderr, "fuzz_refserver: reply %.3s\n", p + 9);
    /* a status line can only start a reply: look at the line starts */
    for (const char *p = reply.data; p && (p = strstr(p, "HTTP/1.1 5")); p += 10) {
        if (!strncmp(p, "HTTP/1.1 500", 12)) {
            fprintf(stderr, "fuzz_refserver: the server answered 500:\n%.300s\n", p);
            abort();
        }
    }
    lb_buf_free(&reply);
    return 0;
}
