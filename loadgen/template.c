/* template.c — compile "{rand:a:b}/{var:x}/{env:X:def}" templates into a
 * segment list and expand them without allocation. Integers are formatted by
 * hand because snprintf per request showed up in profiles of naive clients. */
#include "template.h"
#include "buf.h"
#include "grow.h"
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum { SEG_LIT, SEG_RAND, SEG_VAR } seg_kind;

typedef struct seg {
    seg_kind kind;
    size_t off, len;      /* SEG_LIT: slice of lit */
    int64_t lo, hi;       /* SEG_RAND */
    int slot;             /* SEG_VAR */
} seg;

struct lg_tmpl {
    lb_buf lit;           /* all literal text, concatenated */
    seg *segs;
    size_t nsegs, capsegs;
    bool dynamic;
};

int vars_find(const lg_vars *vars, const char *name)
{
    for (size_t i = 0; i < vars->n; i++)
        if (!strcmp(vars->names[i], name))
            return (int)i;
    return -1;
}

int vars_slot(lg_vars *vars, const char *name)
{
    int i = vars_find(vars, name);
    if (i >= 0)
        return i;
    char **nn = lb_grow(vars->names, &vars->cap, vars->n, sizeof *nn, 8);
    if (!nn)
        return -1;
    vars->names = nn;
    char *copy = strdup(name);
    if (!copy)
        return -1;
    vars->names[vars->n] = copy;
    return (int)vars->n++;
}

void vars_free(lg_vars *vars)
{
    for (size_t i = 0; i < vars->n; i++)
        free(vars->names[i]);
    free(vars->names);
    vars->names = NULL;
    vars->n = vars->cap = 0;
}

static int add_seg(lg_tmpl *t, seg s)
{
    seg *ns = lb_grow(t->segs, &t->capsegs, t->nsegs, sizeof *ns, 4);
    if (!ns)
        return -1;
    t->segs = ns;
    t->segs[t->nsegs++] = s;
    return 0;
}

static int add_lit(lg_tmpl *t, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    size_t off = t->lit.len;
    if (lb_buf_append(&t->lit, s, n) < 0)
        return -1;
    /* Merge with a directly preceding literal segment. */
    seg *last = t->nsegs ? &t->segs[t->nsegs - 1] : NULL;
    if (last && last->kind == SEG_LIT && last->off + last->len == off) {
        last->len += n;
        return 0;
    }
    return add_seg(t, (seg){SEG_LIT, off, n, 0, 0, -1});
}

static int parse_int(const char *s, size_t n, int64_t *out)
{
    char tmp[32];
    if (n == 0 || n >= sizeof tmp)
        return -1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *end;
    errno = 0;
    long long v = strtoll(tmp, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

/* Handle one "{...}" body (without the braces). */
static int compile_placeholder(lg_tmpl *t, const char *body, size_t n, const char *text,
                               lg_vars *vars, lb_err *err)
{
    if (n > 5 && !strncmp(body, "rand:", 5)) {
        const char *a = body + 5, *colon = memchr(a, ':', n - 5);
        int64_t lo, hi;
        if (!colon || parse_int(a, (size_t)(colon - a), &lo) < 0 ||
            parse_int(colon + 1, (size_t)(body + n - colon - 1), &hi) < 0)
            return lb_err_set(err, "template '%s': {rand:A:B} needs two integers", text);
        if (lo > hi)
            return lb_err_set(err, "template '%s': {rand:%" PRId64 ":%" PRId64 "} has A > B",
                              text, lo, hi);
        t->dynamic = true;
        return add_seg(t, (seg){SEG_RAND, 0, 0, lo, hi, -1});
    }
    if (n > 4 && !strncmp(body, "var:", 4)) {
        char name[128];
        if (n - 4 >= sizeof name)
            return lb_err_set(err, "template '%s': variable name too long", text);
        memcpy(name, body + 4, n - 4);
        name[n - 4] = '\0';
        int slot = vars_slot(vars, name);
        if (slot < 0)
            return lb_err_set(err, "out of memory");
        t->dynamic = true;
        return add_seg(t, (seg){SEG_VAR, 0, 0, 0, 0, slot});
    }
    if (n > 4 && !strncmp(body, "env:", 4)) {
        char name[128];
        const char *colon = memchr(body + 4, ':', n - 4);
        size_t nlen = colon ? (size_t)(colon - body - 4) : n - 4;
        if (nlen == 0 || nlen >= sizeof name)
            return lb_err_set(err, "template '%s': bad {env:NAME[:default]}", text);
        memcpy(name, body + 4, nlen);
        name[nlen] = '\0';
        const char *v = getenv(name);
        if (v && *v)
            return add_lit(t, v, strlen(v));
        if (colon)
            return add_lit(t, colon + 1, (size_t)(body + n - colon - 1));
        return 0;
    }
    return lb_err_set(err, "template '%s': unknown placeholder '{%.*s}' (use {rand:A:B}, "
                           "{var:NAME} or {env:NAME[:default]}; {{ for a literal brace)",
                      text, (int)n, body);
}

lg_tmpl *tmpl_compile(const char *text, lg_vars *vars, lb_err *err)
{
    lg_tmpl *t = calloc(1, sizeof *t);
    if (!t) {
        lb_err_set(err, "out of memory");
        return NULL;
    }
    const char *p = text;
    while (*p) {
        if (p[0] == '{' && p[1] == '{') {
            if (add_lit(t, "{", 1) < 0)
                goto oom;
            p += 2;
        } else if (p[0] == '}' && p[1] == '}') {
            if (add_lit(t, "}", 1) < 0)
                goto oom;
            p += 2;
        } else if (*p == '{') {
            const char *close = strchr(p, '}');
            if (!close) {
                lb_err_set(err, "template '%s': unclosed '{'", text);
                goto fail;
            }
            if (compile_placeholder(t, p + 1, (size_t)(close - p - 1), text, vars, err) < 0)
                goto fail;
            p = close + 1;
        } else {
            size_t n = strcspn(p, "{}");
            if (n == 0) { /* a lone '}' */
                lb_err_set(err, "template '%s': unmatched '}' (write }} for a literal one)", text);
                goto fail;
            }
            if (add_lit(t, p, n) < 0)
                goto oom;
            p += n;
        }
    }
    /* empty template: keep lit non-NULL (and "") for expansion */
    if (!t->lit.data && lb_buf_append(&t->lit, "", 0) < 0)
        goto oom;
    return t;
oom:
    lb_err_set(err, "out of memory");
fail:
    tmpl_free(t);
    return NULL;
}

void tmpl_free(lg_tmpl *t)
{
    if (!t)
        return;
    lb_buf_free(&t->lit);
    free(t->segs);
    free(t);
}

bool tmpl_is_static(const lg_tmpl *t)
{
    return !t->dynamic;
}

bool tmpl_uses_var(const lg_tmpl *t, int slot)
{
    for (size_t i = 0; i < t->nsegs; i++)
        if (t->segs[i].kind == SEG_VAR && t->segs[i].slot == slot)
            return true;
    return false;
}

/* Copy n bytes at position *len, respecting cap; always advances *len.
 * A bounded write into the caller's fixed buffer, not an lb_buf: expansion
 * runs per request and must not allocate, and the full length it returns
 * lets the caller report "too long" instead of growing. */
static void put(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len < cap) {
        size_t room = cap - 1 - *len;
        memcpy(buf + *len, s, n < room ? n : room);
    }
    *len += n;
}

static void put_int(char *buf, size_t cap, size_t *len, int64_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    put(buf, cap, len, tmp + i, sizeof tmp - i);
}

size_t tmpl_expand(const lg_tmpl *t, char *buf, size_t cap, lg_rng *r,
                   const char *const *vals, bool *missing)
{
    size_t len = 0;
    for (size_t i = 0; i < t->nsegs; i++) {
        const seg *s = &t->segs[i];
        switch (s->kind) {
        case SEG_LIT:
            put(buf, cap, &len, t->lit.data + s->off, s->len);
            break;
        case SEG_RAND:
            put_int(buf, cap, &len, r ? rng_range(r, s->lo, s->hi) : s->lo);
            break;
        case SEG_VAR: {
            const char *v = vals ? vals[s->slot] : NULL;
            if (v)
                put(buf, cap, &len, v, strlen(v));
            else if (missing)
                *missing = true;
            break;
        }
        }
    }
    if (cap)
        buf[len < cap ? len : cap - 1] = '\0';
    return len;
}
