/* scenario.c — YAML scenario → plan: the top level (name, host, wait,
 * variables, headers, setup, on_start, on_stop, ...), steps, loading a file
 * (duplicate keys refused first) and resolving -f NAME. Tasks, stages and
 * the feeder are parsed in scenario_tasks.c, requests in scenario_request.c. See
 * docs/scenarios.md for the format. Unknown keys are errors: a typo must not
 * quietly change a benchmark. */
#include "scenario.h"
#include "readfile.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "scenario_yaml.h"

/* ---- steps ----------------------------------------------------------- */

static int parse_retry(sy_ctx *c, const yaml_node_t *n, lg_step *s)
{
    if (sy_want_mapping(c, n, "'retry'") < 0)
        return -1;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *key = sy_scalar(k);
        double d;
        if (key && !strcmp(key, "attempts")) {
            if (sy_want_number(c, v, key, &d) < 0)
                return -1;
            if (d < 1 || d > 100 || d != (int)d)
                return sy_fail(c, v, "'attempts' must be an integer 1..100", NULL, NULL);
            s->attempts = (int)d;
        } else if (key && !strcmp(key, "backoff")) {
            if (sy_want_number(c, v, key, &d) < 0)
                return -1;
            if (d < 0)
                return sy_fail(c, v, "'backoff' must be >= 0", NULL, NULL);
            s->backoff = d;
        } else if (key && !strcmp(key, "on")) {
            if (v->type != YAML_SEQUENCE_NODE)
                return sy_fail(c, v, "'on' must be a list of connection, 5xx, 429", NULL, NULL);
            s->retry_on = 0;
            for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top; i++) {
                yaml_node_t *it = sy_node(c, *i);
                const char *w = sy_scalar(it);
                if (w && !strcmp(w, "connection"))
                    s->retry_on |= LG_RETRY_CONN;
                else if (w && !strcmp(w, "5xx"))
                    s->retry_on |= LG_RETRY_5XX;
                else if (w && !strcmp(w, "429"))
                    s->retry_on |= LG_RETRY_429;
                else
                    return sy_fail(c, it, "retry condition '%s' unknown (connection, 5xx, 429)", w, NULL);
            }
        } else {
            return sy_fail(c, k, "unknown retry key '%s' (attempts, backoff, on)", key, NULL);
        }
    }
    return 0;
}

static int parse_saves(sy_ctx *c, const yaml_node_t *n, lg_step *s)
{
    if (sy_want_mapping(c, n, "'save'") < 0)
        return -1;
    size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    s->saves = calloc(cnt ? cnt : 1, sizeof *s->saves);
    if (!s->saves)
        return lb_err_set(c->err, "out of memory");
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        const char *var, *field;
        if (sy_want_scalar(c, sy_node(c, p->key), "variable", &var) < 0 ||
            sy_want_scalar(c, sy_node(c, p->value), var, &field) < 0)
            return -1;
        lg_save *sv = &s->saves[s->nsaves++];
        sv->slot = vars_slot(&c->plan->vars, var);
        sv->field = strdup(field);
        if (sv->slot < 0 || !sv->field)
            return lb_err_set(c->err, "out of memory");
    }
    return 0;
}

int sy_parse_steps(sy_ctx *c, const yaml_node_t *n, const char *what, lg_step **out, size_t *nout)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return sy_fail(c, n, "'%s' must be a list of steps", what, NULL);
    size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    *out = calloc(cnt ? cnt : 1, sizeof **out);
    if (!*out)
        return lb_err_set(c->err, "out of memory");
    *nout = 0;
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
        yaml_node_t *sn = sy_node(c, *i);
        lg_step *s = &(*out)[(*nout)++];
        s->when_slot = -1;
        s->unless_slot = -1;
        s->attempts = 1;
        s->retry_on = LG_RETRY_CONN | LG_RETRY_5XX;
        if (sy_want_mapping(c, sn, "a step") < 0)
            return -1;
        for (yaml_node_pair_t *p = sn->data.mapping.pairs.start; p < sn->data.mapping.pairs.top; p++) {
            yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
            const char *key = sy_scalar(k);
            if (key && !strcmp(key, "request")) {
                if (sy_parse_request(c, v, &s->req, NULL) < 0)
                    return -1;
            } else if (key && !strcmp(key, "when")) {
                const char *var;
                if (sy_want_scalar(c, v, key, &var) < 0)
                    return -1;
                if ((s->when_slot = vars_slot(&c->plan->vars, var)) < 0)
                    return lb_err_set(c->err, "out of memory");
            } else if (key && !strcmp(key, "unless")) {
                const char *var;
                if (sy_want_scalar(c, v, key, &var) < 0)
                    return -1;
                if ((s->unless_slot = vars_slot(&c->plan->vars, var)) < 0)
                    return lb_err_set(c->err, "out of memory");
            } else if (key && !strcmp(key, "retry")) {
                if (parse_retry(c, v, s) < 0)
                    return -1;
            } else if (key && !strcmp(key, "save")) {
                if (parse_saves(c, v, s) < 0)
                    return -1;
            } else {
                return sy_fail(c, k, "unknown step key '%s' (request, when, unless, retry, save)", key, NULL);
            }
        }
        if (!s->req)
            return sy_fail(c, sn, "step in '%s' has no 'request'", what, NULL);
    }
    return 0;
}

/* ---- top level ------------------------------------------------------- */
static int parse_top(sy_ctx *c, const yaml_node_t *root)
{
    lg_plan *plan = c->plan;
    if (!root)
        return lb_err_set(c->err, "%s:1: empty scenario", c->path);
    if (sy_want_mapping(c, root, "the scenario") < 0)
        return -1;
    const yaml_node_t *varsn = NULL, *tasksn = NULL, *usersn = NULL, *headersn = NULL;
    const yaml_node_t *startn = NULL;   /* on_start or on_stop: not beside users: */
    plan->wait.kind = LG_WAIT_NONE;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *key = sy_scalar(k), *s;
        if (!key)
            return sy_fail(c, k, "keys must be plain strings", NULL, NULL);
        int own = sy_parse_user_key(c, key, v, plan);   /* wait, headers, on_*, tasks */
        if (own < 0)
            return -1;
        if (own) {
            if (!strcmp(key, "headers"))
                headersn = v;
            else if (!strcmp(key, "tasks"))
                tasksn = v;
            else if (strcmp(key, "wait"))
                startn = k;
            continue;
        }
        if (!strcmp(key, "name")) {
            if (sy_want_scalar(c, v, key, &s) < 0)
                return -1;
            free(plan->name);
            if (!(plan->name = strdup(s)))
                return lb_err_set(c->err, "out of memory");
        } else if (!strcmp(key, "host")) {
            if (sy_want_scalar(c, v, key, &s) < 0)
                return -1;
            if (!(plan->host = strdup(s)))
                return lb_err_set(c->err, "out of memory");
        } else if (!strcmp(key, "variables")) {
            if (sy_want_mapping(c, v, "'variables'") < 0)
                return -1;
            varsn = v;
        } else if (!strcmp(key, "setup")) {
            if (sy_parse_steps(c, v, key, &plan->setup, &plan->nsetup) < 0)
                return -1;
        } else if (!strcmp(key, "stages")) {
            if (sy_parse_stages(c, v) < 0)
                return -1;
        } else if (!strcmp(key, "feeder")) {
            if (sy_parse_feeder(c, v) < 0)
                return -1;
        } else if (!strcmp(key, "users")) {
            usersn = v;         /* parsed last: classes default to the top's wait, headers */
        } else {
            return sy_fail(c, k, "unknown key '%s' (name, host, wait, variables, feeder, stages, "
                              "headers, setup, on_start, on_stop, tasks, users)", key, NULL);
        }
    }
    if (usersn && (tasksn || startn))
        return sy_fail(c, tasksn ? tasksn : startn, "with 'users:', tasks, on_start and on_stop "
                       "belong to each user class", NULL, NULL);
    if (usersn && sy_parse_users(c, usersn, &plan->wait, headersn) < 0)
        return -1;
    if (!tasksn && !usersn)
        return sy_fail(c, root, "scenario has no 'tasks' (or 'users')", NULL, NULL);
    if (plan_finish_vars(plan) < 0)
        return lb_err_set(c->err, "out of memory");
    if (varsn) {
        for (yaml_node_pair_t *p = varsn->data.mapping.pairs.start; p < varsn->data.mapping.pairs.top; p++) {
            const char *k, *v;
            if (sy_want_scalar(c, sy_node(c, p->key), "variable", &k) < 0 ||
                sy_want_scalar(c, sy_node(c, p->value), k, &v) < 0)
                return -1;
            /* Variable values may use {env:...}; {rand}/{var} make no sense here. */
            lg_tmpl *t = sy_compile(c, sy_node(c, p->value), v);
            if (!t)
                return -1;
            if (!tmpl_is_static(t)) {
                tmpl_free(t);
                return sy_fail(c, sy_node(c, p->value), "variable '%s' may only use {env:...}", k, NULL);
            }
            char tmp[1024];
            size_t len = tmpl_expand(t, tmp, sizeof tmp, NULL, NULL, NULL);
            tmpl_free(t);
            if (len >= sizeof tmp)
                return sy_fail(c, sy_node(c, p->value), "variable '%s' is too long", k, NULL);
            int slot = vars_slot(&plan->vars, k);
            if (slot < 0 || plan_finish_vars(plan) < 0)
                return lb_err_set(c->err, "out of memory");
            free(plan->var_init[slot]);
            if (!(plan->var_init[slot] = strdup(tmp)))
                return lb_err_set(c->err, "out of memory");
        }
    }
    if (!plan->name && !(plan->name = strdup("scenario")))
        return lb_err_set(c->err, "out of memory");
    return 0;
}

int scenario_load_string(const char *path, const char *text, size_t len, lg_plan *plan,
                         lb_err *err)
{
    memset(plan, 0, sizeof *plan);
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return lb_err_set(err, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        lb_err_set(err, "%s:%lu: %s%s%s", path, (unsigned long)parser.problem_mark.line + 1,
                   parser.problem ? parser.problem : "YAML syntax error",
                   parser.context ? " " : "", parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return -1;
    }
    sy_ctx c = {path, &doc, plan, err, plan, -1};
    err->msg[0] = '\0';
    int rc = sy_check_duplicate_keys(&c);
    if (rc == 0)
        rc = parse_top(&c, yaml_document_get_root_node(&doc));
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    if (rc == 0) {
        plan_hash(plan, text, len);
        if (!(plan->path = strdup(path)))
            rc = lb_err_set(err, "out of memory");
    }
    if (rc < 0)
        plan_free(plan);
    return rc;
}

int scenario_load(const char *path, lg_plan *plan, lb_err *err)
{
    memset(plan, 0, sizeof *plan);
    size_t len;
    char *text = lb_read_file(path, "scenario", &len, err);
    if (!text)
        return -1;
    int rc = scenario_load_string(path, text, len, plan, err);
    free(text);
    return rc;
}

int scenario_resolve(const char *arg, char *out, size_t cap, lb_err *err)
{
    struct stat st;
    size_t n = strlen(arg);
    /* Locust's habit (-f locustfile.py) deserves a pointer, not a YAML error */
    if (n >= 3 && !strcmp(arg + n - 3, ".py"))
        return lb_err_set(err, "-f %s: loadgen reads YAML scenarios; see docs/porting.md", arg);
    if (stat(arg, &st) == 0 && S_ISREG(st.st_mode)) {
        snprintf(out, cap, "%s", arg);
        return 0;
    }
    if (strchr(arg, '/') || strstr(arg, ".yaml"))
        return lb_err_set(err, "scenario file '%s' not found", arg);
    const char *dirs[2] = {getenv("LOADGEN_SCENARIO_DIR"), LG_SCENARIO_DIR};
    for (int i = 0; i < 2; i++) {
        if (!dirs[i] || !*dirs[i])
            continue;
        snprintf(out, cap, "%s/%s.yaml", dirs[i], arg);
        if (stat(out, &st) == 0 && S_ISREG(st.st_mode))
            return 0;
    }
    return lb_err_set(err, "scenario '%s' not found (looked for %s.yaml in $LOADGEN_SCENARIO_DIR "
                           "and %s)", arg, arg, LG_SCENARIO_DIR);
}
