/* handlers_fleet.c — the admin's fleet writes (DECNET router/fleet/
 * api_deploy_deckies.py, api_mutate_decky.py, api_mutate_interval.py),
 * simulated on the "deckies" state row that /deckies and /stats read: a
 * deploy merges the INI's deckies into it, a mutation reshuffles one
 * decky's services, an interval sets its mutate_interval (minutes). No
 * container is started. Each write drops this worker's /deckies and /stats
 * bodies; other workers follow within their TTL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "body.h"
#include "fleet.h"
#include "handlers.h"
#include "hutil.h"
#include "params.h"
#include "reply.h"

#define INI_MAX_CHARS (512 * 1024)

/* State row key as JSON; *v NULL when absent. 0, or -1 with a 500 set. */
static int load_state(rs_ctx *ctx, rs_db *db, const char *key, json_t **v)
{
    lb_buf b = {0};
    bool found;
    lb_err err;
    *v = NULL;
    int rc = store_state_get(db, key, &b, &found, &err);
    if (!rc && found)
        *v = json_loads(b.data, 0, NULL);
    lb_buf_free(&b);
    return rc ? ctx_fail(ctx, &err), -1 : 0;
}

static int save_fleet(rs_ctx *ctx, rs_db *db, const json_t *deckies)
{
    char *text = json_dumps(deckies, JSON_COMPACT | JSON_REAL_PRECISION(17));
    lb_err err;
    int rc = text ? store_state_put(db, "deckies", text, &err) : -1;
    free(text);
    if (rc)
        return ctx_fail(ctx, text ? &err : NULL), -1;
    ttl_invalidate(&ctx->w->cache[RS_CACHE_DECKIES]);
    ttl_invalidate(&ctx->w->cache[RS_CACHE_STATS]);
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int message(rs_ctx *ctx, const char *msg)
{
    return hx_json(ctx, 200, json_pack("{s:s}", "message", msg), -1);
}

int handle_deploy(rs_ctx *ctx)
{
    static const body_field f[] = {{.name = "ini_content", .kind = BODY_STR, .required = true}};
    json_t *b;
    if (body_parse(ctx, f, 1, true, &b))
        return RS_DONE;
    const char *text = json_string_value(json_object_get(b, "ini_content"));
    long chars = 0;
    for (const char *p = text; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    char msg[1024] = "";
    json_t *ini = NULL, *built = NULL, *cur = NULL, *limits = NULL;
    rs_db *db = NULL;
    if (chars > INI_MAX_CHARS) {
        body_invalid(ctx, "Invalid INI config", "value_error", "body", "ini_content",
                     "Value error, INI content is too large (max 512KB)", NULL,
                     json_pack("{s:{}}", "error"));
        goto out;
    }
    switch (fleet_ini_parse(text, &ini, msg, sizeof msg)) {
    case FLEET_EMPTY:
        reply_detail(ctx->rep, 409, "Configuration conflict: INI content is empty.");
        goto out;
    case FLEET_SYNTAX:
        reply_detail(ctx->rep, 409, "Configuration conflict: INI syntax or characters are "
                     "invalid.");
        goto out;
    case FLEET_NO_SECTIONS:
        reply_detail(ctx->rep, 409, "Invalid INI config structure: No decky sections found.");
        goto out;
    case FLEET_CONFLICT:
        reply_detail(ctx->rep, 409, msg);
        goto out;
    case FLEET_OK:
        break;
    }
    if (!(db = ctx_db_acquire(ctx)) || load_state(ctx, db, "deckies", &cur) ||
        load_state(ctx, db, "config_limits", &limits))
        goto out;
    if (!json_is_array(cur)) {
        json_decref(cur);
        cur = json_array();
    }
    if (fleet_build(ini, cur, now_s(), &built, msg, sizeof msg)) {
        reply_detail(ctx->rep, 409, msg);
        goto out;
    }
    /* merge by name: a redeployed decky replaces the old one in place */
    size_t i, j;
    json_t *d, *c;
    json_array_foreach(built, i, d) {
        bool replaced = false;
        json_array_foreach(cur, j, c)
            if (!replaced && json_equal(json_object_get(c, "name"), json_object_get(d, "name"))) {
                json_array_set(cur, j, d);
                replaced = true;
            }
        if (!replaced)
            json_array_append(cur, d);
    }
    json_t *lim = json_object_get(limits, "deployment_limit");
    long limit = json_is_integer(lim) ? (long)json_integer_value(lim) : 10;
    if ((long)json_array_size(cur) > limit) {
        snprintf(msg, sizeof msg, "Deployment would result in %zu deckies, exceeding the "
                 "configured limit of %ld", json_array_size(cur), limit);
        reply_detail(ctx->rep, 409, msg);
        goto out;
    }
    if (save_fleet(ctx, db, cur) == 0)
        message(ctx, "Deckies deployed successfully");
out:
    ctx_db_release(ctx, db);
    json_decref(b);
    json_decref(ini);
    json_decref(built);
    json_decref(cur);
    json_decref(limits);
    return RS_DONE;
}

/* The percent-decoded {decky_name} of /api/v1/deckies/{name}/..., or NULL (500 set). */
static char *path_decky(rs_ctx *ctx)
{
    const char *p = ctx->req->path + strlen("/api/v1/deckies/");
    char *name = params_decode(p, strcspn(p, "/"), false);
    if (!name)
        ctx_fail(ctx, NULL);
    return name;
}

/* The decky named in the current fleet: 0 with *fleet (owned) and *d set;
 * 1 when no deployment, 2 when no such decky; -1 with a 500 set. */
static int find_decky(rs_ctx *ctx, rs_db *db, const char *name, json_t **fleet, json_t **d)
{
    *d = NULL;
    if (load_state(ctx, db, "deckies", fleet))
        return -1;
    if (!json_is_array(*fleet))
        return 1;
    size_t i;
    json_t *c;
    json_array_foreach(*fleet, i, c)
        if (!*d && !strcmp(json_string_value(json_object_get(c, "name")) ?: "", name))
            *d = c;
    return *d ? 0 : 2;
}

static bool decky_name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

int handle_mutate(rs_ctx *ctx)
{
    static const char PATTERN[] = "^[a-z0-9\\-]{1,64}$";
    char *name = path_decky(ctx);
    if (!name)
        return RS_DONE;
    if (!decky_name_ok(name)) {
        body_invalid(ctx, NULL, "string_pattern_mismatch", "path", "decky_name",
                     "String should match pattern '^[a-z0-9\\-]{1,64}$'", json_string(name),
                     json_pack("{s:s}", "pattern", PATTERN));
        free(name);
        return RS_DONE;
    }
    rs_db *db = ctx_db_acquire(ctx);
    json_t *fleet = NULL, *d;
    int found = db ? find_decky(ctx, db, name, &fleet, &d) : -1;
    char msg[160];
    if (found > 0) {
        snprintf(msg, sizeof msg, "Decky %s not found or failed to mutate", name);
        reply_detail(ctx->rep, 404, msg);
    } else if (found == 0) {
        fleet_mutate(d, now_s(), ctx->w->requests);
        if (save_fleet(ctx, db, fleet) == 0) {
            snprintf(msg, sizeof msg, "Successfully mutated %s", name);
            message(ctx, msg);
        }
    }
    ctx_db_release(ctx, db);
    json_decref(fleet);
    free(name);
    return RS_DONE;
}

int handle_mutate_interval(rs_ctx *ctx)
{
    static const body_field f[] = {
        {.name = "mutate_interval", .kind = BODY_STR, .nullable = true,
         .match = body_is_duration, .pattern = BODY_DURATION_PATTERN},
    };
    json_t *b;
    if (body_parse(ctx, f, 1, false, &b))
        return RS_DONE;
    char *name = path_decky(ctx);
    rs_db *db = name ? ctx_db_acquire(ctx) : NULL;
    json_t *fleet = NULL, *d;
    int found = db ? find_decky(ctx, db, name, &fleet, &d) : -1;
    if (found == 1)
        reply_detail(ctx->rep, 404, "No active deployment");
    else if (found == 2)
        reply_detail(ctx->rep, 404, "Decky not found");
    else if (found == 0) {
        const char *s = json_string_value(json_object_get(b, "mutate_interval"));
        /* minutes per unit, as the seed's _parse_duration */
        long long v = s ? strtoll(s, NULL, 10) : 0, per = 1;
        char unit = s ? s[strlen(s) - 1] : 'm';
        per = unit == 'd' ? 1440 : unit == 'M' ? 43200 : (unit == 'y' || unit == 'Y') ? 525600 : 1;
        if (s && (strlen(s) > 13 || v > (long long)9e15 / per)) {
            body_invalid(ctx, NULL, "value_error", "body", "mutate_interval",
                         "Value error, interval too large", json_string(s), NULL);
        } else {
            json_object_set_new(d, "mutate_interval", s ? json_integer(v * per) : json_null());
            if (save_fleet(ctx, db, fleet) == 0)
                message(ctx, "Mutation interval updated");
        }
    }
    ctx_db_release(ctx, db);
    json_decref(fleet);
    json_decref(b);
    free(name);
    return RS_DONE;
}
