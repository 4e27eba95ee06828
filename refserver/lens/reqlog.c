/* reqlog.c — per-request profile rows, buffered (see reqlog.h). */
#include "reqlog.h"
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "clock.h"

#define REQLOG_BUF (64 * 1024)   /* ~600 rows: one write(2) per fill or per second */

struct rs_reqlog {
    struct ev_loop *loop;
    ev_timer flush_w;
    int fd;
    size_t len;
    uint64_t rows, lost;
    int write_errno;              /* first write failure, 0 if none */
    char path[4096];
    char buf[REQLOG_BUF];
};

int reqlog_check(const rs_config *cfg, lb_err *err)
{
    const char *dir = cfg->profile_dir;
    if (!dir)
        return 0;
    if (mkdir(dir, 0755) && errno != EEXIST)
        return lb_err_set(err, "option --profile-requests: cannot create folder '%s': %s", dir,
                          strerror(errno));
    struct stat st;
    if (stat(dir, &st) || !S_ISDIR(st.st_mode))
        return lb_err_set(err, "option --profile-requests: '%s' is not a folder", dir);
    if (access(dir, W_OK | X_OK))
        return lb_err_set(err, "option --profile-requests: folder '%s' is not writable: %s",
                          dir, strerror(errno));
    return 0;
}

/* Write everything buffered; on failure count the rows lost and go on, so a
 * full disk costs profile rows, never requests. */
static void reqlog_flush(rs_reqlog *log)
{
    size_t off = 0;
    while (off < log->len) {
        ssize_t n = write(log->fd, log->buf + off, log->len - off);
        if (n > 0) {
            off += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (!log->write_errno)
            log->write_errno = n < 0 ? errno : EIO;
        /* the rows still in the buffer from off on are lost */
        for (size_t i = off; i < log->len; i++)
            log->lost += log->buf[i] == '\n';
        break;
    }
    log->len = 0;
}

static void on_flush_timer(struct ev_loop *loop, ev_timer *t, int revents)
{
    (void)loop;
    (void)revents;
    rs_reqlog *log = t->data;
    if (log->len)
        reqlog_flush(log);
}

rs_reqlog *reqlog_open(struct ev_loop *loop, const char *dir, lb_err *err)
{
    rs_reqlog *log = calloc(1, sizeof *log);
    if (!log) {
        lb_err_set(err, "--profile-requests: out of memory");
        return NULL;
    }
    int n = snprintf(log->path, sizeof log->path, "%s/requests-%ld.csv", dir, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof log->path) {
        lb_err_set(err, "--profile-requests: folder name too long: '%s'", dir);
        free(log);
        return NULL;
    }
    log->fd = open(log->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log->fd < 0) {
        lb_err_set(err, "--profile-requests: cannot create '%s': %s", log->path,
                   strerror(errno));
        free(log);
        return NULL;
    }
    memcpy(log->buf, REQLOG_HEADER "\n", sizeof REQLOG_HEADER);
    log->len = sizeof REQLOG_HEADER;   /* header + LF, no NUL */
    reqlog_flush(log);                 /* a worker that serves nothing leaves a valid file */
    log->loop = loop;
    ev_timer_init(&log->flush_w, on_flush_timer, 1.0, 1.0);
    log->flush_w.data = log;
    ev_timer_start(loop, &log->flush_w);
    ev_unref(loop);   /* the flush timer alone must not keep the loop running */
    return log;
}

/* Append s as one CSV field, quoted only when it must be (RFC 4180).
 * Hand-written because libcsv's csv_write always quotes, and the format
 * says fields are quoted only when needed. Returns bytes written or 0. */
static size_t put_field(char *buf, size_t cap, const char *s)
{
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    size_t o = 0;
    if (quote) {
        if (o + 1 >= cap)
            return 0;
        buf[o++] = '"';
    }
    for (const char *p = s; *p; p++) {
        if (o + 3 >= cap)
            return 0;
        if (*p == '"')
            buf[o++] = '"';
        buf[o++] = *p;
    }
    if (quote)
        buf[o++] = '"';
    return o;
}

static uint64_t us(uint64_t ns)
{
    return (ns + 500) / 1000;
}

size_t reqlog_format(char *buf, size_t cap, uint64_t unix_start_us, const char *method,
                     const char *route, int status, uint64_t total_ns, const rs_phase *ph)
{
    int n = snprintf(buf, cap, "%" PRIu64 ",", unix_start_us);
    if (n < 0 || (size_t)n >= cap)
        return 0;
    size_t o = (size_t)n, f;
    if (!(f = put_field(buf + o, cap - o, method)) || o + f + 1 >= cap)
        return 0;
    o += f;
    buf[o++] = ',';
    if (!(f = put_field(buf + o, cap - o, route)))
        return 0;
    o += f;
    n = snprintf(buf + o, cap - o,
                 ",%d,%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64
                 ",%" PRIu64 ",%" PRIu64 "\n",
                 status, us(total_ns), us(ph->parse_ns), us(ph->auth_ns), us(ph->cache_ns),
                 us(ph->db_ns), us(ph->bcrypt_ns), us(ph->serialize_ns), us(ph->write_ns));
    if (n < 0 || (size_t)n >= cap - o)
        return 0;
    return o + (size_t)n;
}

void reqlog_add(rs_reqlog *log, const char *method, const char *route, int status,
                uint64_t t_start, const rs_phase *phase)
{
    if (!log)
        return;
    uint64_t now = clock_mono_ns();
    uint64_t total = now > t_start ? now - t_start : 0;
    double wall_us = clock_wall() * 1e6 - (double)total / 1e3;
    char row[512];
    size_t n = reqlog_format(row, sizeof row, wall_us > 0 ? (uint64_t)wall_us : 0, method, route,
                             status, total, phase);
    if (!n) {
        log->rows++;
        log->lost++;   /* a route longer than a row: cannot happen with our patterns */
        return;
    }
    if (log->len + n > sizeof log->buf)
        reqlog_flush(log);
    memcpy(log->buf + log->len, row, n);
    log->len += n;
    log->rows++;
}

uint64_t reqlog_rows(const rs_reqlog *log)
{
    return log ? log->rows - log->lost : 0;
}

uint64_t reqlog_lost(const rs_reqlog *log)
{
    return log ? log->lost : 0;
}

int reqlog_close(rs_reqlog *log, lb_err *err)
{
    if (!log)
        return 0;
    reqlog_flush(log);
    ev_ref(log->loop);   /* balance the ev_unref before stopping the timer */
    ev_timer_stop(log->loop, &log->flush_w);
    int rc = 0;
    if (close(log->fd) && !log->write_errno)
        log->write_errno = errno;
    if (log->write_errno)
        rc = lb_err_set(err, "--profile-requests: writing '%s': %s (%" PRIu64 " rows lost)",
                        log->path, strerror(log->write_errno), log->lost);
    free(log);
    return rc;
}
