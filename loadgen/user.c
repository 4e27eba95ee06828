/* user.c — the virtual user state machine (see user.h). Everything here runs
 * on the user's engine thread; per request it expands templates into the
 * engine's scratch buffers and re-applies easy options only when the request
 * differs from the previous one, so the steady state is remove/add handle. */
#include "user.h"
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bodycheck.h"
#include "clock.h"
#include "engine_priv.h"
#include "user_priv.h"

const char *const *user_vals(const lg_user *u)
{
    return u->vals ? (const char *const *)u->vals : (const char *const *)u->eng->run->global_vals;
}

static struct curl_slist *user_headers(lg_user *u, const lg_request *r)
{
    lg_engine *e = u->eng;
    if (e->slots[r->id].hdrs_static)
        return e->slots[r->id].hdrs;
    if (!u->hdrs && !(u->hdrs = calloc(e->run->plan->nrequests, sizeof *u->hdrs)))
        return NULL;
    if (!u->hdrs[r->id])
        u->hdrs[r->id] = request_headers(u->cls, r, user_vals(u));
    return u->hdrs[r->id];
}

/* Variables changed (a save): header lists built from them are stale. */
void user_vars_changed(lg_user *u)
{
    if (u->hdrs)
        for (size_t i = 0; i < u->eng->run->plan->nrequests; i++) {
            curl_slist_free_all(u->hdrs[i]);
            u->hdrs[i] = NULL;
        }
    u->applied = NULL;
}

/* Every state change goes through here (as curl's mstate() in lib/multi.c)
 * and is checked against the legal transitions:
 *
 *   from  to    in                when
 *   FREE  WAIT  user_start        the user is set up and counted alive
 *   WAIT  BUSY  user_send         its handle went into the multi handle
 *   BUSY  WAIT  user_done         the transfer finished
 *   BUSY  WAIT  user_send         the multi handle refused the handle
 *   WAIT  DEAD  user_die          on_start gave up, or the engine stops
 *   BUSY  DEAD  user_die          the engine stops without waiting (abort)
 *
 * Anything else is a bug: DEAD is final, and a wait is armed or a request
 * sent only from WAIT. assert() keeps the check in Debug and ASan builds;
 * release builds (NDEBUG) pay nothing for it. */
static void user_set_state(lg_user *u, lg_user_state to)
{
    static const bool legal[US_NSTATES][US_NSTATES] = {
        [US_FREE][US_WAIT] = true,
        [US_WAIT][US_BUSY] = true,
        [US_WAIT][US_DEAD] = true,
        [US_BUSY][US_WAIT] = true,
        [US_BUSY][US_DEAD] = true,
    };
    assert(u->state < US_NSTATES && to < US_NSTATES && legal[u->state][to]);
    (void)legal; /* unused when NDEBUG removes the assert */
    u->state = to;
}

void user_die(lg_user *u)
{
    lg_engine *e = u->eng;
    if (u->state == US_DEAD) /* stopping twice is harmless */
        return;
    ev_timer_stop(e->loop, &u->timer);
    user_set_state(u, US_DEAD);
    e->nalive--;
    atomic_fetch_sub(&e->shared->users, 1);
    atomic_fetch_sub(&e->shared->class_users[u->cls_index], 1);
}

/* Wake u after `seconds`. Always called in WAIT: arming is no state change. */
void user_arm(lg_user *u, double seconds)
{
    assert(u->state == US_WAIT);
    ev_timer_set(&u->timer, seconds, 0.);
    ev_timer_start(u->eng->loop, &u->timer);
}

/* Record a request that could not even be sent (URL too long, libcurl
 * refused an option) as a failure, so it is visible. */
static void user_fail_unsent(lg_user *u, const lg_request *r, const char *why)
{
    lg_engine *e = u->eng;
    const lg_req_slot *s = &e->slots[r->id];
    stats_entry *ent = s->entry;
    if (!ent)
        ent = stats_set_entry(e->set, r->method,
                              s->name ? s->name : e->name[0] ? e->name : "(unsent)");
    char repr[600];
    request_pyrepr(why, repr, sizeof repr);
    snprintf(e->err, sizeof e->err, "InvalidURL(%s)", repr);
    if (ent)
        engine_record(e, ent, clock_mono_ns(), -1, 0, true, e->err);
}

/* Start request r. t0_ns: the start of its timed interval (0 = now). */
bool user_send(lg_user *u, const lg_request *r, bool capture, uint64_t t0_ns)
{
    lg_engine *e = u->eng;
    const char *const *vals = user_vals(u);
    lg_req_slot *s = &e->slots[r->id];
    CURLU *cu = s->curlu;
    stats_entry *ent = s->entry;
    if (!ent && s->name && !(ent = s->entry = stats_set_entry(e->set, r->method, s->name)))
        return false;
    const char *url = NULL, *body = NULL;
    size_t bodylen = 0;
    e->name[0] = '\0';
    if (!cu || !ent) {
        if (!request_expand(r, e->run->host, &e->rng, vals, e->url, sizeof e->url, e->name,
                            sizeof e->name)) {
            user_fail_unsent(u, r, "URL or name too long after expansion");
            return false;
        }
        if (!cu)
            url = e->url;
        if (!ent && !(ent = stats_set_entry(e->set, r->method, e->name)))
            return false;
    }
    if (r->body) {
        bodylen = tmpl_expand(r->body, e->body, sizeof e->body, &e->rng, vals, NULL);
        if (bodylen >= sizeof e->body) {
            user_fail_unsent(u, r, "request body too long after expansion");
            return false;
        }
        body = e->body;
    }
    if (e->run->trace)
        request_traceparent_fresh(&u->tp, &e->rng); /* in place: the handle points at it */
    if (u->applied != r || !cu || body) {
        struct curl_slist *h = user_headers(u, r);
        if (e->run->trace)
            h = request_traceparent_chain(&u->tp, h);
        if (request_apply(u->easy, r, u->req, url, cu, body, bodylen,
                          h) < 0) {
            user_fail_unsent(u, r, "libcurl refused the request options");
            return false;
        }
        u->applied = (cu && !body) ? r : NULL;
    }
    request_begin(&u->x, r, capture || bodycheck_wanted(r));
    u->req = r;
    u->entry = ent;
    user_set_state(u, US_BUSY);
    u->t0_ns = t0_ns ? t0_ns : clock_mono_ns();
    if (curl_multi_add_handle(e->cev.multi, u->easy) != CURLM_OK) {
        user_set_state(u, US_WAIT);
        user_fail_unsent(u, r, "curl_multi_add_handle failed");
        return false;
    }
    return true;
}

static void user_next_task(lg_user *u);

/* Closed model: wait, then the next task. Open model (--rate): the next
 * intended start, immediately if it already passed. */
void user_schedule(lg_user *u)
{
    lg_engine *e = u->eng;
    const lg_wait *wt = &u->cls->wait;
    double w;
    if (e->run->rate > 0) {
        u->next_intended += u->period;
        w = u->next_intended - clock_mono();
    } else {
        /* Only the pacing functions need the time: spare the clock read. */
        bool pacing = wt->kind == LG_WAIT_PACING || wt->kind == LG_WAIT_THROUGHPUT;
        w = wait_next(wt, &u->wst, pacing ? clock_mono() : 0, &e->rng);
    }
    if (w > 0)
        user_arm(u, w);
    else
        user_next_task(u);
}

static void user_next_task(lg_user *u)
{
    lg_engine *e = u->eng;
    const lg_plan *plan = u->cls;
    size_t k = plan->ntasks == 1 ? 0 : rng_pick(&e->rng, plan->cum, plan->ntasks);
    const lg_request *r = plan->tasks[k];
    uint64_t t0 = e->run->rate > 0 ? (uint64_t)(u->next_intended * 1e9) : 0;
    u->x.want_retry_after = false;
    if (plan->seqs[k].nsteps) {
        u->seq = &plan->seqs[k];
        u->seq_step = 0;
        user_seq_step(u, t0);
        return;
    }
    /* A request that could not be sent was recorded as a failure: move on
     * after the normal wait rather than spinning. */
    if (!user_send(u, r, false, t0) && u->state != US_DEAD)
        user_arm(u, e->run->rate > 0 ? u->period : 0.1);
}

void user_begin_tasks(lg_user *u)
{
    lg_engine *e = u->eng;
    u->starting = false;
    if (e->run->rate > 0) {
        /* Spread users over one period so arrivals are uniform, as wrk2 does. */
        u->next_intended = clock_mono() + rng_unit(&e->rng) * u->period;
        user_arm(u, u->next_intended - clock_mono());
        return;
    }
    user_next_task(u);
}

static void user_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop;
    (void)revents;
    lg_user *u = w->data;
    if (u->state != US_WAIT)
        return;
    if (u->starting)
        user_run_steps(u);
    else if (u->seq)
        user_seq_step(u, 0);
    else
        user_next_task(u);
}

void user_done(lg_user *u, CURLcode rc)
{
    lg_engine *e = u->eng;
    uint64_t t1 = clock_mono_ns();
    const lg_request *r = u->req;
    long status = 0;
    bool ok = request_judge(u->easy, r, rc, &u->x, &status, e->slots[r->id].url, e->err,
                            sizeof e->err);
    uint64_t end = (r->stream && u->x.stream_got) ? u->x.t_first_ns : t1;
    double rt = end > u->t0_ns ? (double)(end - u->t0_ns) / 1e6 : 0.0;
    uint64_t bytes = u->x.bytes;
    if (r->stream) { /* Locust reports Content-Length for streamed responses */
        curl_off_t cl = -1;
        curl_easy_getinfo(u->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
        bytes = cl > 0 ? (uint64_t)cl : 0;
        u->applied = NULL; /* the aborted connection is gone; re-apply next time */
    }
    engine_record(e, u->entry, t1, rt, bytes, !ok, ok ? NULL : e->err);
    user_set_state(u, US_WAIT);
    if (u->stopping) {
        user_stop_step_done(u, ok);
        return;
    }
    if (u->stop_after) {
        if (u->cls->non_stop)
            user_begin_stop(u);
        else
            user_die(u);
        return;
    }
    if (u->starting)
        user_step_done(u, ok, status);
    else if (u->seq)
        user_seq_done(u, ok);
    else
        user_schedule(u);
}

void user_stop(lg_user *u, bool abort)
{
    if (u->state == US_DEAD || u->state == US_FREE || u->stopping)
        return;
    if (u->state == US_BUSY) {
        if (!abort) {
            u->stop_after = true;
            return;
        }
        curl_multi_remove_handle(u->eng->cev.multi, u->easy);
        if (!u->cls->non_stop) {
            user_die(u);
            return;
        }
        user_set_state(u, US_WAIT); /* the aborted request is not recorded */
    }
    if (u->cls->non_stop)
        user_begin_stop(u); /* Locust runs on_stop when a user stops, even at the end */
    else
        user_die(u);
}

void user_kill(lg_user *u)
{
    if (u->state == US_DEAD || u->state == US_FREE)
        return;
    if (u->state == US_BUSY)
        curl_multi_remove_handle(u->eng->cev.multi, u->easy);
    user_die(u);
}

int user_start(lg_user *u, lg_engine *eng, size_t cls)
{
    const lg_run *run = eng->run;
    const lg_plan *plan = run->plan;
    memset(u, 0, sizeof *u);
    u->eng = eng;
    u->cls = plan_class(plan, cls);
    u->cls_index = cls;
    u->easy = curl_easy_init();
    u->share = curl_share_init();
    if (!u->easy || !u->share)
        goto fail;
    /* A connection cache per user: its keep-alive connection is its own, as
     * with a Locust HttpUser session, not pooled with other users. */
    if (curl_share_setopt(u->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT) != CURLSHE_OK ||
        curl_easy_setopt(u->easy, CURLOPT_SHARE, u->share) != CURLE_OK ||
        request_init_handle(u->easy, &run->net, &u->x, u) < 0)
        goto fail;
    const lg_feeder *fd = &plan->feeder;
    if (u->cls->non_start || u->cls->non_stop || u->cls->task_saves || fd->nrows) {
        size_t n = plan->nvar_init;
        if (!(u->vals = calloc(n ? n : 1, sizeof *u->vals)))
            goto fail;
        for (size_t i = 0; i < n; i++)
            if (run->global_vals[i] && !(u->vals[i] = strdup(run->global_vals[i])))
                goto fail;
        /* the feeder's next row, in spawn order over all engines */
        size_t row = fd->nrows ? (size_t)atomic_fetch_add(&eng->shared->feeder_next, 1) : 0;
        for (size_t c = 0; c < fd->ncols && fd->nrows; c++) {
            char **slot = &u->vals[fd->slots[c]];
            free(*slot);
            if (!(*slot = strdup(feeder_cell(fd, row, c))))
                goto fail;
        }
    }
    ev_init(&u->timer, user_timer_cb);
    u->timer.data = u;
    wait_state_init(&u->wst);
    if (run->rate > 0)
        u->period = (double)run->users / run->rate;
    user_set_state(u, US_WAIT);
    eng->nalive++;
    atomic_fetch_add(&eng->shared->users, 1);
    atomic_fetch_add(&eng->shared->class_users[cls], 1);
    if (u->cls->non_start) {
        u->starting = true;
        user_run_steps(u);
    } else {
        user_begin_tasks(u);
    }
    return 0;
fail:
    user_free(u); /* still US_FREE (the memset): the engine skips it */
    return -1;
}

void user_free(lg_user *u)
{
    if (u->easy)
        curl_easy_cleanup(u->easy);
    if (u->share)
        curl_share_cleanup(u->share);
    if (u->vals) {
        for (size_t i = 0; i < u->eng->run->plan->nvar_init; i++)
            free(u->vals[i]);
        free(u->vals);
    }
    if (u->hdrs) {
        for (size_t i = 0; i < u->eng->run->plan->nrequests; i++)
            curl_slist_free_all(u->hdrs[i]);
        free(u->hdrs);
    }
    request_xfer_free(&u->x);
    u->easy = NULL;
    u->share = NULL;
    u->vals = NULL;
    u->hdrs = NULL;
}
