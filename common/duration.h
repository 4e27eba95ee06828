/* duration.h — Locust's --run-time syntax, shared by loadgen and the profile runner.
 *
 * Accepted: a plain integer (seconds: "90"), or <h>h<m>m<s>s with any subset
 * in that order ("30s", "5m", "1h30m", "3h30m10s"). Anything else is an error
 * whose message lists the valid forms, as Locust's does. */
#ifndef LB_DURATION_H
#define LB_DURATION_H
#include "lberr.h"

/* Parse s into *out_seconds. Returns 0, or -1 with err filled. */
int duration_parse(const char *s, double *out_seconds, lb_err *err);

#endif
