/* options.c — refserver's command line, defaults, environment and --help. */
#include "options.h"
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "store/db.h"

static const char *const cache_names[RS_CACHE_N] = {
    "stats", "logs-total", "attackers-total", "histogram",
    "bounty", "deckies", "config", "health",
};

const char *config_cache_name(rs_cache_id id)
{
    return (unsigned)id < RS_CACHE_N ? cache_names[id] : "?";
}

const char *config_db_mode_name(rs_db_mode m)
{
    switch (m) {
    case RS_DB_NAIVE: return "naive";
    case RS_DB_POOLED: return "pooled";
    case RS_DB_BATCHED: return "batched";
    }
    return "?";
}

static int ncores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void set_defaults(rs_config *c)
{
    memset(c, 0, sizeof *c);
    strcpy(c->bind_host, "127.0.0.1");
    c->port = 8080;
    c->workers = ncores();
    c->max_conns = 0;   /* derived from RLIMIT_NOFILE at start (server.c) */
    c->max_output_bytes = 64u << 20;
    c->login_limit = 10;    /* as DECNET HEAD's slowapi: 10 per 5 minutes */
    c->login_window = 300;
    c->max_header_bytes = 8192;
    c->max_body_bytes = 1 << 20;
    c->idle_timeout = 60;
    c->header_timeout = 10;
    c->drain_timeout = 10;
    c->db_path = "./attackers.db";
    c->db_mode = RS_DB_POOLED;
    c->db_slots = 60;
    c->db_checkout_timeout = 30;   /* SQLAlchemy's default pool_timeout */
    c->batch_max_rows = 1000;
    c->dataset = "default";
    c->ds_logs = 5000;
    c->ds_attackers = 300;
    c->ds_bounty = 200;
    c->ds_deckies = 6;
    c->seed = 20260417;
    c->admin_user = "admin";
    c->admin_password = "admin";
    c->bcrypt_cost = 12;
    c->pool_threads = ncores() + 4 < 32 ? ncores() + 4 : 32;
    c->pool_queue = 4096;
    for (int i = 0; i < RS_CACHE_N; i++)
        c->cache_on[i] = true;
    c->auth_user_cache = true;
    c->login_user_cache = true;
    c->developer = true;
}

static void usage(FILE *out, const rs_config *d)
{
    fprintf(out,
"usage: refserver [options]\n"
"\n"
"The loadbench reference API server: the DECNET web API surface (decnet-api.md)\n"
"on libev + SQLite, with the knobs that reproduce the seed's load-test profiles.\n"
"On first start with an empty database it creates the schema and seeds data.\n"
"\n"
"Network:\n"
"  --bind HOST:PORT         listen address (default %s:%d; port 0 = any free port)\n"
"  --port-file PATH         write the bound port to PATH once listening (default: none)\n"
"  --workers N              pre-forked worker processes sharing the port with\n"
"                           SO_REUSEPORT (default %d = one per core)\n"
"  --cpu-pin LIST           pin worker i to CPU LIST[i %% len], e.g. 0 or 0,1 or 0-3\n"
"                           (default: no pinning)\n"
"  --max-conns N            connections per worker; past it 503 + Connection: close\n"
"                           (default: the open-file limit less 1/16 and 32 for the\n"
"                           database, logs and listener; a larger N is lowered to it)\n"
"  --max-output-bytes N     a worker's unsent replies past which a client that does\n"
"                           not read its own gets no more requests parsed; one\n"
"                           connection's past 256 KiB always (default %zu)\n"
"  --max-header-bytes N     request line + headers; past it 431 (default %zu)\n"
"  --max-body-bytes N       request body; past it 413 (default %zu)\n"
"  --idle-timeout S         close keep-alive connections idle this long, and those\n"
"                           whose client stopped reading a reply (default %g)\n"
"  --header-timeout S       a started request must arrive within S, else 408 (default %g)\n"
"  --drain-timeout S        graceful shutdown waits at most S for in-flight work (default %g)\n"
"\n"
"Storage:\n"
"  --db PATH|URL            the database (default %s):\n"
"                             PATH: an SQLite file, created when missing;\n"
"                             mysql://USER[:PASS]@HOST[:PORT]/DBNAME (or mariadb://):\n"
"                             a MariaDB database, which must exist; its tables are\n"
"                             created and seeded when empty (scripts/mariadb-local\n"
"                             starts a private server). The password may come from\n"
"                             REFSERVER_DB_PASSWORD instead. A lost server answers\n"
"                             503 until a reconnect (0.1-2 s backoff) succeeds\n"
"  --db-mode MODE           naive | pooled | batched (default %s)\n"
"                           naive: a new connection per request, (SQLite) rollback\n"
"                             journal, synchronous=FULL, one transaction per insert;\n"
"                           pooled: one long-lived connection per worker, (SQLite)\n"
"                             WAL, synchronous=NORMAL, cached prepared statements;\n"
"                           batched: pooled reads plus one writer thread per worker\n"
"                             that group-commits inserts and acknowledges each\n"
"                             request after its batch commits\n"
"  --batch-max-rows N       batched writer: most rows per commit (default %d)\n"
"  --db-slots N             simulated DB pool size per worker; only the leak fault\n"
"                           mode consumes it (default %d = the seed's 20+40)\n"
"  --db-checkout-timeout S  when no slot is free, a DB-using request waits S\n"
"                           seconds for one, then fails with 500 (default %g, as\n"
"                           SQLAlchemy's pool_timeout); 0 fails at once. SIGTERM\n"
"                           answers the waiters 503 at once\n"
"  --dataset NAME           default | decnet-2026-04 (default %s); used only when\n"
"                           the database is empty\n"
"  --dataset-logs N         default dataset: log rows (default %ld)\n"
"  --dataset-attackers N    default dataset: distinct attacker IPs (default %ld)\n"
"  --dataset-bounty N       default dataset: bounty rows (default %ld)\n"
"  --dataset-deckies N      default dataset: deckies (default %ld)\n"
"  --seed N                 dataset random seed (default %llu)\n"
"\n"
"Auth:\n"
"  --bcrypt-cost N          bcrypt cost for hashing (4..31, default %d as in the seed)\n"
"  --pool-threads N         bcrypt/slow-job threads per worker (default %d =\n"
"                           min(32, cores+4) like Python's default executor)\n"
"  --pool-queue N           queued slow jobs per worker; past it 503 (default %d)\n"
"  --login-limit N|off      failed logins allowed per client IP and per username in\n"
"                           --login-window; past it 429 + Retry-After before any\n"
"                           bcrypt, even for the right password; counted per\n"
"                           worker; off for stress runs that mean to fail (default %d)\n"
"  --login-window S         the window of --login-limit in seconds (default %g)\n"
"  Environment: REFSERVER_ADMIN_USER (default admin), REFSERVER_ADMIN_PASSWORD\n"
"  (default admin), REFSERVER_JWT_SECRET (default: a random secret, with a warning).\n"
"\n"
"Knobs of the seed's profiles (decnet-api.md section 5):\n"
"  --caches all|none|LIST   enable exactly these TTL caches (default all)\n"
"  --cache LIST             enable caches in LIST (comma-separated)\n"
"  --no-cache LIST          disable caches in LIST\n"
"                           names: stats logs-total attackers-total histogram bounty\n"
"                           deckies config health\n"
"  --no-auth-user-cache     look the user up in the DB on every authed request\n"
"                           (default: 10 s cache, as from 255c2e5)\n"
"  --no-login-user-cache    look the username up on every login (default: 5 s\n"
"                           positive-only cache, as from e967aaa)\n"
"  --leak-on-disconnect     fault mode: a client that disconnects mid-request leaks\n"
"                           its DB slot (pre-fb69a06); default off\n"
"  --n-plus-one             /attackers loads behaviour rows one query per row\n"
"                           (default: one join per page)\n"
"  --state-reads-on-pool    on a cache miss, /stats, /deckies and /health wait for a\n"
"                           slot on the bcrypt pool before answering, as the seed's\n"
"                           state-file reads and Docker ping shared asyncio's\n"
"                           executor with bcrypt (default off)\n"
"  --tracing                OpenTelemetry spans: one SERVER span per request (child of\n"
"                           an incoming W3C traceparent), child spans for SQLite,\n"
"                           bcrypt and cache refreshes; batched (queue 2048, batch\n"
"                           512, 5 s; OTEL_BSP_* override) and sent as OTLP/HTTP\n"
"                           JSON to $REFSERVER_OTEL_ENDPOINT (default\n"
"                           http://127.0.0.1:4318/v1/traces) by a thread per worker;\n"
"                           a full queue drops spans and counts them. Also\n"
"                           REFSERVER_TRACING=true. Costs throughput: keep it off\n"
"                           in production (default off)\n"
"  --trace-file PATH        with --tracing: append OTLP JSON lines to PATH instead of\n"
"                           POSTing (default: none, use the endpoint)\n"
"  --profile-requests DIR   write one CSV row per finished request with its phase\n"
"                           times to DIR/requests-<worker pid>.csv (created if\n"
"                           missing; buffered, flushed every second and at exit);\n"
"                           read with `analyze profile DIR` (default off)\n"
"  --no-developer           behave as DECNET_DEVELOPER=false: /stream ignores\n"
"                           maxOutput, 422 bodies are terse, /config omits\n"
"                           developer_mode (default: developer mode on, as in the\n"
"                           profiles)\n"
"\n"
"Test-only (to prove the regression gate fails, scripts/compare-commits):\n"
"  --inject-delay-us N      hold every routed reply N microseconds before sending\n"
"                           it (an event-loop timer: the worker keeps serving\n"
"                           other connections meanwhile) (default 0 = off)\n"
"  --inject-delay-route R   only delay the route whose pattern or name is R, e.g.\n"
"                           /api/v1/logs (default: every route)\n"
"\n"
"Other:\n"
"  --quiet                  no progress or per-worker summary lines on stderr\n"
"                           (default off)\n"
"  --help                   this text\n"
"  --version                print the version\n"
"\n"
"Signals: SIGTERM/SIGINT stop accepting, finish in-flight requests, flush the\n"
"writer and exit. A worker that dies is restarted (more than 5 restarts a minute\n"
"stops the server). Exit codes: 0 clean run, 1 runtime failure (including any\n"
"worker failure during the run), 2 bad usage.\n",
            d->bind_host, d->port, d->workers, d->max_output_bytes,
            d->max_header_bytes,
            d->max_body_bytes, d->idle_timeout, d->header_timeout, d->drain_timeout,
            d->db_path, config_db_mode_name(d->db_mode), d->batch_max_rows, d->db_slots,
            d->db_checkout_timeout,
            d->dataset, d->ds_logs, d->ds_attackers, d->ds_bounty, d->ds_deckies,
            d->seed, d->bcrypt_cost, d->pool_threads, d->pool_queue, d->login_limit,
            d->login_window);
}

static int parse_long(const char *opt, const char *s, long lo, long hi, long *out, lb_err *err)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return lb_err_set(err, "option %s: '%s' is not an integer in %ld..%ld", opt, s, lo, hi);
    *out = v;
    return 0;
}

static int parse_double(const char *opt, const char *s, double lo, double *out, lb_err *err)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo))
        return lb_err_set(err, "option %s: '%s' is not a number >= %g", opt, s, lo);
    *out = v;
    return 0;
}

int options_parse_cpus(const char *s, int *cpus, int *ncpus, lb_err *err)
{
    *ncpus = 0;
    const char *p = s;
    while (*p) {
        char *end;
        long a = strtol(p, &end, 10), b;
        if (end == p || a < 0 || a >= 1024)
            return lb_err_set(err, "option --cpu-pin: bad CPU list '%s'", s);
        b = a;
        p = end;
        if (*p == '-') {
            b = strtol(p + 1, &end, 10);
            if (end == p + 1 || b < a || b >= 1024)
                return lb_err_set(err, "option --cpu-pin: bad range in '%s'", s);
            p = end;
        }
        for (long c = a; c <= b; c++) {
            if (*ncpus >= RS_MAX_CPUS)
                return lb_err_set(err, "option --cpu-pin: more than %d CPUs", RS_MAX_CPUS);
            cpus[(*ncpus)++] = (int)c;
        }
        if (*p == ',')
            p++;
        else if (*p)
            return lb_err_set(err, "option --cpu-pin: bad CPU list '%s'", s);
    }
    if (*ncpus == 0)
        return lb_err_set(err, "option --cpu-pin: empty CPU list");
    return 0;
}

int options_apply_caches(rs_config *cfg, const char *list, int on, lb_err *err)
{
    if (!strcmp(list, "all") || !strcmp(list, "none")) {
        bool v = !strcmp(list, "all") ? on : !on;
        for (int i = 0; i < RS_CACHE_N; i++)
            cfg->cache_on[i] = v;
        return 0;
    }
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int found = -1;
        for (int i = 0; i < RS_CACHE_N; i++)
            if (strlen(cache_names[i]) == n && !strncmp(cache_names[i], p, n))
                found = i;
        if (found < 0)
            return lb_err_set(err, "unknown cache '%.*s' in '%s' (names: stats logs-total "
                              "attackers-total histogram bounty deckies config health)",
                              (int)n, p, list);
        cfg->cache_on[found] = on;
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

static int parse_bind(const char *s, rs_config *cfg, lb_err *err)
{
    const char *colon = strrchr(s, ':');
    if (!colon)
        return lb_err_set(err, "option --bind: '%s' is not HOST:PORT", s);
    const char *h = s;
    size_t hl = (size_t)(colon - s);
    if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') {   /* [::1]:8080 */
        h++;
        hl -= 2;
    }
    if (hl == 0 || hl >= sizeof cfg->bind_host)
        return lb_err_set(err, "option --bind: bad host in '%s'", s);
    long port = 0;
    if (parse_long("--bind", colon + 1, 0, 65535, &port, err))
        return -1;
    memcpy(cfg->bind_host, h, hl);
    cfg->bind_host[hl] = '\0';
    cfg->port = (int)port;
    return 0;
}

enum {
    O_BIND = 256, O_PORT_FILE, O_WORKERS, O_CPU_PIN, O_MAX_CONNS, O_MAX_HDR, O_MAX_BODY,
    O_IDLE, O_HDR_TIMEOUT, O_DRAIN, O_DB, O_DB_MODE, O_BATCH_ROWS, O_DB_SLOTS, O_DB_CHECKOUT,
    O_DATASET, O_DS_LOGS, O_DS_ATT, O_DS_BOUNTY, O_DS_DECKIES, O_SEED, O_BCRYPT,
    O_POOL_THREADS, O_POOL_QUEUE, O_CACHES, O_CACHE, O_NO_CACHE, O_NO_AUTH_CACHE,
    O_NO_LOGIN_CACHE, O_LEAK, O_NPLUS1, O_STATE_POOL, O_TRACING, O_TRACE_FILE, O_PROFILE_REQ, O_NO_DEV, O_QUIET, O_HELP, O_VERSION,
    O_INJECT_DELAY, O_INJECT_ROUTE,
    O_MAX_OUTPUT, O_LOGIN_LIMIT, O_LOGIN_WINDOW
};

static const struct option longopts[] = {
    {"bind", 1, 0, O_BIND}, {"port-file", 1, 0, O_PORT_FILE}, {"workers", 1, 0, O_WORKERS},
    {"cpu-pin", 1, 0, O_CPU_PIN}, {"max-conns", 1, 0, O_MAX_CONNS},
    {"max-header-bytes", 1, 0, O_MAX_HDR}, {"max-body-bytes", 1, 0, O_MAX_BODY},
    {"idle-timeout", 1, 0, O_IDLE}, {"header-timeout", 1, 0, O_HDR_TIMEOUT},
    {"drain-timeout", 1, 0, O_DRAIN}, {"db", 1, 0, O_DB}, {"db-mode", 1, 0, O_DB_MODE},
    {"batch-max-rows", 1, 0, O_BATCH_ROWS}, {"db-slots", 1, 0, O_DB_SLOTS},
    {"db-checkout-timeout", 1, 0, O_DB_CHECKOUT},
    {"dataset", 1, 0, O_DATASET}, {"dataset-logs", 1, 0, O_DS_LOGS},
    {"dataset-attackers", 1, 0, O_DS_ATT}, {"dataset-bounty", 1, 0, O_DS_BOUNTY},
    {"dataset-deckies", 1, 0, O_DS_DECKIES}, {"seed", 1, 0, O_SEED},
    {"bcrypt-cost", 1, 0, O_BCRYPT}, {"pool-threads", 1, 0, O_POOL_THREADS},
    {"pool-queue", 1, 0, O_POOL_QUEUE}, {"caches", 1, 0, O_CACHES}, {"cache", 1, 0, O_CACHE},
    {"no-cache", 1, 0, O_NO_CACHE}, {"no-auth-user-cache", 0, 0, O_NO_AUTH_CACHE},
    {"no-login-user-cache", 0, 0, O_NO_LOGIN_CACHE}, {"leak-on-disconnect", 0, 0, O_LEAK},
    {"n-plus-one", 0, 0, O_NPLUS1}, {"state-reads-on-pool", 0, 0, O_STATE_POOL}, {"tracing", 0, 0, O_TRACING},
    {"trace-file", 1, 0, O_TRACE_FILE}, {"profile-requests", 1, 0, O_PROFILE_REQ},
    {"no-developer", 0, 0, O_NO_DEV}, {"quiet", 0, 0, O_QUIET}, {"help", 0, 0, O_HELP},
    {"version", 0, 0, O_VERSION}, {"inject-delay-us", 1, 0, O_INJECT_DELAY},
    {"inject-delay-route", 1, 0, O_INJECT_ROUTE},
    {"max-output-bytes", 1, 0, O_MAX_OUTPUT}, {"login-limit", 1, 0, O_LOGIN_LIMIT},
    {"login-window", 1, 0, O_LOGIN_WINDOW}, {0, 0, 0, 0},
};

static int apply_env(rs_config *cfg, lb_err *err)
{
    const char *v;
    if ((v = getenv("REFSERVER_ADMIN_USER")) && *v)
        cfg->admin_user = v;
    if ((v = getenv("REFSERVER_ADMIN_PASSWORD")) && *v)
        cfg->admin_password = v;
    if ((v = getenv("REFSERVER_JWT_SECRET")) && *v) {
        if (strlen(v) >= sizeof cfg->jwt_secret)
            return lb_err_set(err, "REFSERVER_JWT_SECRET: longer than %zu bytes",
                              sizeof cfg->jwt_secret - 1);
        strcpy(cfg->jwt_secret, v);
    }
    if ((v = getenv("REFSERVER_TRACING")) && *v) {
        if (!strcasecmp(v, "true") || !strcmp(v, "1"))
            cfg->tracing = true;
        else if (strcasecmp(v, "false") && strcmp(v, "0"))
            return lb_err_set(err, "REFSERVER_TRACING: '%s' is not true or false", v);
    }
    return 0;
}

int options_parse(rs_config *cfg, int argc, char **argv, FILE *out, lb_err *err)
{
    set_defaults(cfg);
    if (apply_env(cfg, err))
        return -1;
    rs_config defaults = *cfg;
    long v = 0;
    double d = 0;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        const char *name = optind > 1 ? argv[optind - 1] : "?";
        switch (c) {
        case O_BIND: if (parse_bind(optarg, cfg, err)) return -1; break;
        case O_PORT_FILE: cfg->port_file = optarg; break;
        case O_WORKERS: if (parse_long("--workers", optarg, 1, 1024, &v, err)) return -1;
            cfg->workers = (int)v; break;
        case O_CPU_PIN: if (options_parse_cpus(optarg, cfg->cpus, &cfg->ncpus, err)) return -1;
            break;
        case O_MAX_CONNS: if (parse_long("--max-conns", optarg, 1, 1000000, &v, err)) return -1;
            cfg->max_conns = (int)v; break;
        case O_MAX_HDR: if (parse_long("--max-header-bytes", optarg, 256, 1 << 20, &v, err))
                return -1;
            cfg->max_header_bytes = (size_t)v; break;
        case O_MAX_BODY: if (parse_long("--max-body-bytes", optarg, 0, 1L << 30, &v, err))
                return -1;
            cfg->max_body_bytes = (size_t)v; break;
        case O_IDLE: if (parse_double("--idle-timeout", optarg, 0.001, &d, err)) return -1;
            cfg->idle_timeout = d; break;
        case O_HDR_TIMEOUT: if (parse_double("--header-timeout", optarg, 0.001, &d, err))
                return -1;
            cfg->header_timeout = d; break;
        case O_DRAIN: if (parse_double("--drain-timeout", optarg, 0, &d, err)) return -1;
            cfg->drain_timeout = d; break;
        case O_DB:
            if (db_target_check(optarg, err))
                return -1;
            cfg->db_path = optarg;
            break;
        case O_DB_MODE:
            if (!strcmp(optarg, "naive")) cfg->db_mode = RS_DB_NAIVE;
            else if (!strcmp(optarg, "pooled")) cfg->db_mode = RS_DB_POOLED;
            else if (!strcmp(optarg, "batched")) cfg->db_mode = RS_DB_BATCHED;
            else return lb_err_set(err, "option --db-mode: '%s' is not naive, pooled or batched",
                                   optarg);
            break;
        case O_BATCH_ROWS: if (parse_long("--batch-max-rows", optarg, 1, 1000000, &v, err))
                return -1;
            cfg->batch_max_rows = (int)v; break;
        case O_DB_SLOTS: if (parse_long("--db-slots", optarg, 1, 100000, &v, err)) return -1;
            cfg->db_slots = (int)v; break;
        case O_DB_CHECKOUT:
            if (parse_double("--db-checkout-timeout", optarg, 0, &d, err)) return -1;
            if (d > 86400)   /* also rejects inf, which no ev_timer takes */
                return lb_err_set(err, "option --db-checkout-timeout: '%s' is more than a day",
                                  optarg);
            cfg->db_checkout_timeout = d; break;
        case O_DATASET:
            if (strcmp(optarg, "default") && strcmp(optarg, "decnet-2026-04"))
                return lb_err_set(err, "option --dataset: '%s' is not default or decnet-2026-04",
                                  optarg);
            cfg->dataset = optarg; break;
        case O_DS_LOGS: if (parse_long("--dataset-logs", optarg, 0, 100000000, &v, err)) return -1;
            cfg->ds_logs = v; break;
        case O_DS_ATT: if (parse_long("--dataset-attackers", optarg, 1, 10000000, &v, err))
                return -1;
            cfg->ds_attackers = v; break;
        case O_DS_BOUNTY: if (parse_long("--dataset-bounty", optarg, 0, 10000000, &v, err))
                return -1;
            cfg->ds_bounty = v; break;
        case O_DS_DECKIES: if (parse_long("--dataset-deckies", optarg, 0, 1000, &v, err))
                return -1;
            cfg->ds_deckies = v; break;
        case O_SEED: if (parse_long("--seed", optarg, 0, LONG_MAX, &v, err)) return -1;
            cfg->seed = (unsigned long long)v; break;
        case O_BCRYPT: if (parse_long("--bcrypt-cost", optarg, 4, 31, &v, err)) return -1;
            cfg->bcrypt_cost = (int)v; break;
        case O_POOL_THREADS: if (parse_long("--pool-threads", optarg, 1, 1024, &v, err))
                return -1;
            cfg->pool_threads = (int)v; break;
        case O_POOL_QUEUE: if (parse_long("--pool-queue", optarg, 1, 10000000, &v, err))
                return -1;
            cfg->pool_queue = (int)v; break;
        case O_CACHES:
            if (options_apply_caches(cfg, "none", 1, err)) return -1;
            if (strcmp(optarg, "none") && options_apply_caches(cfg, optarg, 1, err)) return -1;
            break;
        case O_CACHE: if (options_apply_caches(cfg, optarg, 1, err)) return -1; break;
        case O_NO_CACHE: if (options_apply_caches(cfg, optarg, 0, err)) return -1; break;
        case O_NO_AUTH_CACHE: cfg->auth_user_cache = false; break;
        case O_NO_LOGIN_CACHE: cfg->login_user_cache = false; break;
        case O_LEAK: cfg->leak_on_disconnect = true; break;
        case O_NPLUS1: cfg->n_plus_one = true; break;
        case O_STATE_POOL: cfg->state_on_pool = true; break;
        case O_TRACING: cfg->tracing = true; break;
        case O_TRACE_FILE: if (!*optarg) return lb_err_set(err, "option --trace-file: empty path");
            cfg->trace_file = optarg; break;
        case O_PROFILE_REQ:
            if (!*optarg) return lb_err_set(err, "option --profile-requests: empty folder");
            cfg->profile_dir = optarg; break;
        case O_NO_DEV: cfg->developer = false; break;
        case O_QUIET: cfg->quiet = true; break;
        case O_INJECT_DELAY: if (parse_long("--inject-delay-us", optarg, 0, 60000000, &v, err))
                return -1;
            cfg->inject_delay_us = v; break;
        case O_INJECT_ROUTE:
            if (!*optarg) return lb_err_set(err, "option --inject-delay-route: empty route");
            cfg->inject_delay_route = optarg; break;
        case O_MAX_OUTPUT: if (parse_long("--max-output-bytes", optarg, 65536, 1L << 40, &v, err))
                return -1;
            cfg->max_output_bytes = (size_t)v; break;
        case O_LOGIN_LIMIT:
            if (!strcmp(optarg, "off")) v = 0;
            else if (parse_long("--login-limit", optarg, 1, 1000000, &v, err)) return -1;
            cfg->login_limit = (int)v; break;
        case O_LOGIN_WINDOW:
            if (parse_double("--login-window", optarg, 1, &d, err)) return -1;
            if (d > 86400)
                return lb_err_set(err, "option --login-window: '%s' is more than a day", optarg);
            cfg->login_window = d; break;
        case 'h': case O_HELP: usage(out, &defaults); return 1;
        case O_VERSION: fprintf(out, "refserver %s\n", LB_VERSION); return 1;
        case ':': return lb_err_set(err, "option %s needs a value", name);
        default: return lb_err_set(err, "unknown option '%s' (see --help)", name);
        }
    }
    if (optind < argc)
        return lb_err_set(err, "unexpected argument '%s' (see --help)", argv[optind]);
    return 0;
}
