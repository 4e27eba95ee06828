/* engine_slots.c — what an engine prepares once per plan request before
 * the run (lg_req_slot): a fixed URL parsed once, a fixed stats name, a
 * header list shared by all users when no header uses a variable that
 * users change. */
#include <stdlib.h>
#include <string.h>
#include "engine_priv.h"
#include "request.h"

/* Variable slots that users change (on_start and task saves): a header list that
 * uses one is built per user. NULL when out of memory. */
static bool *changing_vars(const lg_plan *plan)
{
    size_t nv = plan->vars.n;
    bool *set = calloc(nv ? nv : 1, sizeof *set);
    if (!set)
        return NULL;
    for (size_t c = 0; c < plan->feeder.ncols; c++)
        set[plan->feeder.slots[c]] = true;
    for (size_t k = 0; k < plan_nclasses(plan); k++) {
        const lg_plan *cl = plan_class(plan, k);
        for (size_t i = 0; i < cl->non_start; i++)
            for (size_t j = 0; j < cl->on_start[i].nsaves; j++)
                set[cl->on_start[i].saves[j].slot] = true;
        for (size_t i = 0; i < cl->non_stop; i++)
            for (size_t j = 0; j < cl->on_stop[i].nsaves; j++)
                set[cl->on_stop[i].saves[j].slot] = true;
        for (size_t t = 0; t < cl->ntasks; t++)
            for (size_t i = 0; i < cl->seqs[t].nsteps; i++)
                for (size_t j = 0; j < cl->seqs[t].steps[i].nsaves; j++)
                    set[cl->seqs[t].steps[i].saves[j].slot] = true;
    }
    return set;
}

/* True when neither the plan's headers nor r's use a variable users change. */
static bool headers_static(const lg_plan *plan, const lg_request *r, const bool *changing)
{
    for (size_t v = 0; v < plan->vars.n; v++) {
        if (!changing[v])
            continue;
        for (size_t h = 0; h < plan->nheaders; h++)
            if (tmpl_uses_var(plan->headers[h].value, (int)v))
                return false;
        for (size_t h = 0; h < r->nheaders; h++)
            if (tmpl_uses_var(r->headers[h].value, (int)v))
                return false;
    }
    return true;
}

/* A fixed URL is parsed once (CURLU) and, when its name is fixed too, so is
 * the stats name: users then only point their handle at them. */
static int slot_fixed_url(lg_engine *e, lg_req_slot *s, const lg_request *r, lb_err *err)
{
    char name[2048];
    if (!request_expand(r, e->run->host, NULL, NULL, e->url, sizeof e->url, name, sizeof name))
        return lb_err_set(err, "request at line %d: URL too long", r->line);
    s->curlu = curl_url();
    s->url = strdup(e->url);
    if (!s->curlu || !s->url || curl_url_set(s->curlu, CURLUPART_URL, e->url, 0) != CURLUE_OK)
        return lb_err_set(err, "bad URL '%s'", e->url);
    if (!r->name || tmpl_is_static(r->name)) {
        if (r->name)
            tmpl_expand(r->name, name, sizeof name, NULL, NULL, NULL);
        if (!(s->name = strdup(name)))
            return lb_err_set(err, "out of memory");
    }
    return 0;
}

/* Fill one slot per plan request with what can be prepared before the run. */
int engine_prepare_requests(lg_engine *e, lb_err *err)
{
    const lg_run *run = e->run;
    const lg_plan *plan = run->plan;
    if (!(e->slots = calloc(plan->nrequests, sizeof *e->slots)))
        return lb_err_set(err, "out of memory");
    bool *changing = changing_vars(plan);
    if (!changing)
        return lb_err_set(err, "out of memory");
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < plan->nrequests; i++) {
        const lg_request *r = plan->requests[i];
        /* a class's requests carry its headers; setup's the top level's */
        const lg_plan *cl = r->cls >= 0 && plan->nclasses ? plan_class(plan, (size_t)r->cls) : plan;
        lg_req_slot *s = &e->slots[i];
        if (tmpl_is_static(r->target) && (rc = slot_fixed_url(e, s, r, err)) < 0)
            break;
        s->hdrs_static = headers_static(cl, r, changing);
        if (s->hdrs_static &&
            !(s->hdrs = request_headers(cl, r, (const char *const *)run->global_vals)))
            rc = lb_err_set(err, "out of memory");
    }
    free(changing);
    return rc;
}

void engine_free_requests(lg_engine *e)
{
    size_t n = e->run->plan->nrequests;
    for (size_t i = 0; e->slots && i < n; i++) {
        curl_url_cleanup(e->slots[i].curlu);
        free(e->slots[i].url);
        free(e->slots[i].name);
        curl_slist_free_all(e->slots[i].hdrs);
    }
    free(e->slots);
    e->slots = NULL;
}
