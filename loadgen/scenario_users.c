/* scenario_users.c — `users:`, several user classes in one scenario, as a
 * locustfile with several User classes: each has a name (Locust's class
 * name, shown in "All users spawned" and sent to a master), a weight or a
 * fixed_count, and its own tasks, wait, headers, on_start and on_stop. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "scenario_yaml.h"

#define LG_MAX_FIXED_COUNT 1000000

/* Class names end up in logs as JSON keys and in a master's messages:
 * Python identifiers, as Locust's are. */
static bool good_name(const char *s)
{
    if (!*s || isdigit((unsigned char)*s))
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

int sy_parse_user_key(sy_ctx *c, const char *key, const yaml_node_t *v, lg_plan *pl)
{
    const char *s;
    lb_err e;
    if (!strcmp(key, "wait")) {
        if (sy_want_scalar(c, v, key, &s) < 0)
            return -1;
        if (wait_parse(s, &pl->wait, &e) < 0)
            return sy_fail(c, v, "%s", e.msg, NULL);
    } else if (!strcmp(key, "headers")) {
        if (sy_parse_headers(c, v, &pl->headers, &pl->nheaders) < 0)
            return -1;
    } else if (!strcmp(key, "on_start")) {
        if (sy_parse_steps(c, v, key, &pl->on_start, &pl->non_start) < 0)
            return -1;
    } else if (!strcmp(key, "on_stop")) {
        if (sy_reject_retry(c, v, "on_stop steps are not retried") < 0 ||
            sy_parse_steps(c, v, key, &pl->on_stop, &pl->non_stop) < 0)
            return -1;
    } else if (!strcmp(key, "tasks")) {
        if (sy_parse_tasks(c, v) < 0)
            return -1;
    } else {
        return 0;
    }
    return 1;
}

static int parse_class(sy_ctx *c, const yaml_node_t *n, lg_plan *cls, const lg_wait *topwait,
                       const yaml_node_t *topheaders)
{
    if (sy_want_mapping(c, n, "a user class") < 0)
        return -1;
    cls->weight = 1;
    cls->wait = *topwait;
    cls->line = (int)n->start_mark.line + 1;
    const yaml_node_t *tasksn = NULL;
    bool own_headers = false;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *key = sy_scalar(k), *s;
        double d;
        if (!key)
            return sy_fail(c, k, "keys must be plain strings", NULL, NULL);
        if (!strcmp(key, "name")) {
            if (sy_want_scalar(c, v, key, &s) < 0)
                return -1;
            if (!good_name(s))
                return sy_fail(c, v, "user class name '%s' must be letters, digits and _ "
                               "(a Python class name)", s, NULL);
            if (!(cls->name = strdup(s)))
                return lb_err_set(c->err, "out of memory");
        } else if (!strcmp(key, "weight")) {
            if (sy_want_number(c, v, key, &d) < 0)
                return -1;
            if (!(d > 0) || d > 1e6)
                return sy_fail(c, v, "'weight' must be > 0 and at most 1000000", NULL, NULL);
            cls->weight = d;
        } else if (!strcmp(key, "fixed_count")) {
            if (sy_want_number(c, v, key, &d) < 0)
                return -1;
            if (d < 0 || d > LG_MAX_FIXED_COUNT || d != (long)d)
                return sy_fail(c, v, "'fixed_count' must be a whole number 0..1000000", NULL, NULL);
            cls->fixed_count = (long)d;
        } else {
            int own = sy_parse_user_key(c, key, v, cls);
            if (own < 0)
                return -1;
            if (!own)
                return sy_fail(c, k, "unknown user class key '%s' (name, weight, fixed_count, "
                               "wait, headers, on_start, on_stop, tasks)", key, NULL);
            own_headers |= !strcmp(key, "headers");
            if (!strcmp(key, "tasks"))
                tasksn = v;
        }
    }
    if (!cls->name)
        return sy_fail(c, n, "user class has no 'name'", NULL, NULL);
    if (!tasksn)
        return sy_fail(c, n, "user class '%s' has no 'tasks'", cls->name, NULL);
    /* the top level's headers, parsed again so that the class owns its copy */
    if (!own_headers && topheaders &&
        sy_parse_headers(c, topheaders, &cls->headers, &cls->nheaders) < 0)
        return -1;
    return 0;
}

int sy_parse_users(sy_ctx *c, const yaml_node_t *n, const lg_wait *topwait,
                   const yaml_node_t *topheaders)
{
    lg_plan *plan = c->plan;
    if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.top == n->data.sequence.items.start)
        return sy_fail(c, n, "'users' must be a list of user classes ({name, weight, tasks, ...})",
                       NULL, NULL);
    size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (cnt > LG_MAX_CLASSES)
        return sy_fail(c, n, "more than " LG_STR(LG_MAX_CLASSES) " user classes", NULL, NULL);
    if (!(plan->classes = calloc(cnt, sizeof *plan->classes)))
        return lb_err_set(c->err, "out of memory");
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < cnt; i++) {
        lg_plan *cls = &plan->classes[plan->nclasses++];
        c->cls = cls;
        c->cls_index = (int)i;
        const yaml_node_t *cn = sy_node(c, n->data.sequence.items.start[i]);
        rc = parse_class(c, cn, cls, topwait, topheaders);
        for (size_t j = 0; rc == 0 && j < i; j++)
            if (!strcmp(plan->classes[j].name, cls->name))
                rc = sy_fail(c, cn, "user class '%s' is defined twice", cls->name, NULL);
    }
    c->cls = plan;
    c->cls_index = -1;
    return rc;
}
