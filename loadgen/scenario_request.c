/* scenario_request.c — one request of a scenario (method, path, query,
 * name, headers, expect, stream, json/body). JSON bodies become template text
 * here, with the JSON's own braces escaped as {{ }}, so placeholders inside
 * string values still expand per request. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "scenario_yaml.h"

/* ---- JSON bodies ---------------------------------------------------- */

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
static int json_emit(sy_ctx *c, const yaml_node_t *n, lb_buf *b, int depth)
{
    if (depth > 32)
        return sy_fail(c, n, "json body nested too deeply", NULL, NULL);
    /* YAML aliases repeat a node without repeating its text, so a few lines
     * can stand for gigabytes ("billion laughs"). Stop as soon as the body
     * cannot be sent anyway: this bounds the load's time and memory. */
    if (b->len >= LG_MAX_BODY)
        return sy_fail(c, n, "json body longer than %s bytes (YAML aliases expand in place)",
                       LG_STR(LG_MAX_BODY), NULL);
    if (n->type == YAML_MAPPING_NODE) {
        if (lb_buf_puts(b, "{{") < 0)
            return -1;
        int first = 1;
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
            if (!sy_scalar(k))
                return sy_fail(c, k, "json keys must be plain strings", NULL, NULL);
            if (!first && lb_buf_puts(b, ", ") < 0)
                return -1;
            first = 0;
            yaml_node_t kq = *k;
            kq.data.scalar.style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
            if (json_emit(c, &kq, b, depth + 1) < 0 || lb_buf_puts(b, ": ") < 0 ||
                json_emit(c, v, b, depth + 1) < 0)
                return -1;
        }
        return lb_buf_puts(b, "}}");
    }
    if (n->type == YAML_SEQUENCE_NODE) {
        if (lb_buf_puts(b, "[") < 0)
            return -1;
        for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
            if (i != n->data.sequence.items.start && lb_buf_puts(b, ", ") < 0)
                return -1;
            if (json_emit(c, sy_node(c, *i), b, depth + 1) < 0)
                return -1;
        }
        return lb_buf_puts(b, "]");
    }
    const char *s = (const char *)n->data.scalar.value;
    if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
        (is_json_number(s) || !strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "null")))
        return lb_buf_puts(b, s);
    if (lb_buf_puts(b, "\"") < 0)
        return -1;
    for (const char *q = s; *q; q++) {
        unsigned char ch = (unsigned char)*q;
        int rc;
        if (ch == '"' || ch == '\\')
            rc = lb_buf_append(b, (char[]){'\\', (char)ch}, 2);
        else if (ch < 0x20)
            rc = lb_buf_printf(b, "\\u%04x", ch);
        else
            rc = lb_buf_append(b, q, 1);
        if (rc < 0)
            return -1;
    }
    return lb_buf_puts(b, "\"");
}

/* ---- requests -------------------------------------------------------- */

/* NULL when text may go on the wire as is in a request line or header
 * value, else what is wrong with it. CR or LF would end the line and start
 * another header or request (injection); other control bytes are refused by
 * servers or libcurl at run time, where the file name is long gone. */
static const char *wire_problem(const char *text, bool is_url)
{
    for (const unsigned char *q = (const unsigned char *)text; *q; q++) {
        if (*q == '\r' || *q == '\n')
            return "contains CR or LF";
        if ((*q < 0x20 && *q != '\t') || *q == 0x7f)
            return "contains a control character";
        if (is_url && (*q == ' ' || *q == '\t'))
            return "contains a space (write it as %20)";
    }
    return NULL;
}

int sy_parse_headers(sy_ctx *c, const yaml_node_t *n, lg_header **out, size_t *nout)
{
    if (sy_want_mapping(c, n, "'headers'") < 0)
        return -1;
    size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    lg_header *h = calloc(cnt ? cnt : 1, sizeof *h);
    if (!h)
        return lb_err_set(c->err, "out of memory");
    *out = h;
    *nout = 0;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *ks, *vs;
        if (sy_want_scalar(c, k, "header name", &ks) < 0 || sy_want_scalar(c, v, ks, &vs) < 0)
            return -1;
        if (!*ks || strpbrk(ks, ": \r\n"))
            return sy_fail(c, k, "bad header name '%s'", ks, NULL);
        const char *bad = wire_problem(vs, false);
        if (bad)
            return sy_fail(c, v, "header '%s' value %s", ks, bad);
        h[*nout].name = strdup(ks);
        if (!h[*nout].name)
            return lb_err_set(c->err, "out of memory");
        h[*nout].value = sy_compile(c, v, vs);
        (*nout)++;
        if (!h[*nout - 1].value)
            return -1;
    }
    return 0;
}

static int expect_one(sy_ctx *c, const yaml_node_t *it, lg_request *r)
{
    double v;
    if (sy_want_number(c, it, "expect", &v) < 0)
        return -1;
    if (v < 100 || v > 599 || v != (int)v)
        return sy_fail(c, it, "'expect' needs HTTP statuses (100..599), got '%s'", sy_scalar(it), NULL);
    if (r->nexpect == LG_MAX_EXPECT)
        return sy_fail(c, it, "'expect' lists more than 8 statuses", NULL, NULL);
    r->expect[r->nexpect++] = (int)v;
    return 0;
}

static int parse_expect(sy_ctx *c, const yaml_node_t *n, lg_request *r)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return expect_one(c, n, r);
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
        if (expect_one(c, sy_node(c, *i), r) < 0)
            return -1;
    return 0;
}

/* expect_json: {path: value}: dotted paths, plain values. */
static int parse_checks(sy_ctx *c, const yaml_node_t *n, lg_request *r)
{
    if (sy_want_mapping(c, n, "'expect_json'") < 0)
        return -1;
    size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    if (!(r->checks = calloc(cnt ? cnt : 1, sizeof *r->checks)))
        return lb_err_set(c->err, "out of memory");
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        const char *path, *want;
        if (sy_want_scalar(c, sy_node(c, p->key), "expect_json path", &path) < 0 ||
            sy_want_scalar(c, sy_node(c, p->value), path, &want) < 0)
            return -1;
        if (!*path || path[0] == '.' || path[strlen(path) - 1] == '.' || strstr(path, ".."))
            return sy_fail(c, sy_node(c, p->key), "expect_json path '%s': use a.b.0.c", path, NULL);
        lg_json_check *k = &r->checks[r->nchecks++];
        if (!(k->path = strdup(path)) || !(k->want = strdup(want)))
            return lb_err_set(c->err, "out of memory");
    }
    return 0;
}

/* Request keys; `extra` lists keys the caller handles (e.g. weight). */
int sy_parse_request(sy_ctx *c, const yaml_node_t *n, lg_request **out, const char *const *extra)
{
    if (sy_want_mapping(c, n, "a request") < 0)
        return -1;
    lg_request *r = plan_new_request(c->plan);
    if (!r)
        return lb_err_set(c->err, "out of memory");
    *out = r;
    r->line = (int)n->start_mark.line + 1;
    r->cls = c->cls_index;
    const char *path = NULL, *name = NULL, *body = NULL;
    const yaml_node_t *pathn = n, *queryn = NULL, *jsonn = NULL;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = sy_node(c, p->key), *v = sy_node(c, p->value);
        const char *key = sy_scalar(k);
        if (!key)
            return sy_fail(c, k, "keys must be plain strings", NULL, NULL);
        if (!strcmp(key, "method")) {
            const char *m;
            if (sy_want_scalar(c, v, key, &m) < 0)
                return -1;
            size_t ml = strlen(m);
            if (ml == 0 || ml >= sizeof r->method)
                return sy_fail(c, v, "bad method '%s'", m, NULL);
            for (size_t i = 0; i < ml; i++) {
                if (!isalpha((unsigned char)m[i]))
                    return sy_fail(c, v, "bad method '%s'", m, NULL);
                r->method[i] = (char)toupper((unsigned char)m[i]);
            }
            r->method[ml] = '\0';
        } else if (!strcmp(key, "path")) {
            if (sy_want_scalar(c, v, key, &path) < 0)
                return -1;
            pathn = v;
        } else if (!strcmp(key, "query")) {
            if (sy_want_mapping(c, v, "'query'") < 0)
                return -1;
            queryn = v;
        } else if (!strcmp(key, "name")) {
            if (sy_want_scalar(c, v, key, &name) < 0)
                return -1;
            if (!(r->name = sy_compile(c, v, name)))
                return -1;
        } else if (!strcmp(key, "json")) {
            jsonn = v;
        } else if (!strcmp(key, "body")) {
            if (sy_want_scalar(c, v, key, &body) < 0)
                return -1;
            if (strlen(body) >= LG_MAX_BODY)
                return sy_fail(c, v, "'body' longer than %s bytes", LG_STR(LG_MAX_BODY), NULL);
            if (!(r->body = sy_compile(c, v, body)))
                return -1;
        } else if (!strcmp(key, "headers")) {
            if (sy_parse_headers(c, v, &r->headers, &r->nheaders) < 0)
                return -1;
        } else if (!strcmp(key, "expect")) {
            if (parse_expect(c, v, r) < 0)
                return -1;
        } else if (!strcmp(key, "stream")) {
            if (sy_want_bool(c, v, key, &r->stream) < 0)
                return -1;
        } else if (!strcmp(key, "expect_body")) {
            const char *sub;
            if (sy_want_scalar(c, v, key, &sub) < 0)
                return -1;
            if (!*sub)
                return sy_fail(c, v, "'expect_body' is empty", NULL, NULL);
            if (!(r->expect_body = strdup(sub)))
                return lb_err_set(c->err, "out of memory");
        } else if (!strcmp(key, "expect_json")) {
            if (parse_checks(c, v, r) < 0)
                return -1;
        } else {
            int ok = 0;
            for (const char *const *e = extra; e && *e; e++)
                ok |= !strcmp(*e, key);
            if (!ok)
                return sy_fail(c, k, "unknown request key '%s' (method, path, query, name, json, body, "
                                  "headers, expect, expect_body, expect_json, stream%s)", key,
                            extra && extra[0] ? ", weight, tags" : "");
        }
    }
    if (!path)
        return sy_fail(c, n, "request has no 'path'", NULL, NULL);
    if (jsonn && body)
        return sy_fail(c, jsonn, "a request takes 'json' or 'body', not both", NULL, NULL);
    if (r->stream && (r->expect_body || r->nchecks))
        return sy_fail(c, n, "a stream request reads one chunk: it takes no body checks", NULL, NULL);
    r->absolute = !strncmp(path, "http://", 7) || !strncmp(path, "https://", 8);
    if (!r->absolute && path[0] != '/')
        return sy_fail(c, pathn, "path '%s' must start with '/' (or be an absolute URL)", path, NULL);
    lb_buf t = {0};
    int rc = lb_buf_puts(&t, path);
    if (queryn) {
        char sep = strchr(path, '?') ? '&' : '?';
        for (yaml_node_pair_t *p = queryn->data.mapping.pairs.start;
             rc == 0 && p < queryn->data.mapping.pairs.top; p++) {
            const char *ks, *vs;
            if (sy_want_scalar(c, sy_node(c, p->key), "query name", &ks) < 0 ||
                sy_want_scalar(c, sy_node(c, p->value), "query value", &vs) < 0) {
                lb_buf_free(&t);
                return -1;
            }
            rc |= lb_buf_append(&t, &sep, 1) | lb_buf_puts(&t, ks) | lb_buf_puts(&t, "=") |
                  lb_buf_puts(&t, vs);
            sep = '&';
        }
    }
    if (rc < 0) {
        lb_buf_free(&t);
        return lb_err_set(c->err, "out of memory");
    }
    /* The URL is checked here, with the file and line, not when the run
     * starts: too long for the buffer it expands into, or not sendable. */
    const char *bad = t.len >= LG_MAX_TARGET ? "is longer than " LG_STR(LG_MAX_TARGET) " bytes"
                                             : wire_problem(t.data, true);
    if (bad) {
        bool in_path = wire_problem(path, true) || strlen(path) >= LG_MAX_TARGET;
        lb_buf_free(&t);
        return sy_fail(c, in_path || !queryn ? pathn : queryn, "request URL (path and query) %s",
                       bad, NULL);
    }
    r->target = sy_compile(c, pathn, t.data);
    lb_buf_free(&t);
    if (!r->target)
        return -1;
    if (jsonn) {
        lb_buf j = {0};
        if (json_emit(c, jsonn, &j, 0) < 0) {
            lb_buf_free(&j);
            return c->err->msg[0] ? -1 : lb_err_set(c->err, "out of memory");
        }
        r->body = sy_compile(c, jsonn, j.data);
        lb_buf_free(&j);
        if (!r->body)
            return -1;
        r->content_type = "application/json";
    }
    return 0;
}
