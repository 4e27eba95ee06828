/* main.c — loadgen: command line → plan (scenario or URLs) → setup steps →
 * engines (one thread each) + the reporter loop → final files and tables →
 * exit code (0 ok, --exit-code-on-error when any request failed, 2 bad usage). */
#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "clock.h"
#include "console.h"
#include "engine.h"
#include "hdr_csv.h"
#include "locust_csv.h"
#include "log.h"
#include "meta.h"
#include "options.h"
#include "plan.h"
#include "reporter.h"
#include "scenario.h"
#include "setup.h"

/* Each user holds one socket; leave room for stream reconnects and files. */
static void raise_nofile(long users)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return;
    rlim_t want = (rlim_t)users * 2 + 256;
    if (rl.rlim_cur >= want)
        return;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= want ? want : rl.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur < want)
        log_msg(LG_WARNING, "open-file limit is %llu, %ld users may need %llu (raise ulimit -n)",
                (unsigned long long)rl.rlim_cur, users, (unsigned long long)want);
}

static int load_plan(const lg_options *o, lg_plan *plan)
{
    lb_err err;
    if (o->nurls) {
        if (plan_from_urls(plan, o->urls, o->nurls, &err) < 0) {
            fprintf(stderr, "loadgen: %s\n", err.msg);
            plan_free(plan);
            return -1;
        }
        return 0;
    }
    char path[4096];
    if (scenario_resolve(o->scenario ? o->scenario : LG_DEFAULT_SCENARIO, path, sizeof path,
                         &err) < 0 ||
        scenario_load(path, plan, &err) < 0) {
        fprintf(stderr, "loadgen: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static char *make_host(const lg_options *o, const lg_plan *plan)
{
    const char *h = o->host ? o->host : plan->host ? plan->host : LG_DEFAULT_HOST;
    char *s;
    if (o->nurls) { /* URL mode: the first URL's scheme://authority, for meta.json */
        const char *a = strstr(o->urls[0], "://") + 3;
        s = strndup(o->urls[0], (size_t)(a - o->urls[0]) + strcspn(a, "/?#"));
    } else {
        s = strdup(h);
    }
    if (s) {
        size_t n = strlen(s);
        while (n > 0 && s[n - 1] == '/')
            s[--n] = '\0';
    }
    return s;
}

static char *join_path(const char *prefix, const char *suffix)
{
    size_t n = strlen(prefix) + strlen(suffix) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s", prefix, suffix);
    return p;
}

static void write_extras(const lg_options *o, const stats_set *set, lg_meta *m)
{
    lb_err err;
    char *hp = join_path(o->csv_prefix, "_hdr.csv"), *mp = join_path(o->csv_prefix, "_meta.json");
    if (hp && hdr_csv_write(hp, set, &err) < 0)
        log_msg(LG_ERROR, "%s", err.msg);
    if (mp && meta_write(mp, m, &err) < 0)
        log_msg(LG_ERROR, "%s", err.msg);
    free(hp);
    free(mp);
}

int main(int argc, char **argv)
{
    lg_options o;
    lb_err err;
    options_defaults(&o);
    int pr = options_parse(&o, argc, argv, &err);
    if (pr < 0) {
        fprintf(stderr, "loadgen: %s\nTry 'loadgen --help' for the options.\n", err.msg);
        return 2;
    }
    if (pr == LG_OPTS_HELP) {
        options_usage(stdout);
        return 0;
    }
    if (pr == LG_OPTS_VERSION) {
        printf("loadgen %s\n", LB_VERSION);
        return 0;
    }
    log_init(o.loglevel);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fprintf(stderr, "loadgen: libcurl initialisation failed\n");
        return 2;
    }
    lg_plan plan;
    if (load_plan(&o, &plan) < 0) {
        curl_global_cleanup();
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    char *host = make_host(&o, &plan);
    CURLU *check = curl_url();
    bool host_ok = host && check && curl_url_set(check, CURLUPART_URL, host, 0) == CURLUE_OK;
    curl_url_cleanup(check);
    if (!host_ok) {
        fprintf(stderr, "loadgen: %s '%s' is not a valid URL\n",
                o.host ? "option -H/--host:" : "the scenario's host", host ? host : "");
        free(host);
        plan_free(&plan);
        curl_global_cleanup();
        return 2;
    }
    char **gvals = calloc(plan.nvar_init ? plan.nvar_init : 1, sizeof *gvals);
    for (size_t i = 0; gvals && i < plan.nvar_init; i++)
        gvals[i] = plan.var_init[i] ? strdup(plan.var_init[i]) : NULL;
    if (!o.seed_set)
        o.seed = (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 20);
    int threads = o.threads;
    if (o.users < threads)
        threads = o.users > 0 ? (int)o.users : 1;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    raise_nofile(o.users);
    lg_net net = {o.connect_timeout, o.timeout};

    const char *setup_error = NULL;
    char setup_msg[LB_ERR_LEN];
    if (plan.nsetup) {
        log_msg(LG_INFO, "Running %zu setup step%s against %s", plan.nsetup,
                plan.nsetup > 1 ? "s" : "", host);
        if (setup_run(&plan, host, &net, gvals, &err) < 0) {
            snprintf(setup_msg, sizeof setup_msg, "%s", err.msg);
            setup_error = setup_msg;
            log_msg(LG_ERROR, "setup failed, users run without its results: %s", err.msg);
        }
    }

    lc_writer *csv = NULL;
    if (o.csv_prefix && !(csv = lc_writer_open(o.csv_prefix, o.csv_full_history, &err))) {
        fprintf(stderr, "loadgen: --csv %s: %s\n", o.csv_prefix, err.msg);
        return 2;
    }

    lg_shared sh;
    memset(&sh, 0, sizeof sh);
    pthread_mutex_init(&sh.mu, NULL);
    sh.set = stats_set_new(clock_wall(), o.csv_full_history);
    lg_run run = {
        .plan = &plan, .host = host, .net = net, .users = o.users, .spawn_rate = o.spawn_rate,
        .rate = o.rate, .stop_timeout = o.stop_timeout, .threads = threads, .seed = o.seed,
        .trace = o.trace,
        .global_vals = gvals, .start_mono = clock_mono(),
        .wall_minus_mono = clock_wall() - clock_mono(),
    };
    /* Engines never take SIGINT/SIGTERM: the reporter's loop handles them. */
    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, &old);

    log_msg(LG_INFO, "Starting loadgen %s: scenario %s, host %s, %d thread%s", LB_VERSION,
            plan.name, o.nurls ? "(the URLs given)" : host, threads, threads > 1 ? "s" : "");
    log_msg(LG_INFO, "Ramping to %ld users at a rate of %.2f per second", o.users, o.spawn_rate);
    if (o.rate > 0)
        log_msg(LG_INFO, "Open model: %.2f requests/s in total, latency from intended start", o.rate);
    lg_engine **eng = calloc((size_t)threads, sizeof *eng);
    int started = 0;
    for (int i = 0; eng && i < threads; i++, started++)
        if (!(eng[i] = engine_start(&run, &sh, i, &err))) {
            log_msg(LG_CRITICAL, "%s", err.msg);
            break;
        }
    lg_reporter rep = {
        .opt = &o, .shared = &sh, .csv = csv, .engines = eng, .nengines = started,
        .usable_cores = threads < ncpu ? threads : (int)(ncpu > 0 ? ncpu : 1),
        .name_width = console_name_width(),
    };
    if (started == threads)
        reporter_run(&rep);
    for (int i = 0; i < started; i++)
        engine_stop(eng[i]);
    for (int i = 0; i < started; i++)
        engine_join(eng[i]);
    free(eng);

    double end_wall = clock_wall();
    const stats_entry *total = stats_set_total_c(sh.set);
    int code = started < threads ? 2 : total->num_failures > 0 ? o.exit_code_on_error : 0;
    log_msg(LG_INFO, "Shutting down (exit code %d)", code);
    console_print_stats(stderr, sh.set, false, rep.name_width);
    console_print_percentiles(stderr, sh.set, rep.name_width);
    console_print_errors(stderr, sh.set);
    if (csv && lc_writer_close(csv, sh.set, end_wall, rep.last_users, &err) < 0)
        log_msg(LG_ERROR, "writing the CSV files: %s", err.msg);
    if (o.csv_prefix) {
        double dur = end_wall - rep.start_wall, cpu = clock_process_cpu() - rep.cpu_start;
        lg_meta m = {
            .opt = &o, .plan = &plan, .host = host, .threads = threads,
            .start_wall = rep.start_wall, .end_wall = end_wall, .cpu_seconds = cpu,
            .cpu_pct_avg = dur > 0 ? cpu / dur / rep.usable_cores * 100 : 0,
            .cpu_pct_max = rep.cpu_max_pct, .usable_cores = rep.usable_cores,
            .lag_max_ms = rep.lag_max * 1000, .saturated_seconds = rep.saturated_seconds,
            .users_peak = rep.users_peak, .onstart_failed = atomic_load(&sh.onstart_failed),
            .setup_error = setup_error, .requests = total->num_requests,
            .failures = total->num_failures, .exit_code = code,
            .stop_reason = rep.signal == SIGINT ? "SIGINT" : rep.signal == SIGTERM ? "SIGTERM"
                                                                                   : "run-time",
        };
        write_extras(&o, sh.set, &m);
    }
    if (rep.saturated_seconds > 0)
        log_msg(LG_WARNING, "loadgen was saturated for %ld s of this run (max CPU %.0f%%, max "
                "loop lag %.0f ms): treat its numbers as the client's limit",
                rep.saturated_seconds, rep.cpu_max_pct, rep.lag_max * 1000);
    long failed_users = atomic_load(&sh.onstart_failed);
    if (failed_users)
        log_msg(LG_ERROR, "%ld user%s gave up in on_start", failed_users, failed_users > 1 ? "s" : "");
    stats_set_free(sh.set);
    pthread_mutex_destroy(&sh.mu);
    for (size_t i = 0; gvals && i < plan.nvar_init; i++)
        free(gvals[i]);
    free(gvals);
    free(host);
    plan_free(&plan);
    curl_global_cleanup();
    if (rep.loop)
        ev_loop_destroy(rep.loop);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return code;
}
