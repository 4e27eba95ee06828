/* options.h — loadgen's command line: Locust's option names and meanings,
 * plus -f/--scenario, --threads, --rate, --tag and timeouts. */
#ifndef LG_OPTIONS_H
#define LG_OPTIONS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "lberr.h"

#define LG_DEFAULT_HOST "http://127.0.0.1:8080"
#define LG_DEFAULT_SCENARIO "decnet"

#define LG_MAX_TAGS 32
#define LG_MAX_HEADER_OPTS 32

typedef enum lg_loglevel { LG_DEBUG, LG_INFO, LG_WARNING, LG_ERROR, LG_CRITICAL } lg_loglevel;

typedef struct lg_options {
    long users;               /* -u, default 1 */
    bool users_set;           /* -u given (--show-task-ratio: Locust's default differs) */
    double spawn_rate;        /* -r, default 1 (URL mode and --rate: all users at once) */
    bool spawn_rate_set;      /* -r was given */
    double run_time;          /* -t seconds; 0 = until Ctrl-C */
    const char *host;         /* -H, NULL = scenario's host or LG_DEFAULT_HOST */
    const char *csv_prefix;   /* --csv, NULL = no files */
    const char *html_path;    /* --html FILE (Locust's flag): the run as a web page */
    bool csv_full_history;
    bool only_summary;
    double stop_timeout;      /* -s seconds, default 0 (kill at once) */
    bool reset_stats;
    bool headless;            /* accepted, no effect */
    int exit_code_on_error;   /* default 1 */
    lg_loglevel loglevel;     /* default INFO */
    const char *scenario;     /* -f FILE or name */
    int threads;              /* --threads, default: online CPUs */
    double rate;              /* --rate requests/s (open model), 0 = closed model */
    const char *tag;          /* --tag: the target's git commit, for meta.json */
    double connect_timeout;   /* --connect-timeout s, default 10 */
    double timeout;           /* --timeout s (whole request), default 0 = none */
    double sat_cpu_pct;       /* --saturation-cpu: CPU share that means saturated, default 90 */
    double sat_lag_ms;        /* --saturation-lag: loop lag that means saturated, default 50 */
    bool trace;               /* --trace: a fresh W3C traceparent per request */
    bool url_names;           /* --url-names: ignore the scenario's name: keys */
    const char *logfile;      /* --logfile: log lines go there instead of stderr */
    bool list;                /* -l/--list: print the user classes and exit */
    bool show_task_ratio;     /* --show-task-ratio: print the task ratios and exit */
    bool print_stats;         /* --print-stats: accepted (headless prints them anyway) */
    const char *config;       /* --config FILE (read before parsing, see locust_conf.h) */
    char *tags[LG_MAX_TAGS];  /* --tags: run only tasks with one of these (owned) */
    size_t ntags;
    char *exclude_tags[LG_MAX_TAGS]; /* --exclude-tags: skip tasks with one of these (owned) */
    size_t nexclude_tags;
    unsigned long long seed;  /* --seed, default time-based */
    bool seed_set;
    const char *method;       /* -X/--method (URL mode), NULL = GET */
    const char *headers[LG_MAX_HEADER_OPTS]; /* --header "Name: value" (URL mode) */
    size_t nheaders;
    const char *body;         /* --body TEXT (URL mode) */
    const char *body_file;    /* --body-file FILE (URL mode) */
    bool worker;              /* --worker: join a Locust master */
    const char *master_host;  /* --master-host, default 127.0.0.1 */
    int master_port;          /* --master-port, default 5557 */
    double master_timeout;    /* --master-timeout s, default 60 */
    const char *master_option;  /* a --master-* option given (needs --worker) */
    char master_only[64];     /* first option given that only a master or a
                                 standalone run has (refused with --worker) */
    char **urls;              /* positional URLs (point into argv) */
    size_t nurls;
} lg_options;

/* Result of options_parse besides errors. */
enum { LG_OPTS_RUN = 0, LG_OPTS_HELP = 1, LG_OPTS_VERSION = 2 };

/* Defaults as documented in --help. */
void options_defaults(lg_options *o);

/* Parse argv (getopt_long, so it permutes argv to put URLs last). Returns
 * LG_OPTS_RUN, LG_OPTS_HELP or LG_OPTS_VERSION, or -1 with err naming the
 * option and the problem (the caller prints usage and exits 2). */
int options_parse(lg_options *o, int argc, char **argv, lb_err *err);

/* Free what options_parse allocated (the tag lists); o stays valid. */
void options_free(lg_options *o);

/* Whether long option NAME (without "--") takes a value: 1 yes, 0 a flag,
 * -1 no such option. For config files and LOCUST_* variables (locust_conf.c). */
int options_takes_value(const char *name);

/* Print --help text to f. */
void options_usage(FILE *f);

/* Name (without "--") of long option i of the parser's own table, or NULL
 * past its end: lets tests check --help against what is really parsed. */
const char *options_long_name(size_t i);

/* Name of a log level ("INFO"). */
const char *options_loglevel_name(lg_loglevel l);

#endif
