/* event.c — ingest events: JSON validation and the logs + attackers writes. */
#include "event.h"
#include "derive.h"
#include "isotime.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Characters (not bytes) of UTF-8 text, as VARCHAR(n) counts them. */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* DECNET's MySQL schema keeps most fields in VARCHAR(255) and raw_line,
 * fields and msg in TEXT (65,535 bytes): longer is the 400 "invalid length"
 * on both backends (MariaDB would refuse the row, SQLite would take it). */
#define EVENT_VARCHAR_MAX 255
#define EVENT_TEXT_MAX 65535

static int take_str(const json_t *v, const char *key, bool required, char **out, lb_err *err)
{
    json_t *f = json_object_get(v, key);
    *out = NULL;
    if (!f || json_is_null(f)) {
        if (required)
            return lb_err_set(err, "field '%s' is required", key);
        return 0;
    }
    if (!json_is_string(f))
        return lb_err_set(err, "field '%s' must be a string", key);
    if (required && json_string_length(f) == 0)
        return lb_err_set(err, "field '%s' must not be empty", key);
    bool text = !strcmp(key, "raw_line") || !strcmp(key, "msg");
    if (text ? json_string_length(f) > EVENT_TEXT_MAX
             : utf8_chars(json_string_value(f), json_string_length(f)) > EVENT_VARCHAR_MAX)
        return lb_err_set(err, "field '%s' is longer than %d %s", key,
                          text ? EVENT_TEXT_MAX : EVENT_VARCHAR_MAX, text ? "bytes" : "characters");
    if (!(*out = strndup(json_string_value(f), json_string_length(f))))
        return lb_err_set(err, "out of memory");
    return 0;
}

int event_from_json(const json_t *v, rs_event *e, lb_err *err)
{
    memset(e, 0, sizeof *e);
    if (!json_is_object(v))
        return lb_err_set(err, "an event must be a JSON object");
    if (take_str(v, "decky", true, &e->decky, err) ||
        take_str(v, "service", true, &e->service, err) ||
        take_str(v, "event_type", true, &e->event_type, err) ||
        take_str(v, "attacker_ip", true, &e->attacker_ip, err) ||
        take_str(v, "timestamp", false, &e->timestamp, err) ||
        take_str(v, "raw_line", false, &e->raw_line, err) ||
        take_str(v, "msg", false, &e->msg, err) ||
        take_str(v, "trace_id", false, &e->trace_id, err) ||
        take_str(v, "span_id", false, &e->span_id, err))
        goto fail;
    if (e->timestamp) {
        char norm[ISOTIME_LEN];
        if (isotime_normalise(e->timestamp, norm, err)) { /* strict ISO 8601 (isotime.h) */
            event_free(e);
            return EVENT_BAD_VALUE;
        }
        free(e->timestamp);
        if (!(e->timestamp = strdup(norm)))
            goto oom;
    } else {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        if (!(e->timestamp = malloc(20)))
            goto oom;
        strftime(e->timestamp, 20, "%Y-%m-%d %H:%M:%S", &tm);
    }
    if (!e->raw_line && !(e->raw_line = strdup("")))
        goto oom;
    json_t *f = json_object_get(v, "fields");
    if (!f || json_is_null(f)) {
        e->fields = strdup("{}");
    } else if (json_is_object(f)) {
        e->fields = json_dumps(f, JSON_COMPACT);
    } else if (json_is_string(f)) {
        json_t *parsed = json_loads(json_string_value(f), 0, NULL);
        bool ok = json_is_object(parsed);
        json_decref(parsed);
        if (!ok) {
            lb_err_set(err, "field 'fields' must be an object or a JSON object string");
            goto fail;
        }
        e->fields = strdup(json_string_value(f));
    } else {
        lb_err_set(err, "field 'fields' must be an object");
        goto fail;
    }
    if (!e->fields)
        goto oom;
    if (strlen(e->fields) > EVENT_TEXT_MAX) {
        lb_err_set(err, "field 'fields' is longer than %d bytes", EVENT_TEXT_MAX);
        goto fail;
    }
    return 0;
oom:
    lb_err_set(err, "out of memory");
fail:
    event_free(e);
    return -1;
}

void event_free(rs_event *e)
{
    free(e->timestamp);
    free(e->decky);
    free(e->service);
    free(e->event_type);
    free(e->attacker_ip);
    free(e->raw_line);
    free(e->fields);
    free(e->msg);
    free(e->trace_id);
    free(e->span_id);
    memset(e, 0, sizeof *e);
}

static void bind_opt(rs_stmt *st, int i, const char *s)
{
    if (s)
        db_bind_text(st, i, s);
    else
        db_bind_null(st, i);
}

static int step_done(rs_db *db, rs_stmt *st, lb_err *err)
{
    int rc = db_step(st);
    db_reset(st);
    if (rc != RS_STEP_DONE)
        return db_fail(db, err);
    return 0;
}

/* A deterministic attacker uuid (v4 layout) derived from the IP, so every
 * worker and every retry names the same attacker the same way. */
void event_attacker_uuid(const char *ip, char out[37])
{
    unsigned long long h1 = 1469598103934665603ull, h2 = 1099511628211ull;
    for (const char *p = ip; *p; p++) {
        h1 = (h1 ^ (unsigned char)*p) * 1099511628211ull;
        h2 = (h2 ^ (unsigned char)*p) * 6364136223846793005ull + 1442695040888963407ull;
    }
    snprintf(out, 37, "%08llx-%04llx-4%03llx-a%03llx-%012llx", h1 >> 32, (h1 >> 16) & 0xffff,
             h1 & 0xfff, (h2 >> 52) & 0xfff, h2 & 0xffffffffffffull);
}

int event_store(rs_db *db, const rs_event *e, long long *id, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "INSERT INTO logs (timestamp, decky, service, event_type, "
                               "attacker_ip, raw_line, fields, msg, trace_id, span_id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
    if (!st)
        return -1;
    db_bind_text(st, 1, e->timestamp);
    db_bind_text(st, 2, e->decky);
    db_bind_text(st, 3, e->service);
    db_bind_text(st, 4, e->event_type);
    db_bind_text(st, 5, e->attacker_ip);
    db_bind_text(st, 6, e->raw_line);
    db_bind_text(st, 7, e->fields);
    bind_opt(st, 8, e->msg);
    bind_opt(st, 9, e->trace_id);
    bind_opt(st, 10, e->span_id);
    if (step_done(db, st, err))
        return -1;
    *id = db_last_id(db);

    /* Upsert the attacker: services stay a sorted set and deckies a set in
     * first-contact order (the profiler's _build_record), the counts follow
     * the arrays, two deckies or more make a traversal, and a command event
     * appends to commands. */
    json_t *fields = json_loads(e->fields, 0, NULL);
    char cbuf[64];
    const char *cmd = derive_command(e->event_type, fields, cbuf, sizeof cbuf);
    if (event_attacker_upsert(db, e, cmd, err) || derive_bounties(db, e, fields, err))
        goto fail;
    json_decref(fields);
    return 0;
fail:
    json_decref(fields);
    return -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int event_profile_ips(rs_db *db, const char **ips, size_t n, lb_err *err)
{
    qsort(ips, n, sizeof *ips, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        if (i == 0 || strcmp(ips[i], ips[i - 1]))
            rc = profile_attacker(db, ips[i], err);
    return rc;
}

int event_profile(rs_db *db, const rs_event *ev, size_t n, lb_err *err)
{
    const char **ips = malloc((n ? n : 1) * sizeof *ips);
    if (!ips)
        return lb_err_set(err, "out of memory");
    for (size_t i = 0; i < n; i++)
        ips[i] = ev[i].attacker_ip;
    int rc = event_profile_ips(db, ips, n, err);
    free(ips);
    return rc;
}

const char *derive_command(const char *event_type, const json_t *fields, char *buf, size_t cap)
{
    static const char *const types[] = {"command", "exec", "query", "input", "shell_input",
                                        "execute", "run", "sql_query", "redis_command"};
    static const char *const keys[] = {"command", "query", "input", "line", "sql", "cmd"};
    bool is_cmd = false;
    for (size_t i = 0; i < sizeof types / sizeof types[0] && !is_cmd; i++)
        is_cmd = !strcmp(event_type, types[i]);
    if (!is_cmd || !json_is_object(fields))
        return NULL;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        json_t *v = json_object_get(fields, keys[i]);
        if (!derive_truthy(v))
            continue;
        if (json_is_string(v))
            return json_string_value(v);
        if (json_is_integer(v))
            snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        else if (json_is_true(v))
            snprintf(buf, cap, "True");
        else if (json_is_number(v))
            snprintf(buf, cap, "%g", json_number_value(v));
        else {   /* a list or object: its JSON text, cut to buf */
            size_t k = json_dumpb(v, buf, cap - 1, JSON_COMPACT);
            buf[k < cap - 1 ? k : cap - 1] = '\0';
        }
        return buf;
    }
    return NULL;
}
