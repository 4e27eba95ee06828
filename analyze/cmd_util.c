/* cmd_util.c — what the subcommands share: messages, option numbers, loading runs. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "group.h"
#include "meta.h"
#include "runfiles.h"

void cmd_error(const char *sub, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "analyze %s: ", sub);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cmd_parse_nonneg(const char *sub, const char *opt, const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v) || v < 0) {
        cmd_error(sub, "option %s: '%s' is not a non-negative number", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

int cmd_parse_count(const char *sub, const char *opt, const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || *s == '-') {
        cmd_error(sub, "option %s: '%s' is not a whole number >= 0", opt, s);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

int cmd_parse_format(const char *sub, const char *s, fmt_kind *out)
{
    if (fmt_parse_kind(s, out)) {
        cmd_error(sub, "option --format: '%s' is not md or csv", s);
        return -1;
    }
    return 0;
}

char *cmd_join(const char *dir, const char *file)
{
    if (file[0] == '/' || !dir || !*dir)
        return strdup(file);
    size_t len = strlen(dir) + strlen(file) + 2;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%s/%s", dir, file);
    return out;
}

int cmd_load(const char *sub, const char *path, const manifest *m, bool group,
             bool warn_names, model_profile *p, size_t *names_before)
{
    lb_err err = {0};
    if (runfiles_load_profile(path, p, &err)) {
        cmd_error(sub, "%s", err.msg);
        return -1;
    }
    /* the run's tag (loadgen --tag) names it beside the file in headers */
    char *meta_path = runfiles_sibling(path, "_meta.json");
    run_meta meta = { 0 };
    if (meta_path && meta_read(meta_path, &meta, &err) == 0 && meta.tag)
        p->tag = strdup(meta.tag);
    meta_free(&meta);
    free(meta_path);
    if (names_before)
        *names_before = p->neps;
    if (warn_names && p->neps > MODEL_MANY_NAMES && !group)
        fprintf(stderr, "analyze %s: warning: %s has %zu unique request names (more than %d); "
                "consider --group-names to fold names that differ only in query values\n",
                sub, path, p->neps, MODEL_MANY_NAMES);
    if (group && group_profile(p, &err)) {
        cmd_error(sub, "%s", err.msg);
        model_free(p);
        return -1;
    }
    if (m) {
        const manifest_profile *mp = manifest_find(m, p->name);
        if (mp) {
            p->users = mp->users;
            p->config = mp->config;
            p->commit = mp->commit;
            p->tags = mp->tags;
        }
    }
    return 0;
}
