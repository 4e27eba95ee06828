/* scenario.c — YAML scenario → plan. See docs/scenarios.md for the format.
 *
 * Structure: one parse function per YAML object kind (top level, request,
 * step), each checking its keys against a fixed list. JSON bodies are turned
 * into template text here (braces of the JSON itself escaped as {{ }}), so
 * placeholders inside string values still expand per request. */
#include "scenario.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

typedef struct ctx {
    const char *path;
    yaml_document_t *doc;
    lg_plan *plan;
    lb_err *err;
} ctx;

static int fail(ctx *c, const yaml_node_t *n, const char *fmt, const char *a, const char *b)
{
    char msg[1200];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    return lb_err_set(c->err, "%s:%lu: %s", c->path, n ? (unsigned long)n->start_mark.line + 1 : 0UL,
                      msg);
}

static yaml_node_t *node(ctx *c, yaml_node_item_t i)
{
    return yaml_document_get_node(c->doc, i);
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Scalar value of n or an error naming the key. */
static int want_scalar(ctx *c, const yaml_node_t *n, const char *key, const char **out)
{
    *out = scalar(n);
    if (!*out)
        return fail(c, n, "'%s' must be a plain value, not a list or mapping", key, NULL);
    return 0;
}

static int want_number(ctx *c, const yaml_node_t *n, const char *key, double *out)
{
    const char *s;
    if (want_scalar(c, n, key, &s) < 0)
        return -1;
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    if (end == s || *end || errno)
        return fail(c, n, "'%s' must be a number, got '%s'", key, s);
    return 0;
}

static int want_bool(ctx *c, const yaml_node_t *n, const char *key, bool *out)
{
    const char *s;
    if (want_scalar(c, n, key, &s) < 0)
        return -1;
    if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "True")) {
        *out = true;
        return 0;
    }
    if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "False")) {
        *out = false;
        return 0;
    }
    return fail(c, n, "'%s' must be true or false, got '%s'", key, s);
}

static int want_mapping(ctx *c, const yaml_node_t *n, const char *what)
{
    if (!n || n->type != YAML_MAPPING_NODE)
        return fail(c, n, "%s must be a mapping (key: value)", what, NULL);
    return 0;
}

static lg_tmpl *compile(ctx *c, const yaml_node_t *n, const char *text)
{
    lb_err e;
    lg_tmpl *t = tmpl_compile(text, &c->plan->vars, &e);
    if (!t)
        fail(c, n, "%s", e.msg, NULL);
    return t;
}

/* ---- JSON bodies ---------------------------------------------------- */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static int buf_put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->len + n + 1) * 2;
        char *ns = realloc(b->s, nc);
        if (!ns)
            return -1;
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

static int buf_puts(buf *b, const char *s)
{
    return buf_put(b, s, strlen(s));
}

static bool is_json_number(const char *s)
{
    if (!*s)
        return false;
    char *end;
    strtod(s, &end);
    return !*end && !isspace((unsigned char)*s) && strncmp(s, "0x", 2) &&
           strcasecmp(s, "nan") && strcasecmp(s, "inf") && strcasecmp(s, "infinity");
}

/* Append node n as JSON template text. Plain scalars that look like numbers,
 * true/false/null stay bare; everything else becomes a JSON string whose
 * {placeholders} are kept for the template compiler. */
static int json_emit(ctx *c, const yaml_node_t *n, buf *b, int depth)
{
    if (depth > 32)
        return fail(c, n, "json body nested too deeply", NULL, NULL);
    if (n->type == YAML_MAPPING_NODE) {
        if (buf_puts(b, "{{") < 0)
            return -1;
        int first = 1;
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
            if (!scalar(k))
                return fail(c, k, "json keys must be plain strings", NULL, NULL);
            if (!first && buf_puts(b, ", ") < 0)
                return -1;
            first = 0;
            yaml_node_t kq = *k;
            kq.data.scalar.style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
            if (json_emit(c, &kq, b, depth + 1) < 0 || buf_puts(b, ": ") < 0 ||
                json_emit(c, v, b, depth + 1) < 0)
                return -1;
        }
        return buf_puts(b, "}}");
    }
    if (n->type == YAML_SEQUENCE_NODE) {
        if (buf_puts(b, "[") < 0)
            return -1;
        for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
            if (i != n->data.sequence.items.start && buf_puts(b, ", ") < 0)
                return -1;
            if (json_emit(c, node(c, *i), b, depth + 1) < 0)
                return -1;
        }
        return buf_puts(b, "]");
    }
    const char *s = (const char *)n->data.scalar.value;
    if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
        (is_json_number(s) || !strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "null")))
        return buf_puts(b, s);
    if (buf_puts(b, "\"") < 0)
        return -1;
    for (const char *q = s; *q; q++) {
        char esc[8];
        unsigned char ch = (unsigned char)*q;
        if (ch == '"' || ch == '\\') {
            esc[0] = '\\';
            esc[1] = (char)ch;
            esc[2] = 0;
        } else if (ch < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", ch);
        } else {
            esc[0] = (char)ch;
            esc[1] = 0;
        }
        if (buf_puts(b, esc) < 0)
            return -1;
    }
    return buf_puts(b, "\"");
}

/* ---- requests -------------------------------------------------------- */

static int parse_headers(ctx *c, const yaml_node_t *n, lg_header **out, size_t *nout)
{
    if (want_mapping(c, n, "'headers'") < 0)
        return -1;
    size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    lg_header *h = calloc(cnt ? cnt : 1, sizeof *h);
    if (!h)
        return lb_err_set(c->err, "out of memory");
    *out = h;
    *nout = 0;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
        const char *ks, *vs;
        if (want_scalar(c, k, "header name", &ks) < 0 || want_scalar(c, v, ks, &vs) < 0)
            return -1;
        if (!*ks || strpbrk(ks, ": \r\n"))
            return fail(c, k, "bad header name '%s'", ks, NULL);
        h[*nout].name = strdup(ks);
        if (!h[*nout].name)
            return lb_err_set(c->err, "out of memory");
        h[*nout].value = compile(c, v, vs);
        (*nout)++;
        if (!h[*nout - 1].value)
            return -1;
    }
    return 0;
}

static int expect_one(ctx *c, const yaml_node_t *it, lg_request *r)
{
    double v;
    if (want_number(c, it, "expect", &v) < 0)
        return -1;
    if (v < 100 || v > 599 || v != (int)v)
        return fail(c, it, "'expect' needs HTTP statuses (100..599), got '%s'", scalar(it), NULL);
    if (r->nexpect == LG_MAX_EXPECT)
        return fail(c, it, "'expect' lists more than 8 statuses", NULL, NULL);
    r->expect[r->nexpect++] = (int)v;
    return 0;
}

static int parse_expect(ctx *c, const yaml_node_t *n, lg_request *r)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return expect_one(c, n, r);
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
        if (expect_one(c, node(c, *i), r) < 0)
            return -1;
    return 0;
}

/* Request keys; `extra` lists keys the caller handles (e.g. weight). */
static int parse_request(ctx *c, const yaml_node_t *n, lg_request **out, const char *const *extra)
{
    if (want_mapping(c, n, "a request") < 0)
        return -1;
    lg_request *r = plan_new_request(c->plan);
    if (!r)
        return lb_err_set(c->err, "out of memory");
    *out = r;
    r->line = (int)n->start_mark.line + 1;
    const char *path = NULL, *name = NULL, *body = NULL;
    const yaml_node_t *pathn = n, *queryn = NULL, *jsonn = NULL;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
        const char *key = scalar(k);
        if (!key)
            return fail(c, k, "keys must be plain strings", NULL, NULL);
        if (!strcmp(key, "method")) {
            const char *m;
            if (want_scalar(c, v, key, &m) < 0)
                return -1;
            size_t ml = strlen(m);
            if (ml == 0 || ml >= sizeof r->method)
                return fail(c, v, "bad method '%s'", m, NULL);
            for (size_t i = 0; i < ml; i++) {
                if (!isalpha((unsigned char)m[i]))
                    return fail(c, v, "bad method '%s'", m, NULL);
                r->method[i] = (char)toupper((unsigned char)m[i]);
            }
            r->method[ml] = '\0';
        } else if (!strcmp(key, "path")) {
            if (want_scalar(c, v, key, &path) < 0)
                return -1;
            pathn = v;
        } else if (!strcmp(key, "query")) {
            if (want_mapping(c, v, "'query'") < 0)
                return -1;
            queryn = v;
        } else if (!strcmp(key, "name")) {
            if (want_scalar(c, v, key, &name) < 0)
                return -1;
            if (!(r->name = compile(c, v, name)))
                return -1;
        } else if (!strcmp(key, "json")) {
            jsonn = v;
        } else if (!strcmp(key, "body")) {
            if (want_scalar(c, v, key, &body) < 0)
                return -1;
            if (!(r->body = compile(c, v, body)))
                return -1;
        } else if (!strcmp(key, "headers")) {
            if (parse_headers(c, v, &r->headers, &r->nheaders) < 0)
                return -1;
        } else if (!strcmp(key, "expect")) {
            if (parse_expect(c, v, r) < 0)
                return -1;
        } else if (!strcmp(key, "stream")) {
            if (want_bool(c, v, key, &r->stream) < 0)
                return -1;
        } else {
            int ok = 0;
            for (const char *const *e = extra; e && *e; e++)
                ok |= !strcmp(*e, key);
            if (!ok)
                return fail(c, k, "unknown request key '%s' (method, path, query, name, json, body, "
                                  "headers, expect, stream%s)", key,
                            extra && extra[0] ? ", weight" : "");
        }
    }
    if (!path)
        return fail(c, n, "request has no 'path'", NULL, NULL);
    if (jsonn && body)
        return fail(c, jsonn, "a request takes 'json' or 'body', not both", NULL, NULL);
    r->absolute = !strncmp(path, "http://", 7) || !strncmp(path, "https://", 8);
    if (!r->absolute && path[0] != '/')
        return fail(c, pathn, "path '%s' must start with '/' (or be an absolute URL)", path, NULL);
    buf t = {0};
    int rc = buf_puts(&t, path);
    if (queryn) {
        char sep = strchr(path, '?') ? '&' : '?';
        for (yaml_node_pair_t *p = queryn->data.mapping.pairs.start;
             rc == 0 && p < queryn->data.mapping.pairs.top; p++) {
            const char *ks, *vs;
            if (want_scalar(c, node(c, p->key), "query name", &ks) < 0 ||
                want_scalar(c, node(c, p->value), "query value", &vs) < 0) {
                free(t.s);
                return -1;
            }
            rc |= buf_put(&t, &sep, 1) | buf_puts(&t, ks) | buf_puts(&t, "=") | buf_puts(&t, vs);
            sep = '&';
        }
    }
    if (rc < 0) {
        free(t.s);
        return lb_err_set(c->err, "out of memory");
    }
    r->target = compile(c, pathn, t.s);
    free(t.s);
    if (!r->target)
        return -1;
    if (jsonn) {
        buf j = {0};
        if (json_emit(c, jsonn, &j, 0) < 0) {
            free(j.s);
            return c->err->msg[0] ? -1 : lb_err_set(c->err, "out of memory");
        }
        r->body = compile(c, jsonn, j.s);
        free(j.s);
        if (!r->body)
            return -1;
        r->content_type = "application/json";
    }
    return 0;
}

/* ---- steps ----------------------------------------------------------- */

static int parse_retry(ctx *c, const yaml_node_t *n, lg_step *s)
{
    if (want_mapping(c, n, "'retry'") < 0)
        return -1;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
        const char *key = scalar(k);
        double d;
        if (key && !strcmp(key, "attempts")) {
            if (want_number(c, v, key, &d) < 0)
                return -1;
            if (d < 1 || d > 100 || d != (int)d)
                return fail(c, v, "'attempts' must be an integer 1..100", NULL, NULL);
            s->attempts = (int)d;
        } else if (key && !strcmp(key, "backoff")) {
            if (want_number(c, v, key, &d) < 0)
                return -1;
            if (d < 0)
                return fail(c, v, "'backoff' must be >= 0", NULL, NULL);
            s->backoff = d;
        } else if (key && !strcmp(key, "on")) {
            if (v->type != YAML_SEQUENCE_NODE)
                return fail(c, v, "'on' must be a list of connection, 5xx, 429", NULL, NULL);
            s->retry_on = 0;
            for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top; i++) {
                yaml_node_t *it = node(c, *i);
                const char *w = scalar(it);
                if (w && !strcmp(w, "connection"))
                    s->retry_on |= LG_RETRY_CONN;
                else if (w && !strcmp(w, "5xx"))
                    s->retry_on |= LG_RETRY_5XX;
                else if (w && !strcmp(w, "429"))
                    s->retry_on |= LG_RETRY_429;
                else
                    return fail(c, it, "retry condition '%s' unknown (connection, 5xx, 429)", w, NULL);
            }
        } else {
            return fail(c, k, "unknown retry key '%s' (attempts, backoff, on)", key, NULL);
        }
    }
    return 0;
}

static int parse_saves(ctx *c, const yaml_node_t *n, lg_step *s)
{
    if (want_mapping(c, n, "'save'") < 0)
        return -1;
    size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    s->saves = calloc(cnt ? cnt : 1, sizeof *s->saves);
    if (!s->saves)
        return lb_err_set(c->err, "out of memory");
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        const char *var, *field;
        if (want_scalar(c, node(c, p->key), "variable", &var) < 0 ||
            want_scalar(c, node(c, p->value), var, &field) < 0)
            return -1;
        lg_save *sv = &s->saves[s->nsaves++];
        sv->slot = vars_slot(&c->plan->vars, var);
        sv->field = strdup(field);
        if (sv->slot < 0 || !sv->field)
            return lb_err_set(c->err, "out of memory");
    }
    return 0;
}

static int parse_steps(ctx *c, const yaml_node_t *n, const char *what, lg_step **out, size_t *nout)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return fail(c, n, "'%s' must be a list of steps", what, NULL);
    size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    *out = calloc(cnt ? cnt : 1, sizeof **out);
    if (!*out)
        return lb_err_set(c->err, "out of memory");
    *nout = 0;
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
        yaml_node_t *sn = node(c, *i);
        lg_step *s = &(*out)[(*nout)++];
        s->when_slot = -1;
        s->unless_slot = -1;
        s->attempts = 1;
        s->retry_on = LG_RETRY_CONN | LG_RETRY_5XX;
        if (want_mapping(c, sn, "a step") < 0)
            return -1;
        for (yaml_node_pair_t *p = sn->data.mapping.pairs.start; p < sn->data.mapping.pairs.top; p++) {
            yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
            const char *key = scalar(k);
            if (key && !strcmp(key, "request")) {
                if (parse_request(c, v, &s->req, NULL) < 0)
                    return -1;
            } else if (key && !strcmp(key, "when")) {
                const char *var;
                if (want_scalar(c, v, key, &var) < 0)
                    return -1;
                if ((s->when_slot = vars_slot(&c->plan->vars, var)) < 0)
                    return lb_err_set(c->err, "out of memory");
            } else if (key && !strcmp(key, "unless")) {
                const char *var;
                if (want_scalar(c, v, key, &var) < 0)
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
                return fail(c, k, "unknown step key '%s' (request, when, unless, retry, save)", key, NULL);
            }
        }
        if (!s->req)
            return fail(c, sn, "step in '%s' has no 'request'", what, NULL);
    }
    return 0;
}

/* ---- top level ------------------------------------------------------- */

static int parse_tasks(ctx *c, const yaml_node_t *n)
{
    static const char *const extra[] = {"weight", NULL};
    if (n->type != YAML_SEQUENCE_NODE)
        return fail(c, n, "'tasks' must be a list of requests", NULL, NULL);
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
        yaml_node_t *tn = node(c, *i);
        lg_request *r;
        if (parse_request(c, tn, &r, extra) < 0)
            return -1;
        double w = 1;
        for (yaml_node_pair_t *p = tn->data.mapping.pairs.start; p < tn->data.mapping.pairs.top; p++) {
            const char *key = scalar(node(c, p->key));
            if (key && !strcmp(key, "weight")) {
                yaml_node_t *v = node(c, p->value);
                if (want_number(c, v, key, &w) < 0)
                    return -1;
                if (!(w > 0))
                    return fail(c, v, "'weight' must be > 0", NULL, NULL);
            }
        }
        if (plan_add_task(c->plan, r, w) < 0)
            return lb_err_set(c->err, "out of memory");
    }
    if (c->plan->ntasks == 0)
        return fail(c, n, "'tasks' is empty", NULL, NULL);
    return 0;
}

typedef struct pending_var {
    int slot;
    char *value;
} pending_var;

static int parse_top(ctx *c, const yaml_node_t *root)
{
    lg_plan *plan = c->plan;
    if (!root)
        return lb_err_set(c->err, "%s:1: empty scenario", c->path);
    if (want_mapping(c, root, "the scenario") < 0)
        return -1;
    const yaml_node_t *varsn = NULL, *tasksn = NULL;
    plan->wait.kind = LG_WAIT_NONE;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
        const char *key = scalar(k), *s;
        if (!key)
            return fail(c, k, "keys must be plain strings", NULL, NULL);
        if (!strcmp(key, "name")) {
            if (want_scalar(c, v, key, &s) < 0)
                return -1;
            free(plan->name);
            if (!(plan->name = strdup(s)))
                return lb_err_set(c->err, "out of memory");
        } else if (!strcmp(key, "host")) {
            if (want_scalar(c, v, key, &s) < 0)
                return -1;
            if (!(plan->host = strdup(s)))
                return lb_err_set(c->err, "out of memory");
        } else if (!strcmp(key, "wait")) {
            lb_err e;
            if (want_scalar(c, v, key, &s) < 0)
                return -1;
            if (wait_parse(s, &plan->wait, &e) < 0)
                return fail(c, v, "%s", e.msg, NULL);
        } else if (!strcmp(key, "variables")) {
            if (want_mapping(c, v, "'variables'") < 0)
                return -1;
            varsn = v;
        } else if (!strcmp(key, "headers")) {
            if (parse_headers(c, v, &plan->headers, &plan->nheaders) < 0)
                return -1;
        } else if (!strcmp(key, "setup")) {
            if (parse_steps(c, v, key, &plan->setup, &plan->nsetup) < 0)
                return -1;
        } else if (!strcmp(key, "on_start")) {
            if (parse_steps(c, v, key, &plan->on_start, &plan->non_start) < 0)
                return -1;
        } else if (!strcmp(key, "tasks")) {
            tasksn = v;
            if (parse_tasks(c, v) < 0)
                return -1;
        } else {
            return fail(c, k, "unknown key '%s' (name, host, wait, variables, headers, setup, "
                              "on_start, tasks)", key, NULL);
        }
    }
    if (!tasksn)
        return fail(c, root, "scenario has no 'tasks'", NULL, NULL);
    if (plan_finish_vars(plan) < 0)
        return lb_err_set(c->err, "out of memory");
    if (varsn) {
        for (yaml_node_pair_t *p = varsn->data.mapping.pairs.start; p < varsn->data.mapping.pairs.top; p++) {
            const char *k, *v;
            if (want_scalar(c, node(c, p->key), "variable", &k) < 0 ||
                want_scalar(c, node(c, p->value), k, &v) < 0)
                return -1;
            /* Variable values may use {env:...}; {rand}/{var} make no sense here. */
            lg_tmpl *t = compile(c, node(c, p->value), v);
            if (!t)
                return -1;
            if (!tmpl_is_static(t)) {
                tmpl_free(t);
                return fail(c, node(c, p->value), "variable '%s' may only use {env:...}", k, NULL);
            }
            char tmp[1024];
            size_t len = tmpl_expand(t, tmp, sizeof tmp, NULL, NULL, NULL);
            tmpl_free(t);
            if (len >= sizeof tmp)
                return fail(c, node(c, p->value), "variable '%s' is too long", k, NULL);
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
    ctx c = {path, &doc, plan, err};
    err->msg[0] = '\0';
    int rc = parse_top(&c, yaml_document_get_root_node(&doc));
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
    FILE *f = fopen(path, "rb");
    memset(plan, 0, sizeof *plan);
    if (!f)
        return lb_err_set(err, "%s: cannot open: %s", path, strerror(errno));
    char *text = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[8192];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nt = realloc(text, cap);
            if (!nt) {
                free(text);
                fclose(f);
                return lb_err_set(err, "out of memory");
            }
            text = nt;
        }
        memcpy(text + len, chunk, n);
        len += n;
    }
    int rd_err = ferror(f);
    fclose(f);
    if (rd_err) {
        free(text);
        return lb_err_set(err, "%s: read error", path);
    }
    int rc = scenario_load_string(path, text ? text : "", len, plan, err);
    free(text);
    return rc;
}

int scenario_resolve(const char *arg, char *out, size_t cap, lb_err *err)
{
    struct stat st;
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
