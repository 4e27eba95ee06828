/* main.c — loadgen: command line → plan (scenario or URLs) → setup steps →
 * engines (one thread each) + the reporter loop → final files and tables →
 * exit code (0 ok, --exit-code-on-error when any request failed, 2 bad usage).
 *
 * Everything main() sets up lives in one lg_app, and app_free() undoes it,
 * so every exit, early or not, goes through the same cleanup. */
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
#include "adjust.h"
#include "clock.h"
#include "locust_conf.h"
#include "console.h"
#include "engine.h"
#include "hdr_csv.h"
#include "html_run.h"
#include "locust_csv.h"
#include "log.h"
#include "meta.h"
#include "options.h"
#include "plan.h"
#include "readfile.h"
#include "reporter.h"
#include "scenario.h"
#include "setup.h"
#include "worker.h"

/* options_parse's results other than "run" are final: this says go on. */
#define LG_GO_ON (-1)
/* app_prepare did all that was asked (--list, --show-task-ratio): exit 0. */
#define LG_DONE (-2)

typedef struct lg_app {
    lg_argv args;                   /* config files + LOCUST_* + argv: o points into it */
    lg_options o;
    bool curl_ready;                /* curl_global_init succeeded */
    bool plan_loaded;
    lg_plan plan;
    char *host;                     /* base URL without trailing '/' */
    char **gvals;                   /* plan.var_init values, then setup's saves */
    int threads;
    long ncpu;
    lg_net net;
    const char *setup_error;        /* NULL, or setup_msg */
    char setup_msg[LB_ERR_LEN];
    lc_writer *csv;                 /* NULL without --csv */
    bool shared_ready;
    lg_shared sh;
    bool sigs_blocked;
    sigset_t old_sigs;
    lg_reporter rep;
} lg_app;

/* Parse argv into o. LG_GO_ON to run, else the exit code (--help, --version,
 * bad usage) with its output already written. */
static int parse_command_line(lg_app *a, int argc, char **argv)
{
    lb_err err;
    lg_options *o = &a->o;
    options_defaults(o);
    if (config_build_argv(argc, argv, &a->args, &err) < 0) {
        fprintf(stderr, "loadgen: %s\n", err.msg);
        return 2;
    }
    int pr = options_parse(o, a->args.argc, a->args.argv, &err);
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
    return LG_GO_ON;
}

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

/* The plan from the URLs or the scenario; on failure nothing is left to free. */
static int load_plan(const lg_options *o, lg_plan *plan)
{
    lb_err err;
    if (o->nurls) {
        size_t blen = o->body ? strlen(o->body) : 0;
        char *file = o->body_file ? lb_read_file(o->body_file, "--body-file", &blen, &err) : NULL;
        int rc = o->body_file && !file ? -1 : plan_from_urls(plan, o->urls, o->nurls, &err);
        if (rc == 0)
            rc = plan_url_options(plan, o->method, o->headers, o->nheaders,
                                  file ? file : o->body, blen, &err);
        free(file);
        if (rc < 0) {
            fprintf(stderr, "loadgen: %s\n", err.msg);
            plan_free(plan);
        }
        return rc;
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

/* a->host from the options or plan; -1 (message written) when it is no URL. */
static int set_host(lg_app *a)
{
    a->host = make_host(&a->o, &a->plan);
    CURLU *check = curl_url();
    bool ok = a->host && check && curl_url_set(check, CURLUPART_URL, a->host, 0) == CURLUE_OK;
    curl_url_cleanup(check);
    if (!ok)
        fprintf(stderr, "loadgen: %s '%s' is not a valid URL\n",
                a->o.host ? "option -H/--host:" : "the scenario's host", a->host ? a->host : "");
    return ok ? 0 : -1;
}

/* The plan's setup: steps, once, before the users; a failure is logged and
 * recorded for _meta.json, and the users run without its results. */
static void run_setup(lg_app *a)
{
    lb_err err;
    if (!a->plan.nsetup)
        return;
    log_msg(LG_INFO, "Running %zu setup step%s against %s", a->plan.nsetup,
            a->plan.nsetup > 1 ? "s" : "", a->host);
    if (setup_run(&a->plan, a->host, &a->net, a->gvals, &err) < 0) {
        snprintf(a->setup_msg, sizeof a->setup_msg, "%s", err.msg);
        a->setup_error = a->setup_msg;
        log_msg(LG_ERROR, "setup failed, users run without its results: %s", err.msg);
    }
}

/* Everything before the engines start: libcurl, plan, host, the run's
 * settings, setup steps and the CSV files. 0, or the exit code (2). */
static int app_prepare(lg_app *a)
{
    lg_options *o = &a->o;
    lb_err err;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fprintf(stderr, "loadgen: libcurl initialisation failed\n");
        return 2;
    }
    a->curl_ready = true;
    if (load_plan(o, &a->plan) < 0)
        return 2;
    a->plan_loaded = true;
    if ((o->ntags || o->nexclude_tags) &&
        plan_filter_tags(&a->plan, (const char *const *)o->tags, o->ntags,
                         (const char *const *)o->exclude_tags, o->nexclude_tags, &err) < 0) {
        fprintf(stderr, "loadgen: %s\n", err.msg);
        return 2;
    }
    if (o->list || o->show_task_ratio) {
        if (o->list) {
            printf("Available Users:\n");
            for (size_t k = 0; k < plan_nclasses(&a->plan); k++)
                printf("    %s\n", plan_class(&a->plan, k)->name);
        } else {
            console_print_task_ratio(stdout, &a->plan, o->users_set ? o->users : 0);
        }
        return LG_DONE;
    }
    if (adjust_run(o, &a->plan, &err) < 0) {
        fprintf(stderr, "loadgen: %s\n", err.msg);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    if (set_host(a) < 0)
        return 2;
    a->gvals = calloc(a->plan.nvar_init ? a->plan.nvar_init : 1, sizeof *a->gvals);
    for (size_t i = 0; a->gvals && i < a->plan.nvar_init; i++)
        a->gvals[i] = a->plan.var_init[i] ? strdup(a->plan.var_init[i]) : NULL;
    if (!o->seed_set)
        o->seed = (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 20);
    a->threads = o->threads;
    if (!o->worker && o->users < a->threads)
        a->threads = o->users > 0 ? (int)o->users : 1;
    a->ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    raise_nofile(o->users);
    a->net = (lg_net){o->connect_timeout, o->timeout};
    run_setup(a);
    if (o->csv_prefix && !(a->csv = lc_writer_open(o->csv_prefix, o->csv_full_history, &err))) {
        fprintf(stderr, "loadgen: --csv %s: %s\n", o->csv_prefix, err.msg);
        return 2;
    }
    return 0;
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

/* --html FILE: the run as a web page (common/html_run.h). */
static void write_html(const lg_app *a, double seconds)
{
    char users[32], secs[32];
    snprintf(users, sizeof users, "%ld", a->o.users);
    snprintf(secs, sizeof secs, "%.1f", seconds);
    const char *keys[] = { "host", "scenario", "users", "run time (s)", "tag" };
    const char *vals[] = { a->host ? a->host : "", a->plan.name ? a->plan.name : "", users, secs,
                           a->o.tag ? a->o.tag : "" };
    char title[300];
    snprintf(title, sizeof title, "loadgen run: %s", a->host ? a->host : "");
    html_run_info info = { title, keys, vals, a->o.tag ? 5 : 4 };
    lb_err err;
    if (html_run_write(a->o.html_path, a->sh.set, &info, &err) < 0)
        log_msg(LG_ERROR, "%s", err.msg);
}

/* The engines with the reporter loop on this thread until the run ends.
 * False when an engine could not start (the run is then cut short). */
static bool run_engines(lg_app *a, const lg_run *run)
{
    lb_err err;
    /* Engines never take SIGINT/SIGTERM: the reporter's loop handles them. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, &a->old_sigs);
    a->sigs_blocked = true;

    log_msg(LG_INFO, "Starting loadgen %s: scenario %s, host %s, %d thread%s", LB_VERSION,
            a->plan.name, a->o.nurls ? "(the URLs given)" : a->host, a->threads,
            a->threads > 1 ? "s" : "");
    log_msg(LG_INFO, "Ramping to %ld users at a rate of %.2f per second", a->o.users,
            a->o.spawn_rate);
    if (a->o.rate > 0)
        log_msg(LG_INFO, "Open model: %.2f requests/s in total, latency from intended start",
                a->o.rate);
    lg_engine **eng = calloc((size_t)a->threads, sizeof *eng);
    int started = 0;
    for (int i = 0; eng && i < a->threads; i++, started++)
        if (!(eng[i] = engine_start(run, &a->sh, i, &err))) {
            log_msg(LG_CRITICAL, "%s", err.msg);
            break;
        }
    a->rep = (lg_reporter){
        .opt = &a->o, .shared = &a->sh, .csv = a->csv, .engines = eng, .nengines = started,
        .usable_cores = a->threads < a->ncpu ? a->threads : (int)(a->ncpu > 0 ? a->ncpu : 1),
        .name_width = console_name_width(), .user_class = a->plan.name, .plan = &a->plan,
        .health = {.sat_cpu_pct = a->o.sat_cpu_pct, .sat_lag_ms = a->o.sat_lag_ms,
                   .rate = a->o.rate, .users = a->o.users},
    };
    a->rep.health.usable_cores = a->rep.usable_cores;
    if (started == a->threads)
        reporter_run(&a->rep);
    for (int i = 0; i < started; i++)
        engine_stop(eng[i]);
    for (int i = 0; i < started; i++)
        engine_join(eng[i]);
    free(eng);
    return started == a->threads;
}

/* After the run: the final console tables, CSV files, _hdr.csv and
 * _meta.json, and the closing warnings. Returns the exit code. */
static int finish(lg_app *a, bool all_started)
{
    const lg_options *o = &a->o;
    const lg_reporter *rep = &a->rep;
    lb_err err;
    double end_wall = clock_wall();
    const stats_entry *total = stats_set_total_c(a->sh.set);
    int code = !all_started ? 2 : total->num_failures > 0 ? o->exit_code_on_error : 0;
    log_msg(LG_INFO, "Shutting down (exit code %d)", code);
    console_print_stats(stderr, a->sh.set, false, rep->name_width);
    console_print_percentiles(stderr, a->sh.set, rep->name_width);
    console_print_exact(stderr, a->sh.set, rep->name_width);
    console_print_errors(stderr, a->sh.set);
    if (a->csv && lc_writer_close(a->csv, a->sh.set, end_wall, rep->last_users, &err) < 0)
        log_msg(LG_ERROR, "writing the CSV files: %s", err.msg);
    a->csv = NULL; /* closed and freed, even on error */
    if (o->csv_prefix) {
        double dur = end_wall - rep->start_wall, cpu = clock_process_cpu() - rep->cpu_start;
        lg_meta m = {
            .opt = o, .plan = &a->plan, .host = a->host, .threads = a->threads,
            .start_wall = rep->start_wall, .end_wall = end_wall, .cpu_seconds = cpu,
            .cpu_pct_avg = dur > 0 ? cpu / dur / rep->usable_cores * 100 : 0,
            .cpu_pct_max = rep->health.cpu_max_pct, .usable_cores = rep->usable_cores,
            .lag_max_ms = rep->health.lag_max * 1000, .saturated_seconds = rep->saturated_seconds,
            .health = &rep->health,
            .users_peak = rep->users_peak, .onstart_failed = atomic_load(&a->sh.onstart_failed),
            .setup_error = a->setup_error, .requests = total->num_requests,
            .failures = total->num_failures, .exit_code = code,
            .stop_reason = rep->signal == SIGINT    ? "SIGINT"
                           : rep->signal == SIGTERM ? "SIGTERM"
                                                    : "run-time",
        };
        write_extras(o, a->sh.set, &m);
    }
    if (o->html_path)
        write_html(a, end_wall - rep->start_wall);
    const lg_health *h = &rep->health;
    if (rep->saturated_seconds > 0)
        log_msg(LG_WARNING, "loadgen was saturated for %ld s of this run (busy %ld s, not "
                "scheduled %ld s; max CPU %.0f%%, max loop lag %.0f ms): treat its numbers as "
                "the client's limit", rep->saturated_seconds, h->busy_seconds,
                h->unscheduled_seconds, h->cpu_max_pct, h->lag_max * 1000);
    if (h->under_rate_seconds > 0)
        log_msg(LG_WARNING, "--rate %g was not reached in %ld of %ld s (%.0f requests/s on "
                "average over those seconds)", o->rate, h->under_rate_seconds, h->rate_seconds,
                (double)h->rate_requests / (double)h->rate_seconds);
    long failed_users = atomic_load(&a->sh.onstart_failed);
    if (failed_users)
        log_msg(LG_ERROR, "%ld user%s gave up in on_start", failed_users, failed_users > 1 ? "s" : "");
    return code;
}

/* The run itself: shared state, engines + reporter, then the results. */
static int app_run(lg_app *a)
{
    memset(&a->sh, 0, sizeof a->sh);
    pthread_mutex_init(&a->sh.mu, NULL);
    a->sh.set = stats_set_new(clock_wall(), a->o.csv_full_history);
    a->shared_ready = true;
    const lg_options *o = &a->o;
    lg_run run = {
        .plan = &a->plan, .host = a->host, .net = a->net, .users = o->users,
        .spawn_rate = o->spawn_rate, .rate = o->rate, .stop_timeout = o->stop_timeout,
        .threads = a->threads, .seed = o->seed, .trace = o->trace, .global_vals = a->gvals,
        .start_mono = clock_mono(), .wall_minus_mono = clock_wall() - clock_mono(),
    };
    bool all_started = run_engines(a, &run);
    return finish(a, all_started);
}

/* --worker: the users run for a Locust master instead of on our schedule. */
static int app_run_worker(lg_app *a)
{
    lg_worker_cfg cfg = {
        .plan = &a->plan, .host = a->host, .global_vals = a->gvals, .net = a->net,
        .threads = a->threads, .seed = a->o.seed, .trace = a->o.trace,
        .stop_timeout = a->o.stop_timeout, .user_class = a->plan.name,
        .master_host = a->o.master_host, .master_port = a->o.master_port,
        .master_timeout = a->o.master_timeout,
    };
    return worker_run(&cfg);
}

/* The one cleanup: safe at any point app_prepare or app_run stopped. */
static void app_free(lg_app *a)
{
    if (a->shared_ready) {
        stats_set_free(a->sh.set);
        pthread_mutex_destroy(&a->sh.mu);
    }
    for (size_t i = 0; a->gvals && i < a->plan.nvar_init; i++)
        free(a->gvals[i]);
    free(a->gvals);
    free(a->host);
    if (a->plan_loaded)
        plan_free(&a->plan);
    if (a->curl_ready)
        curl_global_cleanup();
    if (a->rep.loop)
        ev_loop_destroy(a->rep.loop);
    if (a->sigs_blocked)
        pthread_sigmask(SIG_SETMASK, &a->old_sigs, NULL);
    options_free(&a->o);
    config_argv_free(&a->args);
    log_close();
}

int main(int argc, char **argv)
{
    static lg_app a; /* zeroed: app_free knows what was set up */
    int code = parse_command_line(&a, argc, argv);
    if (code == LG_GO_ON && log_init(a.o.loglevel, a.o.logfile) < 0) {
        fprintf(stderr, "loadgen: --logfile %s: cannot open it for appending\n", a.o.logfile);
        code = 2;
    }
    if (code == LG_GO_ON) {
        code = app_prepare(&a);
        if (code == 0)
            code = a.o.worker ? app_run_worker(&a) : app_run(&a);
        else if (code == LG_DONE)
            code = 0;
    }
    app_free(&a);
    return code;
}
