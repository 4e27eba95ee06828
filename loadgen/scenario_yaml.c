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
