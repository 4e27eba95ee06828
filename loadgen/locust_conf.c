/* locust_conf.c — see locust_conf.h. Hand-written: the format is a few lines of
 * "key = value" (configargparse's), and no Debian package reads it. */
#include "locust_conf.h"
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "options.h"
#include "readfile.h"
#include "text.h"

extern char **environ;

static int push(lg_argv *a, const char *word, size_t len, lb_err *err)
{
    if ((size_t)a->argc + 2 > a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        char **n = realloc(a->argv, cap * sizeof *n);
        if (!n)
            return lb_err_set(err, "out of memory");
        a->argv = n;
        a->cap = cap;
    }
    if (!(a->argv[a->argc] = strndup(word, len)))
        return lb_err_set(err, "out of memory");
    a->argv[++a->argc] = NULL;
    return 0;
}

static int push_str(lg_argv *a, const char *word, lb_err *err)
{
    return push(a, word, strlen(word), err);
}

static bool truthy(const char *v)
{
    return !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcmp(v, "1") ||
           !strcasecmp(v, "on");
}

static bool falsy(const char *v)
{
    return !*v || !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcmp(v, "0") ||
           !strcasecmp(v, "off");
}

/* One option: key (dashes or underscores) and its value. where names the
 * source for errors; unknown keys are errors only when strict. */
static int add_option(lg_argv *a, const char *key, const char *value, const char *where,
                      bool strict, lb_err *err)
{
    char name[64], word[72];
    size_t n = strlen(key);
    if (n == 0 || n >= sizeof name)
        return strict ? lb_err_set(err, "%s: bad option name '%s'", where, key) : 0;
    for (size_t i = 0; i <= n; i++)
        name[i] = key[i] == '_' ? '-' : (char)tolower((unsigned char)key[i]);
    int takes = options_takes_value(name);
    if (takes < 0 || !strcmp(name, "config"))
        return strict ? lb_err_set(err, "%s: unknown option '%s' (loadgen --help lists them)",
                                   where, key)
                      : 0;
    snprintf(word, sizeof word, "--%s", name);
    if (takes)
        return push_str(a, word, err) < 0 ? -1 : push_str(a, value, err);
    if (truthy(value))
        return push_str(a, word, err);
    if (falsy(value))
        return 0;
    return lb_err_set(err, "%s: '%s' is a switch: give true or false, not '%s'", where, key, value);
}

int config_parse_text(const char *path, const char *text, lg_argv *out, lb_err *err)
{
    char *copy = strdup(text), *save = NULL;
    if (!copy)
        return lb_err_set(err, "out of memory");
    int rc = 0, lineno = 0;
    /* strtok_r would merge empty lines and lose the line count: split by hand */
    for (char *line = copy; line && rc == 0; line = save, lineno++) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        char *s = lb_trim(line);
        if (!*s || *s == '#' || *s == ';' || *s == '[')
            continue;
        char where[600];
        snprintf(where, sizeof where, "%s:%d", path, lineno + 1);
        size_t k = strcspn(s, "=:");
        if (!s[k]) {
            rc = lb_err_set(err, "%s: expected 'key = value'", where);
            break;
        }
        s[k] = '\0';
        char *key = lb_trim(s), *value = lb_trim(s + k + 1);
        size_t vl = strlen(value);
        if (vl >= 2 && (value[0] == '"' || value[0] == '\'') && value[vl - 1] == value[0]) {
            value[vl - 1] = '\0';
            value++;
        }
        rc = add_option(out, key, value, where, true, err);
    }
    free(copy);
    return rc;
}

int config_from_env(char *const *env, lg_argv *out, lb_err *err)
{
    for (char *const *e = env; e && *e; e++) {
        if (strncmp(*e, "LOCUST_", 7))
            continue;
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        char key[64], where[128];
        size_t n = (size_t)(eq - (*e + 7));
        if (n >= sizeof key)
            continue;
        memcpy(key, *e + 7, n);
        key[n] = '\0';
        snprintf(where, sizeof where, "environment variable LOCUST_%s", key);
        /* Locust ignores variables it has no option for; so does loadgen
         * (LOCUST_WEB_PORT and the like are not errors). */
        if (add_option(out, key, eq + 1, where, false, err) < 0)
            return -1;
    }
    return 0;
}

static int read_config(const char *path, bool must_exist, lg_argv *out, lb_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0 && !must_exist)
        return 0;
    size_t len;
    char *text = lb_read_file(path, "config file", &len, err);
    if (!text)
        return -1;
    if (memchr(text, '\0', len)) {
        free(text);
        return lb_err_set(err, "%s: not a text file", path);
    }
    int rc = config_parse_text(path, text, out, err);
    free(text);
    return rc;
}

int config_build_argv(int argc, char **argv, lg_argv *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    if (push_str(out, argc > 0 ? argv[0] : "loadgen", err) < 0)
        return -1;
    const char *explicit = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            break;
        if (!strcmp(argv[i], "--config") && i + 1 < argc)
            explicit = argv[++i];
        else if (!strncmp(argv[i], "--config=", 9))
            explicit = argv[i] + 9;
    }
    const char *home = getenv("HOME");
    char homeconf[4096];
    if (home && *home) {
        snprintf(homeconf, sizeof homeconf, "%s/.locust.conf", home);
        if (read_config(homeconf, false, out, err) < 0)
            return -1;
    }
    if (read_config("locust.conf", false, out, err) < 0 ||
        (explicit && read_config(explicit, true, out, err) < 0) ||
        config_from_env(environ, out, err) < 0)
        return -1;
    for (int i = 1; i < argc; i++)
        if (push_str(out, argv[i], err) < 0)
            return -1;
    return 0;
}

void config_argv_free(lg_argv *a)
{
    for (int i = 0; i < a->argc; i++)
        free(a->argv[i]);
    free(a->argv);
    memset(a, 0, sizeof *a);
}
