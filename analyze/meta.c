/* meta.c — reading _meta.json with jansson and checking that two runs are comparable. */
#include "meta.h"
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int get_num(json_t *root, const char *key, double *out, bool *has,
                   const char *path, lb_err *err)
{
    json_t *v = json_object_get(root, key);
    *has = false;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v))
        return lb_err_set(err, "%s: key '%s' must be a number", path, key);
    *out = json_number_value(v);
    *has = true;
    return 0;
}

static int get_str(json_t *root, const char *key, char **out, const char *path, lb_err *err)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return lb_err_set(err, "%s: key '%s' must be a string", path, key);
    if (!(*out = strdup(json_string_value(v))))
        return lb_err_set(err, "%s: out of memory", path);
    return 0;
}

int meta_read(const char *path, run_meta *m, lb_err *err)
{
    memset(m, 0, sizeof *m);
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT)
            return 0;
        return lb_err_set(err, "%s: %s", path, strerror(errno));
    }
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root)
        return lb_err_set(err, "%s:%d: bad JSON: %s", path, jerr.line, jerr.text);
    int rc = -1;
    if (!json_is_object(root)) {
        lb_err_set(err, "%s: expected a JSON object", path);
        goto out;
    }
    m->present = true;
    if (get_str(root, "scenario_hash", &m->scenario_hash, path, err) ||
        get_str(root, "tag", &m->tag, path, err) ||
        get_str(root, "loadgen_version", &m->version, path, err) ||
        get_num(root, "users", &m->users, &m->has_users, path, err) ||
        get_num(root, "rate", &m->rate, &m->has_rate, path, err) ||
        get_num(root, "run_time_s", &m->run_time_s, &m->has_run_time, path, err))
        goto out;
    json_t *sat = json_object_get(root, "saturated");
    if (sat && !json_is_null(sat)) {
        if (!json_is_boolean(sat)) {
            lb_err_set(err, "%s: key 'saturated' must be true or false", path);
            goto out;
        }
        m->saturated = json_is_true(sat);
    }
    rc = 0;
out:
    json_decref(root);
    if (rc)
        meta_free(m);
    return rc;
}

static int num_differs(bool ha, double a, bool hb, double b, const char *key, lb_err *err)
{
    if (ha && hb && fabs(a - b) > 1e-9 * fmax(1.0, fabs(a)))
        return lb_err_set(err, "'%s' differs (%g vs %g)", key, a, b);
    if (ha != hb && !strcmp(key, "rate"))
        return lb_err_set(err, "'rate' differs (%s vs %s)", ha ? "throttled" : "unthrottled",
                          hb ? "throttled" : "unthrottled");
    return 0;
}

int meta_comparable(const run_meta *a, const run_meta *b, lb_err *err)
{
    if (!a->present || !b->present)
        return 0;
    if (a->scenario_hash && b->scenario_hash && strcmp(a->scenario_hash, b->scenario_hash))
        return lb_err_set(err, "'scenario_hash' differs (%s vs %s): different scenarios",
                          a->scenario_hash, b->scenario_hash);
    if (num_differs(a->has_users, a->users, b->has_users, b->users, "users", err) ||
        num_differs(a->has_rate, a->rate, b->has_rate, b->rate, "rate", err) ||
        num_differs(a->has_run_time, a->run_time_s, b->has_run_time, b->run_time_s,
                    "run_time_s", err))
        return -1;
    return 0;
}

void meta_free(run_meta *m)
{
    free(m->scenario_hash);
    free(m->tag);
    free(m->version);
    memset(m, 0, sizeof *m);
}
