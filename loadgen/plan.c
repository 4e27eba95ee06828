/* plan.c — building and freeing plans, and the URL-mode plan (no scenario file). */
#include "plan.h"
#include <ctype.h>
#include <math.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

lg_request *plan_new_request(lg_plan *plan)
{
    lg_request **nr = realloc(plan->requests, (plan->nrequests + 1) * sizeof *nr);
    if (!nr)
        return NULL;
    plan->requests = nr;
    lg_request *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->id = (int)plan->nrequests;
    strcpy(r->method, "GET");
    plan->requests[plan->nrequests++] = r;
    return r;
}

int plan_add_task(lg_plan *plan, lg_request *req, double weight)
{
    lg_request **nt = realloc(plan->tasks, (plan->ntasks + 1) * sizeof *nt);
    if (!nt)
        return -1;
    plan->tasks = nt;
    double *nc = realloc(plan->cum, (plan->ntasks + 1) * sizeof *nc);
    if (!nc)
        return -1;
    plan->cum = nc;
    lg_task_seq *ns = realloc(plan->seqs, (plan->ntasks + 1) * sizeof *ns);
    if (!ns)
        return -1;
    plan->seqs = ns;
    ns[plan->ntasks] = (lg_task_seq){NULL, 0};
    plan->nseqs_owned = plan->ntasks + 1;
    nc[plan->ntasks] = (plan->ntasks ? nc[plan->ntasks - 1] : 0) + weight;
    nt[plan->ntasks++] = req;
    return 0;
}

static bool has_tag(const lg_request *r, const char *const *tags, size_t n)
{
    for (size_t i = 0; i < r->ntags; i++)
        for (size_t j = 0; j < n; j++)
            if (!strcmp(r->tags[i], tags[j]))
                return true;
    return false;
}

static size_t filter_class(lg_plan *plan, const char *const *tags, size_t ntags,
                           const char *const *exclude, size_t nexclude)
{
    size_t kept = 0;
    double prev = 0, sum = 0;
    for (size_t i = 0; i < plan->ntasks; i++) {
        double w = plan->cum[i] - prev;
        prev = plan->cum[i];
        const lg_request *r = plan->tasks[i];
        if ((ntags && !has_tag(r, tags, ntags)) || has_tag(r, exclude, nexclude))
            continue;
        sum += w;
        plan->tasks[kept] = plan->tasks[i];
        lg_task_seq tmp = plan->seqs[kept]; /* swap: every sequence stays owned */
        plan->seqs[kept] = plan->seqs[i];
        plan->seqs[i] = tmp;
        plan->cum[kept++] = sum;
    }
    plan->ntasks = kept;
    return kept;
}

int plan_filter_tags(lg_plan *plan, const char *const *tags, size_t ntags,
                     const char *const *exclude, size_t nexclude, lb_err *err)
{
    if (!plan->nclasses) {
        if (!filter_class(plan, tags, ntags, exclude, nexclude))
            return lb_err_set(err, "no task of scenario '%s' is left after --tags/--exclude-tags",
                              plan->name ? plan->name : "?");
        return 0;
    }
    /* Locust refuses to run a User class left without tasks; so do we. */
    for (size_t i = 0; i < plan->nclasses; i++)
        if (!filter_class(&plan->classes[i], tags, ntags, exclude, nexclude))
            return lb_err_set(err, "no task of user class '%s' is left after --tags/"
                              "--exclude-tags", plan->classes[i].name);
    return 0;
}

static void free_steps(lg_step *s, size_t n);

int plan_add_task_seq(lg_plan *plan, lg_step *steps, size_t nsteps, double weight)
{
    if (plan_add_task(plan, steps[0].req, weight) < 0) {
        free_steps(steps, nsteps);
        return -1;
    }
    plan->seqs[plan->ntasks - 1] = (lg_task_seq){steps, nsteps};
    for (size_t i = 0; i < nsteps; i++)
        plan->task_saves |= steps[i].nsaves > 0;
    return 0;
}

int plan_finish_vars(lg_plan *plan)
{
    size_t n = plan->vars.n ? plan->vars.n : 1;
    char **ni = realloc(plan->var_init, n * sizeof *ni);
    if (!ni)
        return -1;
    /* Slots added since the last call start unset. */
    for (size_t i = plan->nvar_init; i < n; i++)
        ni[i] = NULL;
    plan->var_init = ni;
    plan->nvar_init = n;
    return 0;
}

static void sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    static const char hex[] = "0123456789abcdef";
    if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL))
        mdlen = 0;
    for (unsigned i = 0; i < mdlen && i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[2 * (mdlen < 32 ? mdlen : 32)] = '\0';
}

void plan_hash(lg_plan *plan, const void *data, size_t len)
{
    sha256_hex(data, len, plan->hash);
}

/* text with its braces doubled: literal text for the template compiler. */
static char *tmpl_escape(const char *text, size_t len)
{
    char *esc = malloc(2 * len + 1), *q = esc;
    if (!esc)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        *q++ = text[i];
        if (text[i] == '{' || text[i] == '}')
            *q++ = text[i];
    }
    *q = '\0';
    return esc;
}

static lg_tmpl *literal(lg_plan *plan, const char *text, size_t len, lb_err *err)
{
    char *esc = tmpl_escape(text, len);
    if (!esc) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    lg_tmpl *t = tmpl_compile(esc, &plan->vars, err);
    free(esc);
    return t;
}

int plan_url_options(lg_plan *plan, const char *method, const char *const *headers,
                     size_t nheaders, const char *body, size_t bodylen, lb_err *err)
{
    size_t ml = method ? strlen(method) : 0;
    if (method && (ml == 0 || ml >= sizeof plan->requests[0]->method))
        return lb_err_set(err, "option -X/--method: bad method '%s'", method);
    for (size_t i = 0; i < ml; i++)
        if (!isalpha((unsigned char)method[i]))
            return lb_err_set(err, "option -X/--method: bad method '%s'", method);
    if (body && (bodylen >= LG_MAX_BODY || memchr(body, '\0', bodylen)))
        return lb_err_set(err, "option --body/--body-file: %s", bodylen >= LG_MAX_BODY
                          ? "longer than " LG_STR(LG_MAX_BODY) " bytes" : "contains a NUL byte");
    if (nheaders && !(plan->headers = calloc(nheaders, sizeof *plan->headers)))
        return lb_err_set(err, "out of memory");
    for (size_t i = 0; i < nheaders; i++) {
        const char *h = headers[i], *colon = strchr(h, ':');
        size_t nl = colon ? (size_t)(colon - h) : 0;
        if (!colon || nl == 0 || memchr(h, ' ', nl) || strpbrk(h, "\r\n"))
            return lb_err_set(err, "option --header '%s': expected 'Name: value' (no CR/LF)", h);
        const char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        lg_header *ph = &plan->headers[plan->nheaders];
        if (!(ph->name = strndup(h, nl)))
            return lb_err_set(err, "out of memory");
        plan->nheaders++; /* plan_free frees it from here on */
        if (!(ph->value = literal(plan, v, strlen(v), err)))
            return -1;
    }
    for (size_t i = 0; i < plan->nrequests; i++) {
        lg_request *r = plan->requests[i];
        for (size_t k = 0; k < ml; k++)
            r->method[k] = (char)toupper((unsigned char)method[k]);
        if (method)
            r->method[ml] = '\0';
        if (body && !(r->body = literal(plan, body, bodylen, err)))
            return -1;
    }
    return plan_finish_vars(plan) < 0 ? lb_err_set(err, "out of memory") : 0;
}

int plan_from_urls(lg_plan *plan, char *const *urls, size_t n, lb_err *err)
{
    memset(plan, 0, sizeof *plan);
    plan->name = strdup("urls");
    plan->wait.kind = LG_WAIT_NONE;
    if (!plan->name)
        return lb_err_set(err, "out of memory");
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(urls[i]) + 1;
    char *all = malloc(total + 1), *p = all;
    if (!all)
        return lb_err_set(err, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *u = urls[i];
        size_t ul = strlen(u);
        memcpy(p, u, ul);
        p[ul] = '\n';
        p += ul + 1;
        const char *scheme_end = strstr(u, "://");
        if (!scheme_end || (strncmp(u, "http://", 7) && strncmp(u, "https://", 8)) ||
            !scheme_end[3]) {
            free(all);
            return lb_err_set(err, "URL '%s': expected an absolute http:// or https:// URL", u);
        }
        const char *path = strchr(scheme_end + 3, '/');
        lg_request *r = plan_new_request(plan);
        if (!r) {
            free(all);
            return lb_err_set(err, "out of memory");
        }
        /* Braces in a URL are literal here: escape them for the template compiler. */
        char *esc = tmpl_escape(u, ul);
        if (!esc) {
            free(all);
            return lb_err_set(err, "out of memory");
        }
        r->target = tmpl_compile(esc, &plan->vars, err);
        const char *pathesc = "/";
        if (path) { /* the path's offset moves by the braces escaped before it */
            size_t extra = 0;
            for (const char *s = u; s < path; s++)
                extra += (*s == '{' || *s == '}');
            pathesc = esc + (path - u) + extra;
        }
        r->name = r->target ? tmpl_compile(pathesc, &plan->vars, err) : NULL;
        free(esc);
        if (!r->target || !r->name) {
            free(all);
            return -1;
        }
        r->absolute = true;
        if (plan_add_task(plan, r, 1.0) < 0) {
            free(all);
            return lb_err_set(err, "out of memory");
        }
    }
    sha256_hex(all, total, plan->hash);
    free(all);
    if (plan_finish_vars(plan) < 0)
        return lb_err_set(err, "out of memory");
    return 0;
}

/* Count after moving from c toward `want` at rate r for dt seconds. */
static double stage_move(double c, double want, double r, double dt)
{
    double d = want - c, step = r > 0 ? r * dt : INFINITY;
    return fabs(d) <= step ? want : c + (d > 0 ? step : -step);
}

long plan_stage_users(const lg_plan *plan, double elapsed, size_t *stage)
{
    double start = 0, c = 0;
    for (size_t k = 0; k < plan->nstages; k++) {
        const lg_stage *s = &plan->stages[k];
        if (elapsed < start + s->duration) {
            if (stage)
                *stage = k;
            double n = stage_move(c, (double)s->users, s->spawn_rate, elapsed - start);
            /* whole users, rounded toward where the stage started */
            return (long)(n >= c ? floor(n + 1e-9) : ceil(n - 1e-9));
        }
        c = stage_move(c, (double)s->users, s->spawn_rate, s->duration);
        start += s->duration;
    }
    if (stage)
        *stage = plan->nstages;
    return -1;
}

long plan_stage_max(const lg_plan *plan)
{
    long m = 0;
    for (size_t k = 0; k < plan->nstages; k++)
        m = plan->stages[k].users > m ? plan->stages[k].users : m;
    return m;
}

double plan_stage_total(const lg_plan *plan)
{
    double t = 0;
    for (size_t k = 0; k < plan->nstages; k++)
        t += plan->stages[k].duration;
    return t;
}

bool plan_status_ok(const lg_request *req, long status)
{
    if (req->nexpect == 0)
        return status > 0 && status < 400;
    for (size_t i = 0; i < req->nexpect; i++)
        if (req->expect[i] == status)
            return true;
    return false;
}

bool plan_truthy(const char *v)
{
    return v && *v && strcmp(v, "false") && strcmp(v, "0") && strcmp(v, "null") &&
           strcmp(v, "False");
}

bool plan_step_applies(const lg_step *s, const char *const *vals)
{
    if (s->when_slot >= 0 && !plan_truthy(vals[s->when_slot]))
        return false;
    return !(s->unless_slot >= 0 && plan_truthy(vals[s->unless_slot]));
}

static void free_headers(lg_header *h, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(h[i].name);
        tmpl_free(h[i].value);
    }
    free(h);
}

static void free_steps(lg_step *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < s[i].nsaves; j++)
            free(s[i].saves[j].field);
        free(s[i].saves);
    }
    free(s);
}

void plan_free(lg_plan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->nrequests; i++) {
        lg_request *r = plan->requests[i];
        tmpl_free(r->target);
        tmpl_free(r->name);
        tmpl_free(r->body);
        free_headers(r->headers, r->nheaders);
        free(r->expect_body);
        for (size_t c = 0; c < r->nchecks; c++) {
            free(r->checks[c].path);
            free(r->checks[c].want);
        }
        free(r->checks);
        for (size_t t = 0; t < r->ntags; t++)
            free(r->tags[t]);
        free(r->tags);
        free(r);
    }
    free(plan->requests);
    for (size_t i = 0; i < plan->nclasses; i++)
        plan_free(&plan->classes[i]);  /* their requests are ours, freed above */
    free(plan->classes);
    for (size_t i = 0; plan->seqs && i < plan->nseqs_owned; i++)
        free_steps(plan->seqs[i].steps, plan->seqs[i].nsteps);
    free(plan->seqs);
    free(plan->tasks);
    free(plan->cum);
    free_headers(plan->headers, plan->nheaders);
    free_steps(plan->setup, plan->nsetup);
    free_steps(plan->on_start, plan->non_start);
    free_steps(plan->on_stop, plan->non_stop);
    if (plan->var_init)
        for (size_t i = 0; i < plan->nvar_init; i++)
            free(plan->var_init[i]);
    free(plan->var_init);
    feeder_free(&plan->feeder);
    free(plan->stages);
    vars_free(&plan->vars);
    free(plan->name);
    free(plan->path);
    free(plan->host);
    memset(plan, 0, sizeof *plan);
}
