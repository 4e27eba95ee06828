/* adjust.c — what the command line changes in a loaded plan and in the
 * run's settings before the engines start (see adjust.h). */
#include "adjust.h"
#include <stdio.h>
#include "log.h"

/* --url-names: every request is named by its expanded path and query. */
static void drop_names(lg_plan *plan)
{
    for (size_t i = 0; i < plan->nrequests; i++) {
        tmpl_free(plan->requests[i]->name);
        plan->requests[i]->name = NULL;
    }
}

/* -L DEBUG: what the plan will do, class by class, task by task. */
static void log_plan(const lg_plan *top)
{
    for (size_t k = 0; k < plan_nclasses(top); k++) {
        const lg_plan *plan = plan_class(top, k);
        char wait[64];
        wait_describe(&plan->wait, wait, sizeof wait);
        log_msg(LG_DEBUG, "%s '%s': %zu task%s, wait %s, %zu setup and %zu on_start step%s",
                top->nclasses ? "user class" : "plan", plan->name, plan->ntasks,
                plan->ntasks == 1 ? "" : "s", wait, top->nsetup, plan->non_start,
                plan->non_start == 1 ? "" : "s");
        double total = plan->ntasks ? plan->cum[plan->ntasks - 1] : 0, prev = 0;
        for (size_t i = 0; i < plan->ntasks; i++) {
            const lg_request *r = plan->tasks[i];
            log_msg(LG_DEBUG, "  task %zu (line %d): %s, weight %g (%.1f%%)", i + 1, r->line,
                    r->method, plan->cum[i] - prev,
                    total > 0 ? (plan->cum[i] - prev) / total * 100 : 0);
            prev = plan->cum[i];
        }
    }
}

/* Only fixed_count classes: Locust spawns their sum at most (its
 * dispatcher runs out of users), so -u beyond it is lowered, with a word. */
static void fixed_users(lg_options *o, const lg_plan *plan)
{
    long counts[LG_MAX_CLASSES];
    long placed = plan_distribute(plan, o->users, counts);
    if (placed >= o->users)
        return;
    log_msg(LG_WARNING, "every user class has a fixed_count: running %ld users, not %ld",
            placed, o->users);
    o->users = placed;
}

/* A load shape sets the users and, unless -t is given, the run time, as
 * Locust's LoadTestShape does (it ignores -u and -r). -1 when it cannot be
 * combined with --rate. */
static int shape_settings(lg_options *o, const lg_plan *plan, lb_err *err)
{
    if (!plan->nstages)
        return 0;
    if (o->rate > 0)
        return lb_err_set(err, "--rate and a scenario with stages: give one of them");
    if (o->users != 1 || o->spawn_rate_set)
        log_msg(LG_WARNING, "the scenario's stages set the users: -u and -r are ignored");
    o->users = plan_stage_max(plan);
    o->spawn_rate_set = true; /* no URL-mode default */
    if (!(o->run_time > 0))
        o->run_time = plan_stage_total(plan);
    log_msg(LG_INFO, "Load shape: %zu stages, up to %ld users, %.0f s", plan->nstages, o->users,
            plan_stage_total(plan));
    return 0;
}

/* wrk and hey open every connection at once; Locust ramps at -r (default
 * 1/s). A URL-mode or --rate run that ramped by default would deliver a
 * fraction of the load asked for, so those start all users at once unless
 * -r was given. */
static void default_spawn_rate(lg_options *o)
{
    if (o->spawn_rate_set || (!o->nurls && !(o->rate > 0)))
        return;
    o->spawn_rate = (double)o->users;
    log_msg(LG_INFO, "%s: starting all %ld users at once (give -r to ramp up)",
            o->nurls ? "URL mode" : "--rate", o->users);
}

int adjust_run(lg_options *o, lg_plan *plan, lb_err *err)
{
    if (o->url_names)
        drop_names(plan);
    log_plan(plan);
    if (shape_settings(o, plan, err) < 0)
        return -1;
    fixed_users(o, plan);
    default_spawn_rate(o);
    return 0;
}
