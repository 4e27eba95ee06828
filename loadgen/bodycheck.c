/* bodycheck.c — see bodycheck.h. JSON through jansson, as request_save. */
#include "bodycheck.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool bodycheck_wanted(const lg_request *r)
{
    return r->expect_body || r->nchecks;
}

/* The value at a dotted path: object keys, or array indexes in decimal. */
static json_t *at_path(json_t *v, const char *path)
{
    char part[256];
    for (const char *p = path; v && *p;) {
        size_t n = strcspn(p, ".");
        if (n >= sizeof part)
            return NULL;
        memcpy(part, p, n);
        part[n] = '\0';
        p += n + (p[n] == '.');
        if (json_is_object(v)) {
            v = json_object_get(v, part);
        } else if (json_is_array(v)) {
            char *end;
            unsigned long i = strtoul(part, &end, 10);
            v = (*part && !*end) ? json_array_get(v, i) : NULL;
        } else {
            v = NULL;
        }
    }
    return v;
}

/* The YAML scalar want against a JSON value, by the value's type: strings
 * as text, numbers numerically, true/false/null by name. */
static bool matches(const json_t *v, const char *want)
{
    if (json_is_string(v))
        return !strcmp(json_string_value(v), want);
    if (json_is_number(v)) {
        char *end;
        double d = strtod(want, &end);
        return end != want && !*end && d == json_number_value(v);
    }
    if (json_is_true(v))
        return !strcmp(want, "true");
    if (json_is_false(v))
        return !strcmp(want, "false");
    if (json_is_null(v))
        return !strcmp(want, "null");
    return false; /* an object or array is never a plain value */
}

bool bodycheck_run(const lg_request *r, const char *body, size_t len, char *why, size_t cap)
{
    if (r->expect_body) {
        size_t n = strlen(r->expect_body);
        bool found = false;
        for (size_t i = 0; !found && n <= len && i <= len - n; i++)
            found = !memcmp(body + i, r->expect_body, n);
        if (!found) {
            snprintf(why, cap, "Response body lacks \"%s\"", r->expect_body);
            return false;
        }
    }
    if (!r->nchecks)
        return true;
    json_error_t je;
    json_t *root = len ? json_loadb(body, len, 0, &je) : NULL;
    if (!root) {
        snprintf(why, cap, "Response body is not JSON");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < r->nchecks; i++) {
        const lg_json_check *k = &r->checks[i];
        json_t *v = at_path(root, k->path);
        if (!v) {
            snprintf(why, cap, "JSON has no %s, expected \"%s\"", k->path, k->want);
            ok = false;
        } else if (!matches(v, k->want)) {
            char *got = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
            snprintf(why, cap, "JSON %s is %.200s, expected \"%s\"", k->path, got ? got : "?",
                     k->want);
            free(got);
            ok = false;
        }
    }
    json_decref(root);
    return ok;
}
