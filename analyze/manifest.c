/* manifest.c — parsing the INI-like manifest, with errors that name file and line.
 *
 * Hand-written rather than libyaml: the format is a dozen lines of
 * "key = value" under section headers, and a YAML manifest would make users
 * quote every "tracing OFF, 12 uvicorn workers" label. */
#include "manifest.h"
#include "readfile.h"
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static int set_field(char **field, const char *value, const char *path, long line,
                     const char *key, lb_err *err)
{
    if (*field && **field)
        return lb_err_set(err, "%s:%ld: key '%s' given twice in one section", path, line, key);
    char *v = strdup(value);
    if (!v)
        return lb_err_set(err, "%s:%ld: out of memory", path, line);
    free(*field);
    *field = v;
    return 0;
}

/* Tags are "key=value" words; anything else is a typo worth reporting. */
static int check_tags(const char *tags, const char *path, long line, lb_err *err)
{
    const char *s = tags;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        size_t len = strcspn(s, " \t");
        if (!len)
            break;
        const char *eq = memchr(s, '=', len);
        if (!eq || eq == s || eq == s + len - 1)
            return lb_err_set(err, "%s:%ld: tag '%.*s' is not key=value", path, line,
                              (int)len, s);
        s += len;
    }
    return 0;
}

static int grow(void **arr, size_t n, size_t size)
{
    void *p = realloc(*arr, (n + 1) * size);
    if (!p)
        return -1;
    memset((char *)p + n * size, 0, size);
    *arr = p;
    return 0;
}

static int set_profile_key(manifest_profile *p, const char *key, const char *val,
                           const char *path, long line, lb_err *err)
{
    if (!strcmp(key, "file"))   return set_field(&p->file, val, path, line, key, err);
    if (!strcmp(key, "users"))  return set_field(&p->users, val, path, line, key, err);
    if (!strcmp(key, "config")) return set_field(&p->config, val, path, line, key, err);
    if (!strcmp(key, "commit")) return set_field(&p->commit, val, path, line, key, err);
    if (!strcmp(key, "original")) return set_field(&p->original, val, path, line, key, err);
    if (!strcmp(key, "tags")) {
        if (check_tags(val, path, line, err))
            return -1;
        return set_field(&p->tags, val, path, line, key, err);
    }
    return lb_err_set(err, "%s:%ld: unknown key '%s' in a profile section "
                      "(known: file, users, config, commit, tags, original)", path, line, key);
}

static int set_compare_key(manifest_compare *c, const char *key, const char *val,
                           const char *path, long line, lb_err *err)
{
    if (!strcmp(key, "title")) return set_field(&c->title, val, path, line, key, err);
    if (!strcmp(key, "a"))     return set_field(&c->a, val, path, line, key, err);
    if (!strcmp(key, "b"))     return set_field(&c->b, val, path, line, key, err);
    if (!strcmp(key, "note"))  return set_field(&c->note, val, path, line, key, err);
    return lb_err_set(err, "%s:%ld: unknown key '%s' in a compare section "
                      "(known: title, a, b, note)", path, line, key);
}

/* Empty strings instead of NULL, so callers never test labels for NULL. */
static int fill_defaults(manifest *m, lb_err *err)
{
    for (size_t i = 0; i < m->nprofiles; i++) {
        manifest_profile *p = &m->profiles[i];
        char **f[] = { &p->users, &p->config, &p->commit, &p->tags, &p->original };
        for (size_t j = 0; j < sizeof f / sizeof f[0]; j++)
            if (!*f[j] && !(*f[j] = strdup("")))
                return lb_err_set(err, "%s: out of memory", m->path);
        if (!p->file || !*p->file)
            return lb_err_set(err, "%s:%ld: profile '%s' has no 'file ='", m->path,
                              p->line, p->name);
    }
    for (size_t i = 0; i < m->ncompares; i++) {
        manifest_compare *c = &m->compares[i];
        if (!c->a || !c->b)
            return lb_err_set(err, "%s:%ld: compare '%s' needs both 'a =' and 'b ='",
                              m->path, c->line, c->name);
        if (!c->note && !(c->note = strdup("")))
            return lb_err_set(err, "%s: out of memory", m->path);
        if (!c->title && !(c->title = strdup(c->name)))
            return lb_err_set(err, "%s: out of memory", m->path);
        const char *refs[2] = { c->a, c->b };
        for (int k = 0; k < 2; k++) {
            size_t j = 0;
            while (j < m->nprofiles && strcmp(m->profiles[j].name, refs[k]))
                j++;
            if (j == m->nprofiles)
                return lb_err_set(err, "%s:%ld: compare '%s' names unknown profile '%s'",
                                  m->path, c->line, c->name, refs[k]);
        }
    }
    return 0;
}

static int parse_header(manifest *m, char *s, long line, int *kind, lb_err *err)
{
    char *end = strchr(s, ']');
    if (!end || trim(end + 1)[0])
        return lb_err_set(err, "%s:%ld: section header must look like [profile NAME] "
                          "or [compare NAME]", m->path, line);
    *end = '\0';
    char *body = trim(s + 1);
    size_t wlen = strcspn(body, " \t");
    char *name = trim(body + wlen);
    if (!*name || strpbrk(name, " \t"))
        return lb_err_set(err, "%s:%ld: section needs one name without spaces", m->path, line);
    if (wlen == 7 && !strncmp(body, "profile", 7)) {
        for (size_t i = 0; i < m->nprofiles; i++)
            if (!strcmp(m->profiles[i].name, name))
                return lb_err_set(err, "%s:%ld: profile '%s' already defined at line %ld",
                                  m->path, line, name, m->profiles[i].line);
        if (grow((void **)&m->profiles, m->nprofiles, sizeof *m->profiles))
            return lb_err_set(err, "%s: out of memory", m->path);
        manifest_profile *p = &m->profiles[m->nprofiles++];
        p->line = line;
        if (!(p->name = strdup(name)))
            return lb_err_set(err, "%s: out of memory", m->path);
        *kind = 1;
        return 0;
    }
    if (wlen == 7 && !strncmp(body, "compare", 7)) {
        for (size_t i = 0; i < m->ncompares; i++)
            if (!strcmp(m->compares[i].name, name))
                return lb_err_set(err, "%s:%ld: compare '%s' already defined at line %ld",
                                  m->path, line, name, m->compares[i].line);
        if (grow((void **)&m->compares, m->ncompares, sizeof *m->compares))
            return lb_err_set(err, "%s: out of memory", m->path);
        manifest_compare *c = &m->compares[m->ncompares++];
        c->line = line;
        if (!(c->name = strdup(name)))
            return lb_err_set(err, "%s: out of memory", m->path);
        *kind = 2;
        return 0;
    }
    return lb_err_set(err, "%s:%ld: unknown section kind '%.*s' (profile or compare)",
                      m->path, line, (int)wlen, body);
}

static int parse_lines(manifest *m, char *text, lb_err *err)
{
    int kind = 0;   /* 0 before any section, 1 profile, 2 compare */
    long line = 0;
    char *save = NULL;
    for (char *raw = text; raw; raw = save) {
        save = strchr(raw, '\n');
        if (save)
            *save++ = '\0';
        line++;
        char *s = trim(raw);
        if (!*s || *s == '#' || *s == ';')
            continue;
        if (*s == '[') {
            if (parse_header(m, s, line, &kind, err))
                return -1;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq)
            return lb_err_set(err, "%s:%ld: expected 'key = value', a [section] or a "
                              "# comment", m->path, line);
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        if (!*key)
            return lb_err_set(err, "%s:%ld: empty key", m->path, line);
        if (kind == 0)
            return lb_err_set(err, "%s:%ld: key '%s' outside any [profile] or [compare] "
                              "section", m->path, line, key);
        int rc = kind == 1
            ? set_profile_key(&m->profiles[m->nprofiles - 1], key, val, m->path, line, err)
            : set_compare_key(&m->compares[m->ncompares - 1], key, val, m->path, line, err);
        if (rc)
            return -1;
    }
    if (m->nprofiles == 0)
        return lb_err_set(err, "%s: no [profile NAME] section", m->path);
    return fill_defaults(m, err);
}

int manifest_parse(const char *text, const char *path, manifest *m, lb_err *err)
{
    memset(m, 0, sizeof *m);
    char *copy = strdup(text);
    m->path = strdup(path);
    const char *slash = strrchr(path, '/');
    m->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!copy || !m->path || !m->dir) {
        free(copy);
        manifest_free(m);
        return lb_err_set(err, "%s: out of memory", path);
    }
    int rc = parse_lines(m, copy, err);
    free(copy);
    if (rc)
        manifest_free(m);
    return rc;
}

int manifest_read(const char *path, manifest *m, lb_err *err)
{
    memset(m, 0, sizeof *m);
    size_t len;
    char *buf = lb_read_file(path, "manifest", &len, err);
    if (!buf)
        return -1;
    if (len == 0 || memchr(buf, '\0', len)) {
        free(buf);
        return lb_err_set(err, "%s: %s", path, len ? "binary data (NUL byte) in manifest"
                                                   : "empty manifest");
    }
    int rc = manifest_parse(buf, path, m, err);
    free(buf);
    return rc;
}

const manifest_profile *manifest_find(const manifest *m, const char *name)
{
    for (size_t i = 0; i < m->nprofiles; i++)
        if (!strcmp(m->profiles[i].name, name))
            return &m->profiles[i];
    size_t nlen = strlen(name);
    for (size_t i = 0; i < m->nprofiles; i++) {
        /* the file's base name without ".csv", or without "_stats.csv" (a
         * run's name, as model_basename gives it) */
        const char *f = m->profiles[i].file;
        const char *base = strrchr(f, '/');
        base = base ? base + 1 : f;
        size_t blen = strlen(base);
        bool csv = blen > 4 && !strcmp(base + blen - 4, ".csv");
        bool stats = blen > 10 && !strcmp(base + blen - 10, "_stats.csv");
        if ((csv && blen - 4 == nlen && !strncmp(base, name, nlen)) ||
            (stats && blen - 10 == nlen && !strncmp(base, name, nlen)) ||
            (blen == nlen && !strcmp(base, name)))
            return &m->profiles[i];
    }
    return NULL;
}

void manifest_free(manifest *m)
{
    for (size_t i = 0; i < m->nprofiles; i++) {
        manifest_profile *p = &m->profiles[i];
        free(p->name); free(p->file); free(p->users);
        free(p->config); free(p->commit); free(p->tags); free(p->original);
    }
    for (size_t i = 0; i < m->ncompares; i++) {
        manifest_compare *c = &m->compares[i];
        free(c->name); free(c->title); free(c->a); free(c->b); free(c->note);
    }
    free(m->profiles);
    free(m->compares);
    free(m->path);
    free(m->dir);
    memset(m, 0, sizeof *m);
}
