/* reqlog.h — the per-request profiling lens (--profile-requests DIR): one
 * CSV row per finished request with its phase timings, in the format of
 * docs/analyze.md "Per-request profiles", which `analyze profile DIR` reads.
 *
 * Each worker process owns one rs_reqlog writing DIR/requests-<pid>.csv.
 * Rows go into a memory buffer; the buffer is written when it fills, on a
 * one-second libev timer and at close, so the loop never makes a write(2)
 * per request. */
#ifndef RS_REQLOG_H
#define RS_REQLOG_H
#include <ev.h>
#include <stdint.h>
#include "config.h"
#include "lberr.h"
#include "phase.h"

typedef struct rs_reqlog rs_reqlog;

/* The exact first line of every file (without the LF). */
#define REQLOG_HEADER \
    "timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us," \
    "serialize_us,write_us"

/* In the master, once: when cfg->profile_dir is set, create the folder if
 * it is missing (one level, like mkdir) and check it is a writable folder.
 * 0, or -1 with err naming the folder. */
int reqlog_check(const rs_config *cfg, lb_err *err);

/* Open dir/requests-<getpid()>.csv (truncating it), write the header and
 * start the flush timer on loop. NULL with err on failure. */
rs_reqlog *reqlog_open(struct ev_loop *loop, const char *dir, lb_err *err);

/* Append one finished request: method and route (a route pattern; quoted
 * if it needs to be), status, total time from t_start (clock_mono_ns) until
 * now, and its phases, all in whole microseconds. Rows that cannot be written (the
 * disk is full) are counted, never reported per request. NULL log: no-op. */
void reqlog_add(rs_reqlog *log, const char *method, const char *route, int status,
                uint64_t t_start, const rs_phase *phase);

/* Format one row (with its LF) into buf; returns its length, or 0 when it
 * does not fit. unix_start_us: the request's start in Unix microseconds;
 * total_ns: its wall time. Exposed for the unit test. */
size_t reqlog_format(char *buf, size_t cap, uint64_t unix_start_us, const char *method,
                     const char *route, int status, uint64_t total_ns, const rs_phase *ph);

/* Rows written to the file so far, and rows lost to write errors. */
uint64_t reqlog_rows(const rs_reqlog *log);
uint64_t reqlog_lost(const rs_reqlog *log);

/* Write what is buffered, stop the timer, close the file and free. Returns
 * 0, or -1 with err when a write failed at any time (rows were lost). NULL:
 * 0. */
int reqlog_close(rs_reqlog *log, lb_err *err);

#endif
