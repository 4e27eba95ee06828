/* readfile.c — see readfile.h. */
#include "readfile.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *lb_read_file(const char *path, const char *what, size_t *len, lb_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        lb_err_set(err, "%s: cannot open %s: %s", path, what, strerror(errno));
        return NULL;
    }
    size_t n = 0, cap = 8192, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *nb = cap <= ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int failed = buf && ferror(f);
    fclose(f);
    if (!buf) {
        lb_err_set(err, "%s: out of memory", path);
        return NULL;
    }
    if (failed) {
        free(buf);
        lb_err_set(err, "%s: read error", path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
