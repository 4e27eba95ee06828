/* fleet_ini.c — configparser-compatible INI reading (see fleet.h). */
#include "fleet.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"

/* The {k: v} object of section name in secs, added when new (repeated
 * sections merge, as with strict=False). */
static json_t *section(json_t *secs, const char *name)
{
    size_t i;
    json_t *pair;
    json_array_foreach(secs, i, pair)
        if (!strcmp(json_string_value(json_array_get(pair, 0)), name))
            return json_array_get(pair, 1);
    json_t *obj = json_object();
    json_array_append_new(secs, json_pack("[so]", name, obj));
    return obj;
}

fleet_status fleet_ini_parse(const char *text, json_t **out, char *msg, size_t cap)
{
    *out = NULL;
    char *copy = strdup(text);
    if (!copy) {
        snprintf(msg, cap, "out of memory");
        return FLEET_CONFLICT;
    }
    if (!*lb_trim(copy)) {
        free(copy);
        return FLEET_EMPTY;
    }
    strcpy(copy, text);
    json_t *secs = json_array(), *cur = NULL;
    char key[256] = "";
    fleet_status st = FLEET_OK;
    for (char *line = copy, *next; line && st == FLEET_OK; line = next) {
        next = strpbrk(line, "\r\n");
        if (next)
            *next++ = '\0';
        bool indented = isspace((unsigned char)line[0]);
        char *t = lb_trim(line);
        if (!*t || *t == '#' || *t == ';')
            continue;
        if (indented && cur && key[0]) {   /* a continuation of the last value */
            const char *old = json_string_value(json_object_get(cur, key));
            size_t n = strlen(old ? old : "") + strlen(t) + 2;
            char *v = malloc(n);
            if (v) {
                snprintf(v, n, "%s\n%s", old ? old : "", t);
                json_object_set_new(cur, key, json_string(v));
            }
            free(v);
            continue;
        }
        char *close = strrchr(t, ']');
        if (*t == '[' && close && close > t + 1) {
            *close = '\0';
            cur = section(secs, t + 1);
            key[0] = '\0';
            continue;
        }
        if (!cur) {
            snprintf(msg, cap, "File contains no section headers.");
            st = FLEET_SYNTAX;
            break;
        }
        size_t k = strcspn(t, "=:");
        if (!t[k] || k == 0) {
            snprintf(msg, cap, "Source contains parsing errors: line '%s'", t);
            st = FLEET_SYNTAX;
            break;
        }
        t[k] = '\0';
        char *name = lb_trim(t), *val = lb_trim(t + k + 1);
        for (char *p = name; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        snprintf(key, sizeof key, "%s", name);
        json_object_set_new(cur, key, json_string(val));
    }
    free(copy);
    if (st == FLEET_OK && json_array_size(secs) == 0)
        st = FLEET_NO_SECTIONS;
    if (st != FLEET_OK) {
        json_decref(secs);
        return st;
    }
    json_t *general = NULL;
    size_t i;
    json_t *pair;
    json_array_foreach(secs, i, pair)
        if (!strcmp(json_string_value(json_array_get(pair, 0)), "general"))
            general = json_array_get(pair, 1);
    *out = json_pack("{s:O,s:O}", "general", general ? general : json_object(), "sections",
                     secs);
    if (!general)   /* json_pack "O" took a reference to the temporary */
        json_decref(json_object_get(*out, "general"));
    json_decref(secs);
    return FLEET_OK;
}
