/* reporter.c — see reporter.h. Holds shared->mu only while it reads the
 * merged stats (history row, console table), so engines wait at most that
 * long for their once-a-second merge. */
#include "reporter.h"
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "console.h"
#include "log.h"

/* A load shape: say when a stage starts, as Locust's shape runner does. */
static void check_stage(lg_reporter *r)
{
    size_t k;
    long users = plan_stage_users(r->plan, clock_mono() - r->start_mono, &k);
    if (k == r->stage_logged || k >= r->plan->nstages)
        return;
    r->stage_logged = k;
    const lg_stage *s = &r->plan->stages[k];
    log_msg(LG_INFO, "Shape test updating to %ld users at %.2f spawn rate (stage %zu of %zu, "
            "%.0f s; now %ld)", s->users, s->spawn_rate > 0 ? s->spawn_rate : (double)s->users,
            k + 1, r->plan->nstages, s->duration, users);
}

void reporter_class_counts(const lg_plan *plan, const char *one_class, long users, char *out,
                           size_t cap)
{
    long counts[LG_MAX_CLASSES];
    size_t order[LG_MAX_CLASSES], at = 0;
    size_t n = plan_class_order(plan, order);   /* Locust sorts the classes by name */
    plan_distribute(plan, users, counts);
    out[0] = '\0';
    for (size_t i = 0; i < n && at < cap; i++) {
        const char *name = plan->nclasses ? plan_class(plan, order[i])->name : one_class;
        at += (size_t)snprintf(out + at, cap - at, "%s\"%s\": %ld%s", i ? ", " : "{", name,
                               counts[order[i]], i + 1 == n ? "}" : "");
    }
}

static void check_spawn(lg_reporter *r)
{
    if (r->plan->nstages) {
        check_stage(r);
        return;
    }
    if (r->all_spawned)
        return;
    long spawned = atomic_load(&r->shared->spawned), want = r->opt->users;
    if (spawned < want)
        return;
    r->all_spawned = true;
    char counts[LG_CLASS_COUNTS_LEN];
    reporter_class_counts(r->plan, r->user_class, want, counts, sizeof counts);
    log_msg(LG_INFO, "All users spawned: %s (%ld total users)", counts, want);
    if (r->opt->rate > 0)
        health_rate_arm(&r->health, clock_wall() + (double)want / r->opt->rate);
    if (r->opt->reset_stats) {
        lg_shared *sh = r->shared;
        pthread_mutex_lock(&sh->mu);
        atomic_fetch_add(&sh->reset_epoch, 1);
        stats_set_reset(sh->set, clock_wall());
        pthread_mutex_unlock(&sh->mu);
        for (int i = 0; i < r->nengines; i++)
            engine_notify_reset(r->engines[i]);
        log_msg(LG_INFO, "Resetting stats");
    }
}

/* Fires just after the schedule's last spawn step, so "All users spawned"
 * is logged when it happens, not at the next 1 s tick. */
static void spawned_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)revents;
    lg_reporter *r = w->data;
    check_spawn(r);
    if (!r->all_spawned) { /* engines are a little behind: look again soon */
        ev_timer_set(w, 0.01, 0.);
        ev_timer_start(loop, w);
    }
}

static void tick_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop;
    (void)revents;
    lg_reporter *r = w->data;
    lg_shared *sh = r->shared;
    long users = atomic_load(&sh->users);
    r->last_users = users;
    if (users > r->users_peak)
        r->users_peak = users;
    check_spawn(r);
    /* Once per change: the tick and the spawn steps are separate clocks. */
    if (!r->all_spawned && !r->plan->nstages && users != r->spawn_logged) {
        log_msg(LG_INFO, "Spawning: %ld/%ld users running", users, r->opt->users);
        r->spawn_logged = users;
    }
    pthread_mutex_lock(&sh->mu);
    double lag = sh->max_lag;
    sh->max_lag = 0;
    if (r->csv) {
        lb_err err;
        if (lc_writer_tick(r->csv, sh->set, clock_wall(), users, &err) < 0 && !r->csv_error_logged) {
            r->csv_error_logged = true;
            log_msg(LG_ERROR, "writing the CSV files: %s", err.msg);
        }
    }
    /* The table is formatted into memory under the lock and written after
     * it, so a slow stderr never holds up the engines' merges. */
    char *table = NULL;
    size_t table_len = 0;
    if (!r->opt->only_summary && r->ticks % 2 == 0) {
        FILE *m = open_memstream(&table, &table_len);
        if (m) {
            console_print_stats(m, sh->set, true, r->name_width);
            fclose(m);
        }
    }
    health_rate(&r->health, stats_set_total_c(sh->set), clock_wall());
    if (log_enabled(LG_DEBUG)) {
        const stats_entry *t = stats_set_total_c(sh->set);
        log_msg(LG_DEBUG, "tick %ld: %llu requests, %llu failures, %ld users, loop lag %.1f ms",
                r->ticks, (unsigned long long)t->num_requests,
                (unsigned long long)t->num_failures, users, lag * 1000);
    }
    pthread_mutex_unlock(&sh->mu);
    if (table) {
        fwrite(table, 1, table_len, stderr);
        fflush(stderr);
        free(table);
    }
    if (r->ticks > 0 && health_saturation(&r->health, lag))
        r->saturated_seconds++;
    r->ticks++;
}

static void runtime_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)w;
    (void)revents;
    log_msg(LG_INFO, "--run-time limit reached, shutting down");
    ev_break(loop, EVBREAK_ALL);
}

static void signal_cb(struct ev_loop *loop, ev_signal *w, int revents)
{
    (void)revents;
    lg_reporter *r = w->data;
    r->signal = w->signum;
    log_msg(LG_INFO, "Received %s, shutting down", w->signum == SIGINT ? "SIGINT" : "SIGTERM");
    ev_break(loop, EVBREAK_ALL);
}

void reporter_run(lg_reporter *r)
{
    r->loop = ev_default_loop(0);
    r->start_wall = clock_wall();
    r->start_mono = clock_mono();
    r->cpu_start = clock_process_cpu();
    r->spawn_logged = -1;
    r->stage_logged = (size_t)-1;
    health_init(&r->health);
    ev_timer_init(&r->tick, tick_cb, 0., 1.);
    r->tick.data = r;
    ev_timer_start(r->loop, &r->tick);
    ev_timer_init(&r->spawned, spawned_cb,
                  engine_spawn_duration(r->opt->users, r->opt->spawn_rate) + 0.005, 0.);
    r->spawned.data = r;
    ev_timer_start(r->loop, &r->spawned);
    if (r->opt->run_time > 0) {
        ev_timer_init(&r->runtime, runtime_cb, r->opt->run_time, 0.);
        r->runtime.data = r;
        ev_timer_start(r->loop, &r->runtime);
        log_msg(LG_INFO, "Run time limit set to %.0f seconds", r->opt->run_time);
    } else {
        log_msg(LG_INFO, "No run time limit set, use CTRL+C to interrupt");
    }
    ev_signal_init(&r->sigint, signal_cb, SIGINT);
    ev_signal_init(&r->sigterm, signal_cb, SIGTERM);
    r->sigint.data = r->sigterm.data = r;
    ev_signal_start(r->loop, &r->sigint);
    ev_signal_start(r->loop, &r->sigterm);
    /* main blocked these while it started the engines (so they never get
     * them); libev's handlers are in place now, so let them in here. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
    ev_run(r->loop, 0);
    ev_timer_stop(r->loop, &r->tick);
    ev_timer_stop(r->loop, &r->runtime);
    ev_timer_stop(r->loop, &r->spawned);
    ev_signal_stop(r->loop, &r->sigint);
    ev_signal_stop(r->loop, &r->sigterm);
}
