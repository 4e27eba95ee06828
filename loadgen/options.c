/* options.c — getopt_long over Locust's option names. Values are validated
 * here (numbers, ranges, --run-time syntax via common/duration) so the rest
 * of loadgen never sees a bad setting. */
#include "options.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "duration.h"

enum {
    OPT_CSV = 256, OPT_FULL_HISTORY, OPT_ONLY_SUMMARY, OPT_RESET_STATS, OPT_HEADLESS,
    OPT_EXIT_CODE, OPT_THREADS, OPT_RATE, OPT_TAG, OPT_TRACE, OPT_CONNECT_TIMEOUT, OPT_TIMEOUT,
    OPT_SEED, OPT_VERSION, OPT_SAT_CPU, OPT_SAT_LAG, OPT_URL_NAMES, OPT_LOGFILE, OPT_SHOW_RATIO,
    OPT_PRINT_STATS, OPT_CONFIG, OPT_HEADER, OPT_BODY, OPT_BODY_FILE, OPT_HTML, OPT_WORKER,
    OPT_MASTER_HOST, OPT_MASTER_PORT, OPT_MASTER_TIMEOUT
};

static const struct option long_opts[] = {
    {"users", required_argument, NULL, 'u'},
    {"spawn-rate", required_argument, NULL, 'r'},
    {"run-time", required_argument, NULL, 't'},
    {"host", required_argument, NULL, 'H'},
    {"scenario", required_argument, NULL, 'f'},
    {"locustfile", required_argument, NULL, 'f'},
    {"csv", required_argument, NULL, OPT_CSV},
    {"html", required_argument, NULL, OPT_HTML},
    {"csv-full-history", no_argument, NULL, OPT_FULL_HISTORY},
    {"only-summary", no_argument, NULL, OPT_ONLY_SUMMARY},
    {"stop-timeout", required_argument, NULL, 's'},
    {"reset-stats", no_argument, NULL, OPT_RESET_STATS},
    {"headless", no_argument, NULL, OPT_HEADLESS},
    {"exit-code-on-error", required_argument, NULL, OPT_EXIT_CODE},
    {"loglevel", required_argument, NULL, 'L'},
    {"logfile", required_argument, NULL, OPT_LOGFILE},
    {"tags", required_argument, NULL, 'T'},
    {"exclude-tags", required_argument, NULL, 'E'},
    {"list", no_argument, NULL, 'l'},
    {"show-task-ratio", no_argument, NULL, OPT_SHOW_RATIO},
    {"print-stats", no_argument, NULL, OPT_PRINT_STATS},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"rate", required_argument, NULL, OPT_RATE},
    {"tag", required_argument, NULL, OPT_TAG},
    {"trace", no_argument, NULL, OPT_TRACE},
    {"url-names", no_argument, NULL, OPT_URL_NAMES},
    {"method", required_argument, NULL, 'X'},
    {"header", required_argument, NULL, OPT_HEADER},
    {"body", required_argument, NULL, OPT_BODY},
    {"body-file", required_argument, NULL, OPT_BODY_FILE},
    {"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"seed", required_argument, NULL, OPT_SEED},
    {"saturation-cpu", required_argument, NULL, OPT_SAT_CPU},
    {"saturation-lag", required_argument, NULL, OPT_SAT_LAG},
    {"worker", no_argument, NULL, OPT_WORKER},
    {"master-host", required_argument, NULL, OPT_MASTER_HOST},
    {"master-port", required_argument, NULL, OPT_MASTER_PORT},
    {"master-timeout", required_argument, NULL, OPT_MASTER_TIMEOUT},
    {"version", no_argument, NULL, OPT_VERSION},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int options_takes_value(const char *name)
{
    for (const struct option *o = long_opts; o->name; o++)
        if (!strcmp(o->name, name))
            return o->has_arg == required_argument;
    return -1;
}

void options_free(lg_options *o)
{
    for (size_t i = 0; i < o->ntags; i++)
        free(o->tags[i]);
    for (size_t i = 0; i < o->nexclude_tags; i++)
        free(o->exclude_tags[i]);
    o->ntags = o->nexclude_tags = 0;
}

/* Add the tags in text (separated by commas, spaces, and Locust config's
 * list brackets: "[a, b]") to list. */
static int add_tags(const char *opt, const char *text, char **list, size_t *n, lb_err *err)
{
    const char *sep = ", []";
    for (const char *p = text + strspn(text, sep); *p; p += strspn(p, sep)) {
        size_t len = strcspn(p, sep);
        if (*n == LG_MAX_TAGS)
            return lb_err_set(err, "option %s: more than %d tags", opt, LG_MAX_TAGS);
        if (!(list[*n] = strndup(p, len)))
            return lb_err_set(err, "out of memory");
        (*n)++;
        p += len;
    }
    return 0;
}

static bool is_url(const char *s)
{
    return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8);
}

const char *options_long_name(size_t i)
{
    return i < sizeof long_opts / sizeof long_opts[0] ? long_opts[i].name : NULL;
}

void options_defaults(lg_options *o)
{
    memset(o, 0, sizeof *o);
    o->users = 1;
    o->spawn_rate = 1;
    o->exit_code_on_error = 1;
    o->loglevel = LG_INFO;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    o->threads = n > 0 ? (int)n : 1;
    o->connect_timeout = 10;
    o->timeout = 0;
    o->sat_cpu_pct = 90;
    o->sat_lag_ms = 50;
    o->master_host = "127.0.0.1";
    o->master_port = 5557;
    o->master_timeout = 60;
}

/* Options a Locust master decides for its workers (users, spawn rate, run
 * time) or that only a standalone run has (its files, its exit code): given
 * with --worker they would be silently ignored, so they are refused. */
static bool master_only(int c)
{
    switch (c) {
    case 'u': case 'r': case 't': case OPT_CSV: case OPT_FULL_HISTORY: case OPT_ONLY_SUMMARY:
    case OPT_RESET_STATS: case OPT_RATE: case OPT_EXIT_CODE: case OPT_TAG: case OPT_SAT_CPU:
    case OPT_SAT_LAG: case OPT_HTML:
        return true;
    default:
        return false;
    }
}

static int check_worker_options(const lg_options *o, int nargs, lb_err *err)
{
    if (!o->worker) {
        if (o->master_option)
            return lb_err_set(err, "option %s needs --worker", o->master_option);
        return 0;
    }
    if (o->master_only[0])
        return lb_err_set(err, "option %s has no meaning with --worker: the Locust master "
                               "decides users, spawn rate and run time, and writes the CSV "
                               "files; give it to the master", o->master_only);
    if (nargs)
        return lb_err_set(err, "--worker runs a scenario (-f), not URLs");
    return 0;
}

static int parse_double(const char *opt, const char *s, double lo, double hi, double *out,
                        lb_err *err)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || v != v)
        return lb_err_set(err, "option %s: '%s' is not a number", opt, s);
    if (v < lo || v > hi)
        return lb_err_set(err, "option %s: %s is out of range (%g..%g)", opt, s, lo, hi);
    *out = v;
    return 0;
}

static int parse_long(const char *opt, const char *s, long lo, long hi, long *out, lb_err *err)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno)
        return lb_err_set(err, "option %s: '%s' is not an integer", opt, s);
    if (v < lo || v > hi)
        return lb_err_set(err, "option %s: %s is out of range (%ld..%ld)", opt, s, lo, hi);
    *out = v;
    return 0;
}

const char *options_loglevel_name(lg_loglevel l)
{
    static const char *const names[] = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
    return names[l];
}

int options_parse(lg_options *o, int argc, char **argv, lb_err *err)
{
    long l = 0;
    double d = 0;
    optind = 0; /* 0, not 1: makes GNU getopt reset its internal state too */
    opterr = 0; /* we report errors ourselves, naming the option */
    for (;;) {
        int idx = -1;
        int c = getopt_long(argc, argv, ":u:r:t:H:f:s:L:T:E:X:hVl", long_opts, &idx);
        if (c == -1)
            break;
        const char *name = idx >= 0 ? long_opts[idx].name : NULL;
        char optname[64];
        if (name)
            snprintf(optname, sizeof optname, "--%s", name);
        else
            snprintf(optname, sizeof optname, "-%c", c);
        if (master_only(c) && !o->master_only[0])
            snprintf(o->master_only, sizeof o->master_only, "%s", optname);
        switch (c) {
        case 'u':
            /* 0 users would run, do nothing and exit 0: a silent non-test */
            if (parse_long(optname, optarg, 1, 10000000, &l, err) < 0)
                return -1;
            o->users = l;
            o->users_set = true;
            break;
        case 'r':
            if (parse_double(optname, optarg, 0.001, 1e7, &o->spawn_rate, err) < 0)
                return -1;
            o->spawn_rate_set = true;
            break;
        case 't': {
            lb_err e;
            if (duration_parse(optarg, &o->run_time, &e) < 0)
                return lb_err_set(err, "option %s: %s", optname, e.msg);
            if (o->run_time <= 0)
                return lb_err_set(err, "option %s: run time must be > 0", optname);
            break;
        }
        case 'H':
            if (strncmp(optarg, "http://", 7) && strncmp(optarg, "https://", 8))
                return lb_err_set(err, "option %s: '%s' must start with http:// or https://",
                                  optname, optarg);
            o->host = optarg;
            break;
        case 'f':
            o->scenario = optarg;
            break;
        case OPT_CSV:
            o->csv_prefix = optarg;
            break;
        case OPT_HTML:
            o->html_path = optarg;
            break;
        case OPT_FULL_HISTORY:
            o->csv_full_history = true;
            break;
        case OPT_ONLY_SUMMARY:
            o->only_summary = true;
            break;
        case 's':
            if (parse_double(optname, optarg, 0, 86400, &o->stop_timeout, err) < 0)
                return -1;
            break;
        case OPT_RESET_STATS:
            o->reset_stats = true;
            break;
        case OPT_HEADLESS:
            o->headless = true;
            break;
        case OPT_EXIT_CODE:
            if (parse_long(optname, optarg, 0, 255, &l, err) < 0)
                return -1;
            o->exit_code_on_error = (int)l;
            break;
        case 'L': {
            static const char *const names[] = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
            int found = -1;
            for (int i = 0; i < 5; i++)
                if (!strcasecmp(optarg, names[i]))
                    found = i;
            if (found < 0)
                return lb_err_set(err, "option %s: '%s' is not one of DEBUG, INFO, WARNING, "
                                       "ERROR, CRITICAL", optname, optarg);
            o->loglevel = (lg_loglevel)found;
            break;
        }
        case OPT_THREADS:
            if (parse_long(optname, optarg, 1, 256, &l, err) < 0)
                return -1;
            o->threads = (int)l;
            break;
        case OPT_RATE:
            if (parse_double(optname, optarg, 0.001, 1e8, &o->rate, err) < 0)
                return -1;
            break;
        case OPT_TAG:
            o->tag = optarg;
            break;
        case OPT_TRACE:
            o->trace = true;
            break;
        case OPT_URL_NAMES:
            o->url_names = true;
            break;
        case 'X':
            o->method = optarg;
            break;
        case OPT_HEADER:
            if (o->nheaders == LG_MAX_HEADER_OPTS)
                return lb_err_set(err, "option %s: more than %d headers", optname,
                                  LG_MAX_HEADER_OPTS);
            o->headers[o->nheaders++] = optarg;
            break;
        case OPT_BODY:
            o->body = optarg;
            break;
        case OPT_BODY_FILE:
            o->body_file = optarg;
            break;
        case OPT_LOGFILE:
            o->logfile = optarg;
            break;
        case 'T':
        case 'E': {
            char **list = c == 'T' ? o->tags : o->exclude_tags;
            size_t *n = c == 'T' ? &o->ntags : &o->nexclude_tags;
            if (add_tags(optname, optarg, list, n, err) < 0)
                return -1;
            /* Locust takes several words after one flag (--tags a b): so do
             * we, up to the next option or URL. */
            while (optind < argc && argv[optind][0] != '-' && !is_url(argv[optind]))
                if (add_tags(optname, argv[optind++], list, n, err) < 0)
                    return -1;
            break;
        }
        case 'l':
            o->list = true;
            break;
        case OPT_SHOW_RATIO:
            o->show_task_ratio = true;
            break;
        case OPT_PRINT_STATS:
            o->print_stats = true;
            break;
        case OPT_CONFIG:
            o->config = optarg; /* already read: locust_conf.c builds argv with it */
            break;
        case OPT_CONNECT_TIMEOUT:
            if (parse_double(optname, optarg, 0.001, 3600, &o->connect_timeout, err) < 0)
                return -1;
            break;
        case OPT_TIMEOUT:
            if (parse_double(optname, optarg, 0, 86400, &o->timeout, err) < 0)
                return -1;
            break;
        case OPT_SEED:
            if (parse_double(optname, optarg, 0, 1.8e19, &d, err) < 0)
                return -1;
            o->seed = (unsigned long long)d;
            o->seed_set = true;
            break;
        case OPT_SAT_CPU:
            if (parse_double(optname, optarg, 0, 100, &o->sat_cpu_pct, err) < 0)
                return -1;
            break;
        case OPT_SAT_LAG:
            if (parse_double(optname, optarg, 0, 60000, &o->sat_lag_ms, err) < 0)
                return -1;
            break;
        case OPT_WORKER:
            o->worker = true;
            break;
        case OPT_MASTER_HOST:
            if (!*optarg || strpbrk(optarg, "/ \t"))
                return lb_err_set(err, "option %s: '%s' is not a host name or address", optname,
                                  optarg);
            o->master_host = optarg;
            o->master_option = "--master-host";
            break;
        case OPT_MASTER_PORT:
            if (parse_long(optname, optarg, 1, 65535, &l, err) < 0)
                return -1;
            o->master_port = (int)l;
            o->master_option = "--master-port";
            break;
        case OPT_MASTER_TIMEOUT:
            if (parse_double(optname, optarg, 0.5, 86400, &o->master_timeout, err) < 0)
                return -1;
            o->master_option = "--master-timeout";
            break;
        case OPT_VERSION:
        case 'V':
            return LG_OPTS_VERSION;
        case 'h':
            return LG_OPTS_HELP;
        case ':':
            if (optopt)
                return lb_err_set(err, "option -%c needs a value", optopt);
            return lb_err_set(err, "option %s needs a value", argv[optind - 1]);
        case '?':
        default:
            if (optopt)
                return lb_err_set(err, "unknown option -%c", optopt);
            return lb_err_set(err, "unknown option %s", argv[optind - 1]);
        }
    }
    if (o->csv_full_history && !o->csv_prefix)
        return lb_err_set(err, "option --csv-full-history needs --csv");
    for (int i = optind; i < argc; i++)
        if (!is_url(argv[i]))
            return lb_err_set(err, "argument '%s': expected a URL (http://...)", argv[i]);
    if (optind < argc && o->scenario)
        return lb_err_set(err, "give either -f/--scenario or URLs, not both");
    if (o->body && o->body_file)
        return lb_err_set(err, "give either --body or --body-file, not both");
    if (optind == argc && (o->method || o->nheaders || o->body || o->body_file))
        return lb_err_set(err, "-X/--method, --header, --body and --body-file are for URL mode "
                               "(a scenario sets these per request)");
    if (check_worker_options(o, argc - optind, err) < 0)
        return -1;
    o->urls = argv + optind;
    o->nurls = (size_t)(argc - optind);
    return LG_OPTS_RUN;
}
