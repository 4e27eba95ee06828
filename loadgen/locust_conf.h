/* locust_conf.h — Locust's other option sources, turned into command-line words
 * so that options_parse stays the one place options are checked: the config
 * files ~/.locust.conf, ./locust.conf and --config FILE ("key = value" lines,
 * Locust's format), then LOCUST_* environment variables (LOCUST_USERS=5 is
 * --users 5), then the real command line. Later words override earlier ones,
 * which gives Locust's precedence: command line > environment > files. */
#ifndef LG_LOCUST_CONF_H
#define LG_LOCUST_CONF_H
#include <stddef.h>
#include "lberr.h"

typedef struct lg_argv {
    int argc;
    char **argv;                /* argv[0..argc), NULL-terminated; every word owned */
    size_t cap;
} lg_argv;

/* Build out from the config files, the environment and argv. -1 with err
 * ("FILE:LINE: problem") for a config line loadgen cannot use. */
int config_build_argv(int argc, char **argv, lg_argv *out, lb_err *err);

/* Words from one config file's text (for tests): appended to out. */
int config_parse_text(const char *path, const char *text, lg_argv *out, lb_err *err);

/* Words from LOCUST_* variables of env (NULL-terminated "NAME=value"). */
int config_from_env(char *const *env, lg_argv *out, lb_err *err);

void config_argv_free(lg_argv *a);

#endif
