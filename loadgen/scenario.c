/* scenario.c — YAML scenario → plan: the top level (name, host, wait,
 * variables, headers, setup, on_start, tasks), start-up steps, loading a
 * file and resolving -f NAME. Requests are parsed in scenario_request.c. See
 * docs/scenarios.md for the format. Unknown keys are errors: a typo must not
 * quietly change a benchmark. */
#include "scenario.h"
#include "readfile.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "duration.h"
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

static int parse_steps(sy_ctx *c, const yaml_node_t *n, const char *what, lg_step **out, size_t *nout)
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

/* A task's `tags: [a, b]` (or one tag). */
static int parse_tags(sy_ctx *c, const yaml_node_t *v, lg_request *r)
{
    const yaml_node_item_t *start = NULL, *top = NULL;
    yaml_node_item_t one;
    if (v->type == YAML_SEQUENCE_NODE) {
        start = v->data.sequence.items.start;
        top = v->data.sequence.items.top;
    } else if (v->type == YAML_SCALAR_NODE) {
        one = (yaml_node_item_t)(v - c->doc->nodes.start + 1);
        start = &one;
        top = &one + 1;
    } else {
        return sy_fail(c, v, "'tags' must be a list of names", NULL, NULL);
    }
    if (!(r->tags = calloc((size_t)(top - start) + 1, sizeof *r->tags)))
        return lb_err_set(c->err, "out of memory");
    for (const yaml_node_item_t *i = start; i < top; i++) {
        const char *t;
        if (sy_want_scalar(c, sy_node(c, *i), "tags", &t) < 0)
            return -1;
        if (!*t || strpbrk(t, ", []"))
            return sy_fail(c, sy_node(c, *i), "bad tag '%s' (no spaces, commas or brackets)", t, NULL);
        if (!(r->tags[r->ntags++] = strdup(t)))
            return lb_err_set(c->err, "out of memory");
    }
    return 0;
}

static const yaml_node_t *find_key(sy_ctx *c, const yaml_node_t *map, const char *key)
{
    if (map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = sy_scalar(sy_node(c, p->key));
        if (k && !strcmp(k, key))
            return sy_node(c, p->value);
    }
    return NULL;
}

/* Steps that are never retried (task steps, on_stop) refuse `retry:`. */
static int reject_retry(sy_ctx *c, const yaml_node_t *stepsn, const char *why)
{
    if (stepsn->type != YAML_SEQUENCE_NODE)
        return 0;
    for (yaml_node_item_t *i = stepsn->data.sequence.items.start; i < stepsn->data.sequence.items.top; i++) {
        const yaml_node_t *r = find_key(c, sy_node(c, *i), "retry");
        if (r)
            return sy_fail(c, r, "'retry' is for setup and on_start steps; %s", why, NULL);
    }
    return 0;
}

/* A task of several requests: {weight, tags, steps: [step, ...]}. Its steps
 * are on_start's (request, when, unless, save) without retry: a step that
 * fails ends the task, as an exception ends a Locust task function. */
static int parse_seq_task(sy_ctx *c, yaml_node_t *tn, const yaml_node_t *stepsn)
{
    double w = 1;
    const yaml_node_t *tagsn = NULL;
    for (yaml_node_pair_t *p = tn->data.mapping.pairs.start; p < tn->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *key = sy_scalar(k);
        if (key && !strcmp(key, "weight")) {
            if (sy_want_number(c, v, key, &w) < 0)
                return -1;
            if (!(w > 0))
                return sy_fail(c, v, "'weight' must be > 0", NULL, NULL);
        } else if (key && !strcmp(key, "tags")) {
            tagsn = v;
        } else if (!key || strcmp(key, "steps")) {
            return sy_fail(c, k, "a task with 'steps' takes only weight and tags besides, not '%s'",
                           key ? key : "?", NULL);
        }
    }
    if (reject_retry(c, stepsn, "a failed task step ends the task") < 0)
        return -1;
    lg_step *steps = NULL;
    size_t n = 0;
    int rc = parse_steps(c, stepsn, "steps", &steps, &n);
    if (rc == 0 && n == 0)
        rc = sy_fail(c, stepsn, "'steps' is empty", NULL, NULL);
    if (rc < 0) {
        for (size_t i = 0; i < n; i++) {
            for (size_t j = 0; j < steps[i].nsaves; j++)
                free(steps[i].saves[j].field);
            free(steps[i].saves);
        }
        free(steps);
        return -1;
    }
    if (plan_add_task_seq(c->plan, steps, n, w) < 0)
        return lb_err_set(c->err, "out of memory");
    return tagsn ? parse_tags(c, tagsn, steps[0].req) : 0;
}

static int parse_tasks(sy_ctx *c, const yaml_node_t *n)
{
    static const char *const extra[] = {"weight", "tags", NULL};
    if (n->type != YAML_SEQUENCE_NODE)
        return sy_fail(c, n, "'tasks' must be a list of requests", NULL, NULL);
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
        yaml_node_t *tn = sy_node(c, *i);
        const yaml_node_t *stepsn = find_key(c, tn, "steps");
        if (stepsn) {
            if (parse_seq_task(c, tn, stepsn) < 0)
                return -1;
            continue;
        }
        lg_request *r;
        if (sy_parse_request(c, tn, &r, extra) < 0)
            return -1;
        double w = 1;
        for (yaml_node_pair_t *p = tn->data.mapping.pairs.start; p < tn->data.mapping.pairs.top; p++) {
            const char *key = sy_scalar(sy_node(c, p->key));
            if (key && !strcmp(key, "weight")) {
                yaml_node_t *v = sy_node(c, p->value);
                if (sy_want_number(c, v, key, &w) < 0)
                    return -1;
                if (!(w > 0))
                    return sy_fail(c, v, "'weight' must be > 0", NULL, NULL);
            } else if (key && !strcmp(key, "tags")) {
                if (parse_tags(c, sy_node(c, p->value), r) < 0)
                    return -1;
            }
        }
        if (plan_add_task(c->plan, r, w) < 0)
            return lb_err_set(c->err, "out of memory");
    }
    if (c->plan->ntasks == 0)
        return sy_fail(c, n, "'tasks' is empty", NULL, NULL);
    return 0;
}

/* stages: [{duration: 30s, users: 50, spawn_rate: 10}, ...] */
static int parse_stages(sy_ctx *c, const yaml_node_t *n)
{
    if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.top == n->data.sequence.items.start)
        return sy_fail(c, n, "'stages' must be a list of {duration, users, spawn_rate}", NULL, NULL);
    size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    lg_plan *plan = c->plan;
    if (!(plan->stages = calloc(cnt, sizeof *plan->stages)))
        return lb_err_set(c->err, "out of memory");
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
        yaml_node_t *sn = sy_node(c, *i);
        lg_stage *st = &plan->stages[plan->nstages++];
        bool has_d = false, has_u = false;
        if (sy_want_mapping(c, sn, "a stage") < 0)
            return -1;
        for (yaml_node_pair_t *p = sn->data.mapping.pairs.start; p < sn->data.mapping.pairs.top; p++) {
            yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
            const char *key = sy_scalar(k), *s;
            double d;
            lb_err e;
            if (key && !strcmp(key, "duration")) {
                if (sy_want_scalar(c, v, key, &s) < 0)
                    return -1;
                if (duration_parse(s, &st->duration, &e) < 0)
                    return sy_fail(c, v, "stage duration: %s", e.msg, NULL);
                if (!(st->duration > 0))
                    return sy_fail(c, v, "stage duration must be > 0", NULL, NULL);
                has_d = true;
            } else if (key && !strcmp(key, "users")) {
                if (sy_want_number(c, v, key, &d) < 0)
                    return -1;
                if (d < 0 || d > 10000000 || d != (long)d)
                    return sy_fail(c, v, "stage users must be a whole number 0..10000000", NULL, NULL);
                st->users = (long)d;
                has_u = true;
            } else if (key && !strcmp(key, "spawn_rate")) {
                if (sy_want_number(c, v, key, &st->spawn_rate) < 0)
                    return -1;
                if (!(st->spawn_rate > 0) || st->spawn_rate > 1e7)
                    return sy_fail(c, v, "stage spawn_rate must be > 0", NULL, NULL);
            } else {
                return sy_fail(c, k, "unknown stage key '%s' (duration, users, spawn_rate)",
                               key ? key : "?", NULL);
            }
        }
        if (!has_d || !has_u)
            return sy_fail(c, sn, "a stage needs 'duration' and 'users'", NULL, NULL);
    }
    if (plan_stage_max(plan) < 1)
        return sy_fail(c, n, "'stages' never asks for a user", NULL, NULL);
    return 0;
}

/* feeder: FILE or {file: FILE}; a relative FILE is beside the scenario. */
static int parse_feeder(sy_ctx *c, const yaml_node_t *v)
{
    const char *file = sy_scalar(v);
    if (!file && v->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
            const char *k = sy_scalar(sy_node(c, p->key));
            if (!k || strcmp(k, "file"))
                return sy_fail(c, sy_node(c, p->key), "unknown feeder key '%s' (file)",
                               k ? k : "?", NULL);
            if (sy_want_scalar(c, sy_node(c, p->value), "file", &file) < 0)
                return -1;
        }
    }
    if (!file || !*file)
        return sy_fail(c, v, "'feeder' needs a CSV file: feeder: users.csv", NULL, NULL);
    char path[4096];
    const char *slash = strrchr(c->path, '/');
    if (file[0] == '/' || !slash)
        snprintf(path, sizeof path, "%s", file);
    else
        snprintf(path, sizeof path, "%.*s/%s", (int)(slash - c->path), c->path, file);
    lb_err e;
    if (feeder_load(&c->plan->feeder, path, &c->plan->vars, &e) < 0)
        return sy_fail(c, v, "feeder: %s", e.msg, NULL);
    return 0;
}

static int parse_top(sy_ctx *c, const yaml_node_t *root)
{
    lg_plan *plan = c->plan;
    if (!root)
        return lb_err_set(c->err, "%s:1: empty scenario", c->path);
    if (sy_want_mapping(c, root, "the scenario") < 0)
        return -1;
    const yaml_node_t *varsn = NULL, *tasksn = NULL;
    plan->wait.kind = LG_WAIT_NONE;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *key = sy_scalar(k), *s;
        if (!key)
            return sy_fail(c, k, "keys must be plain strings", NULL, NULL);
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
        } else if (!strcmp(key, "wait")) {
            lb_err e;
            if (sy_want_scalar(c, v, key, &s) < 0)
                return -1;
            if (wait_parse(s, &plan->wait, &e) < 0)
                return sy_fail(c, v, "%s", e.msg, NULL);
        } else if (!strcmp(key, "variables")) {
            if (sy_want_mapping(c, v, "'variables'") < 0)
                return -1;
            varsn = v;
        } else if (!strcmp(key, "headers")) {
            if (sy_parse_headers(c, v, &plan->headers, &plan->nheaders) < 0)
                return -1;
        } else if (!strcmp(key, "setup")) {
            if (parse_steps(c, v, key, &plan->setup, &plan->nsetup) < 0)
                return -1;
        } else if (!strcmp(key, "on_start")) {
            if (parse_steps(c, v, key, &plan->on_start, &plan->non_start) < 0)
                return -1;
        } else if (!strcmp(key, "on_stop")) {
            if (reject_retry(c, v, "on_stop steps are not retried") < 0 ||
                parse_steps(c, v, key, &plan->on_stop, &plan->non_stop) < 0)
                return -1;
        } else if (!strcmp(key, "stages")) {
            if (parse_stages(c, v) < 0)
                return -1;
        } else if (!strcmp(key, "feeder")) {
            if (parse_feeder(c, v) < 0)
                return -1;
        } else if (!strcmp(key, "tasks")) {
            tasksn = v;
            if (parse_tasks(c, v) < 0)
                return -1;
        } else {
            return sy_fail(c, k, "unknown key '%s' (name, host, wait, variables, feeder, stages, "
                              "headers, setup, on_start, on_stop, tasks)", key, NULL);
        }
    }
    if (!tasksn)
        return sy_fail(c, root, "scenario has no 'tasks'", NULL, NULL);
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
    sy_ctx c = {path, &doc, plan, err};
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
