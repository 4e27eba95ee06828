/* gate_rules.c — parsing per-endpoint gate limits (format in gate_rules.h). */
#include "gate_rules.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "grow.h"

static const char *const METHODS[] = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE"
};

static int parse_value(const char *key, const char *s, size_t len, double *out, lb_err *err)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return lb_err_set(err, "%s: '%.*s' is not a non-negative number", key, (int)len, s);
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (errno || *end || !isfinite(v) || v < 0)
        return lb_err_set(err, "%s: '%s' is not a non-negative number", key, buf);
    *out = v;
    return 0;
}

/* Apply "key=value,key=value" to the three limits (and the fail ratio when
 * fail_ratio is not NULL). */
static int parse_keys(const char *s, double lim[3], double *fail_ratio, lb_err *err)
{
    static const char *const keys[3] = { "max-rps-drop", "max-p95-rise", "max-p99-rise" };
    if (!*s)
        return lb_err_set(err, "no limits after ':' (keys: max-rps-drop, max-p95-rise, "
                          "max-p99-rise)");
    while (*s) {
        size_t len = strcspn(s, ","), klen = strcspn(s, "=");
        if (klen >= len)
            return lb_err_set(err, "'%.*s' is not KEY=VALUE", (int)len, s);
        double *dst = NULL;
        const char *name = NULL;
        for (int k = 0; k < 3; k++)
            if (strlen(keys[k]) == klen && !strncmp(s, keys[k], klen))
                dst = &lim[k], name = keys[k];
        if (fail_ratio && klen == 14 && !strncmp(s, "max-fail-ratio", 14))
            dst = fail_ratio, name = "max-fail-ratio";
        if (!dst)
            return lb_err_set(err, "unknown key '%.*s' (keys: max-rps-drop, max-p95-rise, "
                              "max-p99-rise%s)", (int)klen, s,
                              fail_ratio ? ", max-fail-ratio" : "");
        if (parse_value(name, s + klen + 1, len - klen - 1, dst, err))
            return -1;
        if (dst == fail_ratio && *dst > 1.0)
            return lb_err_set(err, "max-fail-ratio: a fraction between 0 and 1");
        s += len + (s[len] == ',');
    }
    return 0;
}

int gate_rules_add(gate_rules *rs, gate_limits *l, const char *text, lb_err *err)
{
    const char *colon = strrchr(text, ':');
    if (!colon || colon == text)
        return lb_err_set(err, "'%s' is not NAME:KEY=VALUE[,KEY=VALUE...]", text);
    if (!strncmp(text, "Aggregated:", 11) && colon == text + 10) {
        double lim[3] = { l->max_rps_drop, l->max_p95_rise, l->max_p99_rise };
        double fr = l->max_fail_ratio;
        if (parse_keys(colon + 1, lim, &fr, err))
            return -1;
        l->max_rps_drop = lim[0];
        l->max_p95_rise = lim[1];
        l->max_p99_rise = lim[2];
        l->max_fail_ratio = fr;
        return 0;
    }
    double lim[3] = { -1, -1, -1 };
    if (parse_keys(colon + 1, lim, NULL, err))
        return -1;
    /* "GET /x" names the method; a bare name takes the endpoint's only one */
    const char *name = text, *method = NULL;
    size_t mlen = strcspn(text, " ");
    for (size_t m = 0; m < sizeof METHODS / sizeof METHODS[0] && text[mlen] == ' '; m++)
        if (strlen(METHODS[m]) == mlen && !strncmp(text, METHODS[m], mlen))
            method = METHODS[m], name = text + mlen + 1;
    if (name == colon)
        return lb_err_set(err, "'%s': no endpoint name before ':'", text);
    gate_rule *nv = lb_grow(rs->v, &rs->cap, rs->n, sizeof *nv, 8);
    if (!nv)
        return lb_err_set(err, "out of memory");
    rs->v = nv;
    gate_rule *r = &rs->v[rs->n];
    r->method = method ? strdup(method) : NULL;
    r->name = strndup(name, (size_t)(colon - name));
    if (!r->name || (method && !r->method)) {
        free(r->method);
        free(r->name);
        return lb_err_set(err, "out of memory");
    }
    r->max_rps_drop = lim[0];
    r->max_p95_rise = lim[1];
    r->max_p99_rise = lim[2];
    rs->n++;
    return 0;
}

int gate_rules_read(gate_rules *rs, gate_limits *l, const char *path, lb_err *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return lb_err_set(err, "%s: cannot read: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    long no = 0;
    ssize_t len;
    int rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        no++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                           line[len - 1] == ' ' || line[len - 1] == '\t'))
            line[--len] = '\0';
        char *s = line + strspn(line, " \t");
        if (!*s || *s == '#')
            continue;
        lb_err inner;
        if (gate_rules_add(rs, l, s, &inner))
            rc = lb_err_set(err, "%s:%ld: %s", path, no, inner.msg);
    }
    if (rc == 0 && ferror(f))
        rc = lb_err_set(err, "%s: read error", path);
    free(line);
    fclose(f);
    return rc;
}

void gate_rules_free(gate_rules *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->v[i].method);
        free(rs->v[i].name);
    }
    free(rs->v);
    rs->v = NULL;
    rs->n = rs->cap = 0;
}
