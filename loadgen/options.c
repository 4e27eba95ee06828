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
    OPT_PRINT_STATS, OPT_CONFIG, OPT_HEADER, OPT_BODY, OPT_BODY_FILE, OPT_HTML
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
        switch (c) {
        case 'u':
            /* 0 users would run, do nothing and exit 0: a silent non-test */
            if (parse_long(optname, optarg, 1, 10000000, &l, err) < 0)
                return -1;
            o->users = l;
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
    o->urls = argv + optind;
    o->nurls = (size_t)(argc - optind);
    return LG_OPTS_RUN;
}

void options_usage(FILE *f)
{
    fputs(
"usage: loadgen [options] [URL ...]\n"
"\n"
"A load generator that behaves like Locust (closed-loop users, weighted tasks,\n"
"wait times, spawn rate) and writes Locust 2.12.1's CSV files. Without -f and\n"
"without URLs it runs the scenario '" LG_DEFAULT_SCENARIO "'. Given URLs instead of a\n"
"scenario it hits them with no wait time, as wrk and hey do.\n"
"\n"
"Locust options:\n"
"  -u, --users N            peak number of concurrent users (default 1)\n"
"  -r, --spawn-rate R       users started per second (default 1; in URL mode and\n"
"                           with --rate: all users at once, as wrk, unless -r)\n"
"  -t, --run-time T         stop after T: 90, 30s, 5m, 1h30m (default: run until\n"
"                           Ctrl-C/SIGTERM)\n"
"  -H, --host URL           base URL of the target (default: the scenario's host,\n"
"                           else " LG_DEFAULT_HOST ")\n"
"  -f, --scenario FILE|NAME scenario file, or a name looked up as NAME.yaml in\n"
"                           $LOADGEN_SCENARIO_DIR and profiles/scenarios (default:\n"
"                           " LG_DEFAULT_SCENARIO "; --locustfile is an alias)\n"
"      --csv PREFIX         write PREFIX_stats.csv, _stats_history.csv,\n"
"                           _failures.csv, _exceptions.csv, plus PREFIX_meta.json\n"
"                           and PREFIX_hdr.csv (default: no files)\n"
"      --html FILE          also write the run as one self-contained web page:\n"
"                           settings, statistics with exact percentiles, failures,\n"
"                           charts as inline SVG (default: none)\n"
"      --csv-full-history   history rows for every entry, not only Aggregated\n"
"                           (needs --csv; default off)\n"
"      --only-summary       no periodic console tables, only the final ones\n"
"  -s, --stop-timeout S     at the end, let running requests finish for up to S\n"
"                           seconds (default 0: stop at once)\n"
"      --reset-stats        reset statistics once spawning is complete\n"
"      --headless           accepted for Locust compatibility (there is no web UI)\n"
"      --exit-code-on-error N  exit code when any request failed (default 1)\n"
"  -L, --loglevel LEVEL     DEBUG, INFO, WARNING, ERROR or CRITICAL (default INFO)\n"
"      --logfile FILE       write log lines to FILE (appended) instead of stderr;\n"
"                           the stats tables stay on stderr (default: stderr)\n"
"  -T, --tags TAG [TAG ...] run only tasks with one of these tags (also a,b)\n"
"  -E, --exclude-tags TAG [TAG ...]  run only tasks with none of these tags\n"
"  -l, --list               print the user classes (the scenario's name) and exit\n"
"      --show-task-ratio    print each task's share of the users' picks and exit\n"
"      --print-stats        accepted (the stats table prints during every run\n"
"                           unless --only-summary)\n"
"      --config FILE        read options from FILE (key = value, Locust's\n"
"                           locust.conf format) after ~/.locust.conf and\n"
"                           ./locust.conf; LOCUST_* environment variables\n"
"                           (LOCUST_USERS=5) override them, the command line\n"
"                           overrides both\n"
"\n"
"loadgen options:\n"
"      --threads N          event loops (threads); users are spread over them\n"
"                           (default: one per online CPU)\n"
"      --rate R             open model: R requests/s in total, spread over the\n"
"                           users; latency is measured from each request's\n"
"                           intended start (coordinated omission corrected, as\n"
"                           wrk2). Wait times are ignored. (default: off)\n"
"  -X, --method METHOD      URL mode: the HTTP method (default GET)\n"
"      --header 'Name: v'   URL mode: send this header with every request\n"
"                           (repeatable; -H is Locust's --host, as here)\n"
"      --body TEXT          URL mode: send TEXT as the request body\n"
"      --body-file FILE     URL mode: send FILE's bytes as the request body\n"
"      --url-names          name every request by its path and query, as Locust\n"
"                           does without name= (ignores the scenario's name:\n"
"                           keys, e.g. one entry per /logs offset; default off)\n"
"      --tag TEXT           the target's git commit or label, for _meta.json\n"
"      --trace              send a fresh W3C traceparent (new trace-id and\n"
"                           parent-id, sampled) with every request, so a traced\n"
"                           server (refserver --tracing) makes each request a\n"
"                           child of loadgen's span id (default: off)\n"
"      --connect-timeout S  TCP connect timeout in seconds (default 10)\n"
"      --timeout S          whole-request timeout in seconds; 0 = none, as\n"
"                           Locust's HttpUser (default 0)\n"
"      --seed N             random seed for task choice, waits and {rand}\n"
"                           (default: from the clock)\n"
"      --saturation-cpu PCT loadgen counts as saturated above PCT% CPU of the\n"
"                           cores its threads can use (default 90)\n"
"      --saturation-lag MS  ... or when an event loop lags more than MS (default 50)\n"
"  -V, --version            print the version and exit\n"
"  -h, --help               this text\n"
"\n"
"Environment: LOADGEN_USER / LOADGEN_PASSWORD are the credentials the shipped\n"
"scenarios log in with (default admin / admin); LOADGEN_TOKEN gives the decnet\n"
"scenario a token so it skips its setup login; LOADGEN_SCENARIO_DIR is searched\n"
"for -f NAME before profiles/scenarios.\n"
"\n"
"Exit status: 0 no failures; the --exit-code-on-error value (default 1) when any\n"
"request failed; 2 bad usage or a bad scenario.\n",
        f);
}
