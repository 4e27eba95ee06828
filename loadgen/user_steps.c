/* user_steps.c — the user's step lists: on_start (with retry and
 * back-off), a task's steps in sequence, and on_stop. The state machine
 * itself (sending, waiting, states) is in user.c; see user_priv.h. */
#include <math.h>
#include <stdlib.h>
#include "user.h"
#include "user_priv.h"

/* The next step of the multi-request task under way that applies (its
 * when/unless), or the end of the task: then the wait. t0_ns as user_send. */
void user_seq_step(lg_user *u, uint64_t t0_ns)
{
    const lg_task_seq *q = u->seq;
    while (u->seq_step < q->nsteps && !plan_step_applies(&q->steps[u->seq_step], user_vals(u)))
        u->seq_step++;
    if (u->seq_step == q->nsteps) {
        u->seq = NULL;
        user_schedule(u);
        return;
    }
    const lg_step *s = &q->steps[u->seq_step];
    if (!user_send(u, s->req, s->nsaves > 0, t0_ns) && u->state != US_DEAD) {
        u->seq = NULL; /* recorded as a failure: the task ends, as on an exception */
        user_arm(u, u->eng->run->rate > 0 ? u->period : 0.1);
    }
}

/* A step of the task under way finished: save, then the next step. A
 * failed step, or a save whose body is not JSON or lacks a field, ends the
 * task (a Locust task function stops at its exception). */
void user_seq_done(lg_user *u, bool ok)
{
    const lg_step *s = &u->seq->steps[u->seq_step];
    if (ok && s->nsaves) {
        ok = request_save(s, &u->x, u->vals) == 0;
        user_vars_changed(u);
    }
    if (!ok) {
        u->seq = NULL;
        user_schedule(u);
        return;
    }
    u->seq_step++;
    user_seq_step(u, 0);
}

void user_run_steps(lg_user *u)
{
    const lg_plan *plan = u->cls;
    while (u->step < plan->non_start) {
        const lg_step *s = &plan->on_start[u->step];
        if (!plan_step_applies(s, user_vals(u))) {
            u->step++;
            u->attempt = 0;
            continue;
        }
        u->x.want_retry_after = (s->retry_on & LG_RETRY_429) != 0;
        if (!user_send(u, s->req, s->nsaves > 0, 0))
            user_arm(u, 0.1 + s->backoff); /* recorded as a failure; try again */
        return;
    }
    user_begin_tasks(u);
}

/* An on_start step finished. The seed's login: retry on connection errors
 * and 5xx (and 429 honouring Retry-After when asked) after backoff*2^attempt
 * seconds, give up after `attempts`; any other failure gives up at once. */
void user_step_done(lg_user *u, bool ok, long status)
{
    lg_engine *e = u->eng;
    const lg_step *s = &u->cls->on_start[u->step];
    if (ok) {
        if (s->nsaves) {
            if (request_save(s, &u->x, u->vals) != 0) {
                atomic_fetch_add(&e->shared->onstart_failed, 1);
                user_die(u);
                return;
            }
            user_vars_changed(u);
        }
        u->step++;
        u->attempt = 0;
        user_run_steps(u);
        return;
    }
    bool retry = (status == 0 && (s->retry_on & LG_RETRY_CONN)) ||
                 (status >= 500 && (s->retry_on & LG_RETRY_5XX)) ||
                 (status == 429 && (s->retry_on & LG_RETRY_429));
    if (retry && u->attempt + 1 < s->attempts) {
        double d = s->backoff * pow(2.0, u->attempt);
        if (status == 429 && u->x.retry_after >= 0)
            d = u->x.retry_after;
        u->attempt++;
        user_arm(u, d);
        return;
    }
    atomic_fetch_add(&e->shared->onstart_failed, 1);
    user_die(u);
}

/* on_stop: its steps in order (when/unless apply), then the user dies. A
 * failed step ends it, as an exception ends Locust's on_stop. */
static void user_run_stop_steps(lg_user *u)
{
    const lg_plan *plan = u->cls;
    while (u->step < plan->non_stop && !plan_step_applies(&plan->on_stop[u->step], user_vals(u)))
        u->step++;
    if (u->step == plan->non_stop || !user_send(u, plan->on_stop[u->step].req,
                                                plan->on_stop[u->step].nsaves > 0, 0))
        user_die(u);
}

void user_begin_stop(lg_user *u)
{
    ev_timer_stop(u->eng->loop, &u->timer);
    u->stopping = true;
    u->starting = false;
    u->seq = NULL;
    u->step = 0;
    user_run_stop_steps(u);
}

void user_stop_step_done(lg_user *u, bool ok)
{
    const lg_step *s = &u->cls->on_stop[u->step];
    if (ok && s->nsaves) {
        ok = request_save(s, &u->x, u->vals) == 0;
        user_vars_changed(u);
    }
    if (!ok) {
        user_die(u);
        return;
    }
    u->step++;
    user_run_stop_steps(u);
}
