/* log.c — Locust's log line format (locust-format.md §4.1), everything on stderr. */
#include "log.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static lg_loglevel min_level = LG_INFO;
static char hostname[128] = "localhost";
static FILE *out; /* --logfile, else NULL: stderr */

int log_init(lg_loglevel level, const char *logfile)
{
    min_level = level;
    if (logfile && !(out = fopen(logfile, "a")))
        return -1;
    if (out)
        setvbuf(out, NULL, _IOLBF, 0); /* a line at a time, as stderr */
    if (gethostname(hostname, sizeof hostname) != 0)
        strcpy(hostname, "localhost");
    hostname[sizeof hostname - 1] = '\0';
    return 0;
}

void log_close(void)
{
    if (out)
        fclose(out);
    out = NULL;
}

bool log_enabled(lg_loglevel level)
{
    return level >= min_level;
}

void log_msg(lg_loglevel level, const char *fmt, ...)
{
    if (level < min_level)
        return;
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    char line[2048];
    size_t n = strftime(line, sizeof line, "[%Y-%m-%d %H:%M:%S", &tm);
    n += (size_t)snprintf(line + n, sizeof line - n, ",%03ld] %s/%s/loadgen: ",
                          (long)(tv.tv_usec / 1000), hostname, options_loglevel_name(level));
    if (n < sizeof line) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(line + n, sizeof line - n, fmt, ap);
        va_end(ap);
    }
    fprintf(out ? out : stderr, "%s\n", line);
}
