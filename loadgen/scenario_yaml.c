/* scenario_yaml.c — node helpers for the scenario parser: typed access to
 * scalars with "FILE:LINE: problem" errors. */
#include "scenario_yaml.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sy_fail(sy_ctx *c, const yaml_node_t *n, const char *fmt, const char *a, const char *b)
{
    char msg[1200];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    return lb_err_set(c->err, "%s:%lu: %s", c->path, n ? (unsigned long)n->start_mark.line + 1 : 0UL,
                      msg);
}

yaml_node_t *sy_node(sy_ctx *c, yaml_node_item_t i)
{
    return yaml_document_get_node(c->doc, i);
}

const char *sy_scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Scalar value of n or an error naming the key. */
int sy_want_scalar(sy_ctx *c, const yaml_node_t *n, const char *key, const char **out)
{
    *out = sy_scalar(n);
    if (!*out)
        return sy_fail(c, n, "'%s' must be a plain value, not a list or mapping", key, NULL);
    return 0;
}

int sy_want_number(sy_ctx *c, const yaml_node_t *n, const char *key, double *out)
{
    const char *s;
    if (sy_want_scalar(c, n, key, &s) < 0)
        return -1;
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    if (end == s || *end || errno)
        return sy_fail(c, n, "'%s' must be a number, got '%s'", key, s);
    return 0;
}

int sy_want_bool(sy_ctx *c, const yaml_node_t *n, const char *key, bool *out)
{
    const char *s;
    if (sy_want_scalar(c, n, key, &s) < 0)
        return -1;
    if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "True")) {
        *out = true;
        return 0;
    }
    if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "False")) {
        *out = false;
        return 0;
    }
    return sy_fail(c, n, "'%s' must be true or false, got '%s'", key, s);
}

int sy_want_mapping(sy_ctx *c, const yaml_node_t *n, const char *what)
{
    if (!n || n->type != YAML_MAPPING_NODE)
        return sy_fail(c, n, "%s must be a mapping (key: value)", what, NULL);
    return 0;
}

lg_tmpl *sy_compile(sy_ctx *c, const yaml_node_t *n, const char *text)
{
    lb_err e;
    lg_tmpl *t = tmpl_compile(text, &c->plan->vars, &e);
    if (!t)
        sy_fail(c, n, "%s", e.msg, NULL);
    return t;
}

static int cmp_key(const void *a, const void *b)
{
    const yaml_node_t *x = *(const yaml_node_t *const *)a, *y = *(const yaml_node_t *const *)b;
    int d = strcmp(sy_scalar(x), sy_scalar(y));
    /* equal keys: the later one (in the file) sorts after, and is reported */
    return d ? d : (x->start_mark.index > y->start_mark.index) - (x->start_mark.index < y->start_mark.index);
}

int sy_check_duplicate_keys(sy_ctx *c)
{
    for (yaml_node_t *n = c->doc->nodes.start; n < c->doc->nodes.top; n++) {
        if (n->type != YAML_MAPPING_NODE)
            continue;
        size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start), k = 0;
        if (cnt < 2)
            continue;
        const yaml_node_t **keys = malloc(cnt * sizeof *keys);
        if (!keys)
            return lb_err_set(c->err, "out of memory");
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
            if (sy_scalar(sy_node(c, p->key)))
                keys[k++] = sy_node(c, p->key);
        /* sorted, so duplicates are neighbours: O(n log n) for any mapping */
        qsort(keys, k, sizeof *keys, cmp_key);
        const yaml_node_t *dup = NULL;
        for (size_t i = 1; i < k && !dup; i++)
            if (!strcmp(sy_scalar(keys[i - 1]), sy_scalar(keys[i])))
                dup = keys[i];
        if (dup) {
            char first[32];
            const yaml_node_t *orig = NULL;
            for (size_t i = 0; i < k && !orig; i++)
                if (!strcmp(sy_scalar(keys[i]), sy_scalar(dup)))
                    orig = keys[i];
            snprintf(first, sizeof first, "%lu", (unsigned long)orig->start_mark.line + 1);
            int rc = sy_fail(c, dup, "duplicate key '%s' (first at line %s)", sy_scalar(dup), first);
            free(keys);
            return rc;
        }
        free(keys);
    }
    return 0;
}
