/* otel_sink_file.c — the file exporter: one OTLP JSON document per line.
 *
 * The file is opened O_APPEND and each batch is written with a single
 * write(2) of "json\n", so several refserver workers can share one trace
 * file without interleaving inside a line (appends to a regular file are
 * atomic with respect to the offset). */
#include "otel_internal.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct file_sink {
    otel_sink base;
    int fd;
    char *path;
} file_sink;

static int file_export(otel_sink *sink, const otel_resource *res, const otel_span *const *spans,
                       size_t n, long timeout_ms, lb_err *err)
{
    (void)timeout_ms; /* a local append has no network to wait for */
    file_sink *f = (file_sink *)sink;
    size_t len = 0;
    char *body = otel_json_encode(res, spans, n, &len, err);
    if (!body)
        return -1;
    /* The encoder's buffer holds len+1 bytes: the NUL becomes the newline. */
    body[len] = '\n';
    size_t total = len + 1, done = 0;
    int rc = 0;
    while (done < total) {
        ssize_t w = write(f->fd, body + done, total - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            rc = lb_err_set(err, "otel: writing %s: %s", f->path,
                            w < 0 ? strerror(errno) : "short write");
            break;
        }
        done += (size_t)w;
    }
    free(body);
    return rc;
}

static void file_destroy(otel_sink *sink)
{
    file_sink *f = (file_sink *)sink;
    close(f->fd);
    free(f->path);
    free(f);
}

otel_sink *otel_sink_file_new(const char *path, lb_err *err)
{
    file_sink *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        lb_err_set(err, "otel: out of memory");
        return NULL;
    }
    f->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (f->fd < 0) {
        lb_err_set(err, "otel: cannot open trace file %s: %s", path, strerror(errno));
        free(f->path);
        free(f);
        return NULL;
    }
    f->base.export_spans = file_export;
    f->base.destroy = file_destroy;
    return &f->base;
}
