/* otel_config.c — resolve an otel_config against the environment and the
 * OpenTelemetry SDK's BatchSpanProcessor defaults.
 *
 * Precedence is the SDK's: a value set in code wins, then the standard
 * OTEL_BSP_* variable (and REFSERVER_OTEL_ENDPOINT), then the default. A bad
 * variable is an error naming it, not a silent fallback, so a typo in a
 * profile definition cannot quietly measure the wrong configuration. */
#include "otel_internal.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define DEF_QUEUE 2048
#define DEF_BATCH 512
#define DEF_DELAY_MS 5000
#define DEF_TIMEOUT_MS 30000

#ifndef LB_VERSION
#define LB_VERSION "0.0.0"
#endif

/* The value for one numeric setting: cfg_value if > 0, else env var `name`
 * if set and non-empty, else def. Returns 0 or -1 with err set. */
static int resolve_int(int cfg_value, const char *field, const char *name, long def,
                       long *out, lb_err *err)
{
    if (cfg_value < 0)
        return lb_err_set(err, "otel: %s must be positive, got %d", field, cfg_value);
    if (cfg_value > 0) {
        *out = cfg_value;
        return 0;
    }
    const char *v = getenv(name);
    if (!v || !*v) {
        *out = def;
        return 0;
    }
    char *end = NULL;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end != '\0' || n <= 0 || n > INT_MAX)
        return lb_err_set(err, "otel: environment variable %s=\"%s\" is not a positive integer",
                          name, v);
    *out = n;
    return 0;
}

static char *dup_or(const char *value, const char *def)
{
    return strdup(value ? value : def);
}

int otel_settings_resolve(const otel_config *cfg, otel_settings *out, lb_err *err)
{
    static const otel_config empty;
    if (!cfg)
        cfg = &empty;
    memset(out, 0, sizeof *out);
    long queue, batch;
    if (resolve_int(cfg->max_queue_size, "max_queue_size", "OTEL_BSP_MAX_QUEUE_SIZE",
                    DEF_QUEUE, &queue, err) < 0 ||
        resolve_int(cfg->max_export_batch, "max_export_batch",
                    "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", DEF_BATCH, &batch, err) < 0 ||
        resolve_int(cfg->schedule_delay_ms, "schedule_delay_ms", "OTEL_BSP_SCHEDULE_DELAY",
                    DEF_DELAY_MS, &out->schedule_delay_ms, err) < 0 ||
        resolve_int(cfg->export_timeout_ms, "export_timeout_ms", "OTEL_BSP_EXPORT_TIMEOUT",
                    DEF_TIMEOUT_MS, &out->export_timeout_ms, err) < 0)
        return -1;
    if (batch > queue)
        return lb_err_set(err,
                          "otel: export batch size %ld is larger than the queue size %ld "
                          "(OTEL_BSP_MAX_EXPORT_BATCH_SIZE <= OTEL_BSP_MAX_QUEUE_SIZE)",
                          batch, queue);
    out->max_queue_size = (size_t)queue;
    out->max_export_batch = (size_t)batch;

    if (cfg->file_path) {
        if (!*cfg->file_path)
            return lb_err_set(err, "otel: the trace file path is empty");
        out->file_path = strdup(cfg->file_path);
    } else {
        const char *ep = cfg->endpoint;
        if (!ep) {
            ep = getenv("REFSERVER_OTEL_ENDPOINT");
            if (!ep || !*ep)
                ep = OTEL_DEFAULT_ENDPOINT;
        }
        if (strncmp(ep, "file://", 7) == 0) {
            /* file:///abs/path: the file exporter, chosen from the environment. */
            if (ep[7] != '/')
                return lb_err_set(err, "otel: endpoint \"%s\": a file:// URL needs an "
                                       "absolute path (file:///tmp/traces.jsonl)", ep);
            out->file_path = strdup(ep + 7);
        } else if (strncmp(ep, "http://", 7) == 0 || strncmp(ep, "https://", 8) == 0) {
            out->endpoint = strdup(ep);
        } else {
            return lb_err_set(err,
                              "otel: endpoint \"%s\" is not an http://, https:// or file:// URL",
                              ep);
        }
    }
    const char *svc = getenv("OTEL_SERVICE_NAME"); /* the standard SDK variable */
    out->service_name = dup_or(cfg->service_name, svc && *svc ? svc : "refserver");
    out->service_version = dup_or(cfg->service_version, LB_VERSION);
    out->scope_name = dup_or(cfg->scope_name, "loadbench.refserver");
    out->scope_version = dup_or(cfg->scope_version, LB_VERSION);
    if (!(out->endpoint || out->file_path) || !out->service_name || !out->service_version ||
        !out->scope_name || !out->scope_version) {
        otel_settings_free(out);
        return lb_err_set(err, "otel: out of memory");
    }
    return 0;
}

void otel_settings_free(otel_settings *s)
{
    free(s->service_name);
    free(s->service_version);
    free(s->scope_name);
    free(s->scope_version);
    free(s->endpoint);
    free(s->file_path);
    memset(s, 0, sizeof *s);
}
