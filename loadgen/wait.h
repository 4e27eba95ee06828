/* wait.h — Locust's wait_time functions for closed-loop users.
 *
 * between(a,b), constant(x), constant_throughput(x), constant_pacing(x) and
 * "none" (URL mode: no think time, as wrk and hey). Parsed from the text a
 * locustfile would contain, e.g. "between(0.01, 0.05)". */
#ifndef LG_WAIT_H
#define LG_WAIT_H
#include "lberr.h"
#include "rng.h"

typedef enum lg_wait_kind {
    LG_WAIT_NONE,
    LG_WAIT_BETWEEN,
    LG_WAIT_CONSTANT,
    LG_WAIT_THROUGHPUT,
    LG_WAIT_PACING
} lg_wait_kind;

typedef struct lg_wait {
    lg_wait_kind kind;
    double a, b;            /* between: [a, b]; others: a = the argument */
} lg_wait;

/* Per-user memory that constant_pacing / constant_throughput need. */
typedef struct lg_wait_state {
    double last_run;        /* monotonic s of the previous wait computation; <0 = never */
    double last_wait;       /* the wait returned then */
} lg_wait_state;

/* Parse "between(a, b)", "constant(x)", "constant_throughput(x)",
 * "constant_pacing(x)" or "none" (spaces allowed, numbers >= 0, a <= b,
 * throughput > 0). Returns 0, or -1 with err describing the problem. */
int wait_parse(const char *text, lg_wait *out, lb_err *err);

/* Reset a user's pacing memory (call when the user starts). */
void wait_state_init(lg_wait_state *st);

/* Seconds the user should wait now, at monotonic time `now`, after its task
 * finished. between draws uniformly from [a, b]; constant_pacing(x) returns
 * max(0, x - time the task took) the way Locust measures it (time since the
 * previous call minus the previous wait); constant_throughput(x) is
 * constant_pacing(1/x). Never negative. */
double wait_next(const lg_wait *w, lg_wait_state *st, double now, lg_rng *r);

/* The text form, e.g. "between(0.01, 0.05)", for logs and meta.json. */
void wait_describe(const lg_wait *w, char *buf, size_t cap);

#endif
