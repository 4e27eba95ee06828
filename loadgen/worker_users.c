/* worker_users.c — the engines a --worker runs for its master. */
#include "worker_users.h"
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "log.h"

int wk_users_init(wk_users *u, const lg_worker_cfg *cfg)
{
    memset(u, 0, sizeof *u);
    u->cfg = cfg;
    pthread_mutex_init(&u->sh.mu, NULL);
    u->sh.set = stats_set_new(clock_wall(), false);
    u->ncls = plan_nclasses(cfg->plan);
    for (size_t k = 0; k < u->ncls; k++)     /* one class: named as the scenario */
        u->cls[k].name = cfg->plan->nclasses ? cfg->plan->classes[k].name
                                             : (char *)cfg->user_class;
    return u->sh.set ? 0 : -1;
}

void wk_users_free(wk_users *u)
{
    if (u->neng) {
        wk_users_stop(u, true);
        wk_users_join(u);
    }
    if (u->sh.set)
        stats_set_free(u->sh.set);
    pthread_mutex_destroy(&u->sh.mu);
    free(u->host);
}

bool wk_users_running(const wk_users *u)
{
    return u->neng > 0;
}

long wk_users_alive(const wk_users *u)
{
    return atomic_load(&((wk_users *)u)->sh.users);
}

void wk_users_count_classes(wk_users *u)
{
    for (size_t k = 0; k < u->ncls; k++)
        u->cls[k].count = atomic_load(&u->sh.class_users[k]);
}

void wk_users_describe(const wk_users *u, bool targets, char *out, size_t cap)
{
    size_t at = (size_t)snprintf(out, cap, "%s", targets ? "{" : "");
    for (size_t k = 0; k < u->ncls && at < cap; k++) {
        if (targets)
            at += (size_t)snprintf(out + at, cap - at, "%s\"%s\": %ld", k ? ", " : "",
                                   u->cls[k].name, u->targets[k]);
        else
            at += (size_t)snprintf(out + at, cap - at, "%s%s", k ? ", " : "", u->cls[k].name);
    }
    if (targets && at < cap)
        snprintf(out + at, cap - at, "}");
}

/* Our classes' counts in the master's user_classes_count into u->targets.
 * Classes this scenario does not define get no users: say so, every spawn. */
static void our_counts(wk_users *u, const wmsg_in *s)
{
    memset(u->targets, 0, sizeof u->targets);
    u->target = 0;
    for (size_t i = 0; i < s->nclasses; i++) {
        int k = -1;
        for (size_t j = 0; j < u->ncls && k < 0; j++)
            if (!strcmp(s->classes[i].name, u->cls[j].name))
                k = (int)j;
        if (k < 0) {
            if (s->classes[i].count > 0)
                log_msg(LG_ERROR, "the master asks for %ld users of class '%s', which scenario "
                        "'%s' does not define: those users are NOT run", s->classes[i].count,
                        s->classes[i].name, u->cfg->plan->name);
            continue;
        }
        long n = s->classes[i].count;
        if (u->target + n > LG_WORKER_MAX_USERS) {
            log_msg(LG_ERROR, "the master asks for %ld more users of class '%s'; one worker runs "
                    "at most %d in all: running %ld (%ld fewer than asked) — add workers", n,
                    s->classes[i].name, LG_WORKER_MAX_USERS, LG_WORKER_MAX_USERS - u->target,
                    u->target + n - LG_WORKER_MAX_USERS);
            n = LG_WORKER_MAX_USERS - u->target;
        }
        u->targets[k] = n;
        u->target += n;
    }
}

static int start_engines(wk_users *u, const wmsg_in *s)
{
    const lg_worker_cfg *c = u->cfg;
    lb_err err;
    free(u->host);
    u->host = strdup(s->host && *s->host ? s->host : c->host);
    if (!u->host)
        return -1;
    size_t n = strlen(u->host);
    while (n > 0 && u->host[n - 1] == '/')
        u->host[--n] = '\0';
    if (s->host && *s->host && strcmp(u->host, c->host))
        log_msg(c->plan->nsetup ? LG_WARNING : LG_INFO, "using the master's host %s (not %s)%s",
                u->host, c->host, c->plan->nsetup ? "; the scenario's setup ran against the "
                "latter at start: give the worker -H too" : "");
    atomic_store(&u->sh.engines_done, 0);
    u->run = (lg_run){
        .plan = c->plan, .host = u->host, .net = c->net, .users = LG_WORKER_MAX_USERS,
        .dynamic = true, .spawn_rate = 1, .rate = 0,
        .stop_timeout = s->has_stop_timeout ? s->stop_timeout : c->stop_timeout,
        .threads = c->threads, .seed = c->seed, .trace = c->trace,
        .global_vals = c->global_vals, .start_mono = clock_mono(),
        .wall_minus_mono = clock_wall() - clock_mono(),
    };
    if (!(u->eng = calloc((size_t)c->threads, sizeof *u->eng)))
        return -1;
    for (int i = 0; i < c->threads; i++, u->neng++)
        if (!(u->eng[i] = engine_start(&u->run, &u->sh, i, &err))) {
            log_msg(LG_CRITICAL, "%s", err.msg);
            return -1;
        }
    return 0;
}

int wk_users_spawn(wk_users *u, const wmsg_in *s)
{
    our_counts(u, s);
    for (size_t k = 0; k < u->ncls; k++)
        atomic_store(&u->sh.target[k], u->targets[k]);
    if (u->stopping)
        wk_users_join(u);       /* a stop still finishing: it ends now */
    if (!u->neng)
        return start_engines(u, s);
    for (int i = 0; i < u->neng; i++)
        engine_retarget(u->eng[i]);
    return 0;
}

void wk_users_stop(wk_users *u, bool abort)
{
    if (abort)
        u->run.stop_timeout = 0;  /* read by the engines after the wake-up below */
    for (int i = 0; i < u->neng; i++)
        engine_stop(u->eng[i]);
    u->stopping = u->neng > 0;
    u->target = 0;
    memset(u->targets, 0, sizeof u->targets);
}

bool wk_users_stopped(const wk_users *u)
{
    return atomic_load(&((wk_users *)u)->sh.engines_done) >= u->neng;
}

void wk_users_join(wk_users *u)
{
    for (int i = 0; i < u->neng; i++)
        engine_join(u->eng[i]);
    free(u->eng);
    u->eng = NULL;
    u->neng = 0;
    u->stopping = false;
}

int wk_users_report(wk_users *u, msgpack_sbuffer *b, const char *node_id)
{
    long alive = wk_users_alive(u);
    wk_users_count_classes(u);
    pthread_mutex_lock(&u->sh.mu);
    int rc = wmsg_stats(b, node_id, u->sh.set, u->cls, u->ncls, alive);
    const stats_entry *t = stats_set_total_c(u->sh.set);
    if (rc == 0) {
        u->reported_requests += t->num_requests;
        u->reported_failures += t->num_failures;
    }
    stats_set_reset(u->sh.set, clock_wall());
    pthread_mutex_unlock(&u->sh.mu);
    return rc;
}
