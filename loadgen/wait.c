/* wait.c — Locust's wait_time functions: parsing the locustfile spelling and
 * computing each wait. The pacing variants follow locust/user/wait_time.py:
 * the task's run time is "time since my last wait was computed, minus that
 * wait", so a slow task shortens the next wait but never makes it negative. */
#include "wait.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse up to two comma-separated non-negative numbers inside "(...)". */
static int parse_args(const char *p, double *v, int want, const char *text, lb_err *err)
{
    while (isspace((unsigned char)*p))
        p++;
    if (*p != '(')
        return lb_err_set(err, "wait time '%s': expected '(' after the function name", text);
    p++;
    for (int i = 0; i < want; i++) {
        char *end;
        v[i] = strtod(p, &end);
        if (end == p)
            return lb_err_set(err, "wait time '%s': argument %d is not a number", text, i + 1);
        /* strtod takes "nan" and "inf": constant(nan) ran as no wait at
         * all, constant(inf) as one request per user */
        if (!isfinite(v[i]))
            return lb_err_set(err, "wait time '%s': argument %d is not a finite number", text,
                              i + 1);
        if (v[i] < 0)
            return lb_err_set(err, "wait time '%s': argument %d is negative", text, i + 1);
        p = end;
        while (isspace((unsigned char)*p))
            p++;
        if (i + 1 < want) {
            if (*p != ',')
                return lb_err_set(err, "wait time '%s': expected %d arguments", text, want);
            p++;
        }
    }
    if (*p != ')')
        return lb_err_set(err, "wait time '%s': expected ')' after %d argument%s", text, want,
                          want > 1 ? "s" : "");
    p++;
    while (isspace((unsigned char)*p))
        p++;
    if (*p)
        return lb_err_set(err, "wait time '%s': unexpected text after ')'", text);
    return 0;
}

int wait_parse(const char *text, lg_wait *out, lb_err *err)
{
    static const struct { const char *name; lg_wait_kind kind; int nargs; } fns[] = {
        {"between", LG_WAIT_BETWEEN, 2},
        {"constant_throughput", LG_WAIT_THROUGHPUT, 1},
        {"constant_pacing", LG_WAIT_PACING, 1},
        {"constant", LG_WAIT_CONSTANT, 1},
    };
    const char *p = text;
    while (isspace((unsigned char)*p))
        p++;
    if (!strcmp(p, "none")) {
        *out = (lg_wait){LG_WAIT_NONE, 0, 0};
        return 0;
    }
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        size_t n = strlen(fns[i].name);
        if (strncmp(p, fns[i].name, n) != 0 || (isalnum((unsigned char)p[n]) || p[n] == '_'))
            continue;
        double v[2] = {0, 0};
        if (parse_args(p + n, v, fns[i].nargs, text, err) < 0)
            return -1;
        if (fns[i].kind == LG_WAIT_BETWEEN && v[0] > v[1])
            return lb_err_set(err, "wait time '%s': min %g is greater than max %g", text, v[0], v[1]);
        if (fns[i].kind == LG_WAIT_THROUGHPUT && v[0] <= 0)
            return lb_err_set(err, "wait time '%s': throughput must be > 0", text);
        *out = (lg_wait){fns[i].kind, v[0], fns[i].nargs == 2 ? v[1] : v[0]};
        return 0;
    }
    return lb_err_set(err, "wait time '%s': unknown function (use between(a, b), constant(x), "
                           "constant_throughput(x), constant_pacing(x) or none)", text);
}

void wait_state_init(lg_wait_state *st)
{
    st->last_run = -1;
    st->last_wait = 0;
}

static double pacing(double period, lg_wait_state *st, double now)
{
    double run_time = st->last_run < 0 ? 0 : now - st->last_run - st->last_wait;
    double w = period - run_time;
    if (w < 0)
        w = 0;
    st->last_wait = w;
    st->last_run = now;
    return w;
}

double wait_next(const lg_wait *w, lg_wait_state *st, double now, lg_rng *r)
{
    switch (w->kind) {
    case LG_WAIT_BETWEEN:
        return w->a + rng_unit(r) * (w->b - w->a);
    case LG_WAIT_CONSTANT:
        return w->a;
    case LG_WAIT_THROUGHPUT:
        return pacing(1.0 / w->a, st, now);
    case LG_WAIT_PACING:
        return pacing(w->a, st, now);
    case LG_WAIT_NONE:
    default:
        return 0;
    }
}

void wait_describe(const lg_wait *w, char *buf, size_t cap)
{
    switch (w->kind) {
    case LG_WAIT_BETWEEN:
        snprintf(buf, cap, "between(%g, %g)", w->a, w->b);
        break;
    case LG_WAIT_CONSTANT:
        snprintf(buf, cap, "constant(%g)", w->a);
        break;
    case LG_WAIT_THROUGHPUT:
        snprintf(buf, cap, "constant_throughput(%g)", w->a);
        break;
    case LG_WAIT_PACING:
        snprintf(buf, cap, "constant_pacing(%g)", w->a);
        break;
    default:
        snprintf(buf, cap, "none");
    }
}
