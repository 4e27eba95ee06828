/* scenario_tasks.c — the scenario's tasks (one request, or steps: in
 * sequence; weight, tags), its load shape (stages:) and its data feeder
 * (feeder:). The top level, steps and loading are in scenario.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "duration.h"
#include "scenario_yaml.h"

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
int sy_reject_retry(sy_ctx *c, const yaml_node_t *stepsn, const char *why)
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
    if (sy_reject_retry(c, stepsn, "a failed task step ends the task") < 0)
        return -1;
    lg_step *steps = NULL;
    size_t n = 0;
    int rc = sy_parse_steps(c, stepsn, "steps", &steps, &n);
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
    if (plan_add_task_seq(c->cls, steps, n, w) < 0)
        return lb_err_set(c->err, "out of memory");
    return tagsn ? parse_tags(c, tagsn, steps[0].req) : 0;
}

int sy_parse_tasks(sy_ctx *c, const yaml_node_t *n)
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
        if (plan_add_task(c->cls, r, w) < 0)
            return lb_err_set(c->err, "out of memory");
    }
    if (c->cls->ntasks == 0)
        return sy_fail(c, n, "'tasks' is empty", NULL, NULL);
    return 0;
}

/* stages: [{duration: 30s, users: 50, spawn_rate: 10}, ...] */
int sy_parse_stages(sy_ctx *c, const yaml_node_t *n)
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
int sy_parse_feeder(sy_ctx *c, const yaml_node_t *v)
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
