/* engine.c — one thread: a libev loop with its curl multi handle (curlev.c),
 * the spawn schedule, the event-loop lag probe and the 100 ms stats merge. */
#include "engine.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "engine_priv.h"
#include "log.h"
#include "request.h"
#include "user.h"

#define LAG_PROBE_S 0.1
/* Seconds on_stop steps get at the end when --stop-timeout is 0. */
#define LG_ON_STOP_GRACE 10.0

long engine_share(long total, int threads, int index)
{
    if (threads <= 0)
        return 0;
    return total / threads + (index < total % threads ? 1 : 0);
}

long engine_spawn_target(long users, double rate, double elapsed)
{
    if (elapsed < 0)
        return 0;
    double step = floor(rate) < 1 ? 1 : floor(rate);
    double interval = step / rate;
    double k = floor(elapsed / interval + 1e-9);
    double target = (k + 1) * step;
    return target >= (double)users ? users : (long)target;
}

double engine_spawn_duration(long users, double rate)
{
    double step = floor(rate) < 1 ? 1 : floor(rate);
    double steps = ceil((double)users / step);
    return steps > 1 ? (steps - 1) * (step / rate) : 0;
}

/* ---- finished transfers ---------------------------------------------- */

/* A transfer finished (curlev.c): hand it back to its user. */
static void transfer_done(lg_curlev *c, CURL *easy, CURLcode rc)
{
    lg_user *u = NULL;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&u);
    curl_multi_remove_handle(c->multi, easy);
    if (u)
        user_done(u, rc);
}

/* ---- periodic work ------------------------------------------------------ */

/* Merge this engine's delta into the shared set, then start a new delta.
 * After --reset-stats the delta recorded before the reset is dropped. */
static void engine_merge(lg_engine *e)
{
    lg_shared *sh = e->shared;
    pthread_mutex_lock(&sh->mu);
    int epoch = atomic_load(&sh->reset_epoch);
    if (epoch == e->seen_epoch)
        stats_set_merge(sh->set, e->set);
    e->seen_epoch = epoch;
    if (e->max_lag > sh->max_lag)
        sh->max_lag = e->max_lag;
    pthread_mutex_unlock(&sh->mu);
    stats_set_reset(e->set, clock_wall());
    e->max_lag = 0;
}

/* Every 100 ms: the lag probe, then the merge. Merging ten times a second
 * (not once, on a timer of its own) keeps the shared set at most ~100 ms
 * behind: the reporter's 1 s tick runs on another loop, and two 1 s timers
 * drift, so a history row could see no merge since the last one (a repeated
 * row) and the next row two. */
static void lag_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop;
    (void)revents;
    lg_engine *e = w->data;
    double now = clock_mono(), lag = now - e->lag_expected;
    if (lag > e->max_lag)
        e->max_lag = lag;
    e->lag_expected = now + LAG_PROBE_S;
    engine_merge(e);
}

/* Slot i of user class k. */
static lg_user *slot(lg_engine *e, size_t k, long i)
{
    return &e->users[e->cls[k].base + i];
}

/* Start slot u for class k, counted as spawned; a slot whose user stopped is reused. */
static void engine_start_user(lg_engine *e, lg_user *u, size_t k)
{
    if (u->state == US_DEAD)
        user_free(u);
    atomic_fetch_add(&e->shared->spawned, 1);
    if (user_start(u, e, k) < 0)
        log_msg(LG_ERROR, "engine %d: cannot start a user (out of memory?)", e->index);
}

static bool active(const lg_user *u)
{
    return (u->state == US_WAIT || u->state == US_BUSY) && !u->stop_after && !u->stopping;
}

/* Bring user class k on this engine to `mine` live users now (load shapes
 * every 100 ms, --worker at each spawn). A user asked to leave but still
 * finishing its request is kept rather than a new one started; new users
 * take the lowest free or dead slots (set up afresh); surplus users stop
 * gracefully (a request in flight finishes) from the highest slot down. */
static void engine_set_users(lg_engine *e, size_t k, long mine)
{
    lg_eclass *c = &e->cls[k];
    if (mine > c->cap) {
        log_msg(LG_ERROR, "engine %d: %ld users of class '%s' wanted, room for %ld: running %ld "
                "(%ld fewer than asked)", e->index, mine, plan_class(e->run->plan, k)->name,
                c->cap, c->cap, mine - c->cap);
        mine = c->cap;
    }
    long n = 0;
    for (long i = 0; i < c->nspawned; i++)
        n += active(slot(e, k, i));
    for (long i = 0; n < mine && i < c->cap; i++) {
        lg_user *u = slot(e, k, i);
        if (u->state == US_BUSY && u->stop_after) {
            u->stop_after = false;      /* leaving but not gone: keep it */
        } else if (u->state == US_FREE || u->state == US_DEAD) {
            engine_start_user(e, u, k);
            if (i >= c->nspawned)
                c->nspawned = i + 1;
        } else {
            continue;
        }
        n++;
    }
    for (long i = c->nspawned - 1; n > mine && i >= 0; i--)
        if (active(slot(e, k, i))) {
            user_stop(slot(e, k, i), false);
            n--;
        }
}

/* `total` users over all engines: each class's count (Locust's rule,
 * plan_distribute), this engine's share of it. */
static void engine_set_total(lg_engine *e, long total)
{
    long counts[LG_MAX_CLASSES];
    plan_distribute(e->run->plan, total, counts);
    for (size_t k = 0; k < e->ncls; k++)
        engine_set_users(e, k, engine_share(counts[k], e->run->threads, e->index));
}

/* run->dynamic: this engine's share of each class's shared->target. */
static void engine_apply_target(lg_engine *e)
{
    for (size_t k = 0; k < e->ncls; k++)
        engine_set_users(e, k, engine_share(atomic_load(&e->shared->target[k]), e->run->threads,
                                            e->index));
}

/* The spawn schedule's step: start this engine's share of each class up to
 * `target` users in all. False once every class has all its users. */
static bool engine_ramp(lg_engine *e, long target)
{
    const lg_run *run = e->run;
    long counts[LG_MAX_CLASSES];
    plan_distribute(run->plan, target, counts);
    bool more = false;
    for (size_t k = 0; k < e->ncls; k++) {
        lg_eclass *c = &e->cls[k];
        long mine = engine_share(counts[k], run->threads, e->index);
        if (mine > c->cap)
            mine = c->cap;
        if (c->nspawned < mine)
            log_msg(LG_DEBUG, "engine %d: starting users %ld..%ld of class %s (%ld of %ld in all)",
                    e->index, c->nspawned + 1, mine, plan_class(run->plan, k)->name, target,
                    run->users);
        while (c->nspawned < mine) {
            engine_start_user(e, slot(e, k, c->nspawned), k);
            c->nspawned++;
        }
        more |= c->nspawned < c->cap;
    }
    return more;
}

static void spawn_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)revents;
    lg_engine *e = w->data;
    const lg_run *run = e->run;
    if (e->stopping)
        return;
    if (run->dynamic) {
        engine_apply_target(e);
        return;
    }
    double elapsed = clock_mono() - run->start_mono;
    if (run->plan->nstages) {
        long target = plan_stage_users(run->plan, elapsed, NULL);
        engine_set_total(e, target < 0 ? 0 : target);
        ev_timer_set(w, 0.1, 0.);
        ev_timer_start(loop, w);
        return;
    }
    if (!engine_ramp(e, engine_spawn_target(run->users, run->spawn_rate, elapsed)))
        return;
    double step = floor(run->spawn_rate) < 1 ? 1 : floor(run->spawn_rate);
    double interval = step / run->spawn_rate;
    double next = (floor(elapsed / interval + 1e-9) + 1) * interval;
    ev_timer_set(w, next - elapsed, 0.);
    ev_timer_start(loop, w);
}

static void engine_finish(lg_engine *e)
{
    ev_timer_stop(e->loop, &e->spawn_timer);
    ev_timer_stop(e->loop, &e->kill_timer);
    ev_timer_stop(e->loop, &e->lag_timer);
    ev_break(e->loop, EVBREAK_ALL);
}

static void kill_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop;
    (void)revents;
    lg_engine *e = w->data;
    for (size_t k = 0; k < e->ncls; k++)
        for (long i = 0; i < e->cls[k].nspawned; i++)
            user_kill(slot(e, k, i));
    engine_finish(e);
}

/* The user's completion may be what empties the engine: checked each loop. */
static void check_alive_cb(struct ev_loop *loop, ev_prepare *w, int revents)
{
    (void)loop;
    (void)revents;
    lg_engine *e = w->data;
    if (e->stopping && e->nalive == 0)
        engine_finish(e);
}

static void wake_cb(struct ev_loop *loop, ev_async *w, int revents)
{
    (void)revents;
    lg_engine *e = w->data;
    int epoch = atomic_load(&e->shared->reset_epoch);
    if (epoch != e->seen_epoch) { /* --reset-stats: drop what predates it */
        stats_set_reset(e->set, clock_wall());
        e->seen_epoch = epoch;
    }
    if (!e->stopping && e->run->dynamic && atomic_exchange(&e->retarget, 0))
        engine_apply_target(e);
    if (e->stopping || !atomic_load(&e->stop_requested))
        return;
    e->stopping = true;
    ev_timer_stop(loop, &e->spawn_timer);
    bool abort = e->run->stop_timeout <= 0;
    bool on_stop = false;
    for (size_t k = 0; k < e->ncls; k++) {
        on_stop |= plan_class(e->run->plan, k)->non_stop > 0;
        for (long i = 0; i < e->cls[k].nspawned; i++)
            user_stop(slot(e, k, i), abort);
    }
    /* on_stop gets --stop-timeout, or LG_ON_STOP_GRACE s without one */
    double grace = !abort ? e->run->stop_timeout : on_stop ? LG_ON_STOP_GRACE : 0;
    if (e->nalive > 0 && grace > 0) {
        ev_timer_set(&e->kill_timer, grace, 0.);
        ev_timer_start(loop, &e->kill_timer);
    }
}

static void *engine_main(void *arg)
{
    lg_engine *e = arg;
    ev_prepare prep;
    ev_prepare_init(&prep, check_alive_cb);
    prep.data = e;
    ev_prepare_start(e->loop, &prep);
    ev_unref(e->loop); /* the prepare watcher alone must not keep the loop alive */
    e->lag_expected = clock_mono() + LAG_PROBE_S;
    ev_run(e->loop, 0);
    ev_ref(e->loop);
    ev_prepare_stop(e->loop, &prep);
    engine_merge(e);
    atomic_fetch_add(&e->shared->engines_done, 1);
    return NULL;
}

/* ---- setup / teardown --------------------------------------------------- */

static void engine_free(lg_engine *e)
{
    if (!e)
        return;
    for (size_t k = 0; e->users && k < e->ncls; k++)
        for (long i = 0; i < e->cls[k].nspawned; i++) {
            lg_user *u = slot(e, k, i);
            if (u->easy && u->state == US_BUSY)
                curl_multi_remove_handle(e->cev.multi, u->easy);
            user_free(u);
        }
    curlev_cleanup(&e->cev);
    engine_free_requests(e);
    free(e->users);
    if (e->set)
        stats_set_free(e->set);
    if (e->loop)
        ev_loop_destroy(e->loop);
    free(e);
}

lg_engine *engine_start(const lg_run *run, lg_shared *shared, int index, lb_err *err)
{
    lg_engine *e = calloc(1, sizeof *e);
    if (!e) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    e->index = index;
    e->run = run;
    e->shared = shared;
    e->seen_epoch = atomic_load(&shared->reset_epoch);
    /* Room per class: its share of run->users (of the most users a shape
     * or --worker asks); a class's count never shrinks as the total grows
     * (plan_distribute), so the schedule and shapes stay within it. */
    long counts[LG_MAX_CLASSES], nslots = 0;
    e->ncls = plan_nclasses(run->plan);
    plan_distribute(run->plan, run->users, counts);
    for (size_t k = 0; k < e->ncls; k++) {
        e->cls[k].base = nslots;
        e->cls[k].cap = engine_share(run->dynamic ? run->users : counts[k], run->threads, index);
        nslots += e->cls[k].cap;
    }
    rng_seed(&e->rng, run->seed + 0x9E37ULL * (uint64_t)(index + 1));
    e->loop = ev_loop_new(EVFLAG_AUTO);
    e->set = stats_set_new(clock_wall(), false);
    e->users = calloc(nslots ? (size_t)nslots : 1, sizeof *e->users);
    if (!e->loop || curlev_init(&e->cev, e->loop, transfer_done, e) < 0 || !e->set || !e->users) {
        lb_err_set(err, "engine %d: out of memory", index);
        goto fail;
    }
    if (engine_prepare_requests(e, err) < 0)
        goto fail;
    ev_timer_init(&e->spawn_timer, spawn_cb, 0., 0.);
    e->spawn_timer.data = e;
    ev_timer_init(&e->lag_timer, lag_cb, LAG_PROBE_S, LAG_PROBE_S);
    e->lag_timer.data = e;
    ev_init(&e->kill_timer, kill_cb);
    e->kill_timer.data = e;
    ev_async_init(&e->wake, wake_cb);
    e->wake.data = e;
    double delay = run->start_mono - clock_mono();
    ev_timer_set(&e->spawn_timer, delay > 0 ? delay : 0., 0.);
    ev_timer_start(e->loop, &e->spawn_timer);
    ev_timer_start(e->loop, &e->lag_timer);
    ev_async_start(e->loop, &e->wake);
    if (pthread_create(&e->thread, NULL, engine_main, e) != 0) {
        lb_err_set(err, "engine %d: cannot create a thread", index);
        goto fail;
    }
    e->thread_started = true;
    return e;
fail:
    engine_free(e);
    return NULL;
}

void engine_stop(lg_engine *e)
{
    atomic_store(&e->stop_requested, 1);
    ev_async_send(e->loop, &e->wake);
}

void engine_retarget(lg_engine *e)
{
    atomic_store(&e->retarget, 1);
    ev_async_send(e->loop, &e->wake);
}

void engine_notify_reset(lg_engine *e)
{
    ev_async_send(e->loop, &e->wake);
}

void engine_join(lg_engine *e)
{
    if (!e)
        return;
    if (e->thread_started)
        pthread_join(e->thread, NULL);
    engine_free(e);
}
