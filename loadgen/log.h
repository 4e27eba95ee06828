/* log.h — Locust-style log lines on stderr:
 * "[2026-11-29 07:41:39,445] host/INFO/loadgen: message". */
#ifndef LG_LOG_H
#define LG_LOG_H
#include <stdbool.h>
#include "options.h"

/* Messages below `level` are dropped; with a logfile (Locust's --logfile)
 * lines are appended there instead of stderr. Call once before threads
 * start. -1 when the file cannot be opened. */
int log_init(lg_loglevel level, const char *logfile);
/* Close the log file, if any. */
void log_close(void);

/* True when a message of this level would be printed (skip costly work). */
bool log_enabled(lg_loglevel level);

/* Log one line (thread-safe: the line is written with a single call). */
void log_msg(lg_loglevel level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
