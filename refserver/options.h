/* options.h — command line and environment into an rs_config. */
#ifndef RS_OPTIONS_H
#define RS_OPTIONS_H
#include <stdio.h>
#include "config.h"
#include "lberr.h"

/* Fill cfg with defaults, then apply the environment (REFSERVER_ADMIN_USER,
 * REFSERVER_ADMIN_PASSWORD, REFSERVER_JWT_SECRET) and argv. Returns 0 to run,
 * 1 when --help or --version was handled (text already written to out), or
 * -1 with err naming the offending option (exit 2). The config keeps
 * pointers into argv and the environment, which outlive it. */
int options_parse(rs_config *cfg, int argc, char **argv, FILE *out, lb_err *err);

/* Parse a CPU list ("0", "0,2", "0-3,6") into cpus/ncpus. 0 or -1. */
int options_parse_cpus(const char *s, int *cpus, int *ncpus, lb_err *err);

/* Apply a cache list ("all", "none", or comma-separated names) with value on. */
int options_apply_caches(rs_config *cfg, const char *list, int on, lb_err *err);

#endif
