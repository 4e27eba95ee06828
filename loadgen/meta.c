/* meta.c — build the meta object with jansson and dump it. Times are both
 * ISO 8601 UTC (for people) and Unix seconds (for scripts). */
#include "meta.h"
#include <curl/curl.h>
#include <jansson.h>
#include <time.h>

static json_t *iso_time(double t)
{
    time_t s = (time_t)t;
    struct tm tm;
    gmtime_r(&s, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(buf);
}

int meta_write(const char *path, const lg_meta *m, lb_err *err)
{
    const lg_options *o = m->opt;
    char wait[64];
    wait_describe(&m->plan->wait, wait, sizeof wait);
    json_t *root = json_object();
    json_object_set_new(root, "loadgen_version", json_string(LB_VERSION));
    json_object_set_new(root, "libcurl_version", json_string(curl_version_info(CURLVERSION_NOW)->version));
    json_object_set_new(root, "tag", o->tag ? json_string(o->tag) : json_null());
    json_object_set_new(root, "host", json_string(m->host));
    json_object_set_new(root, "scenario", json_string(m->plan->name));
    json_object_set_new(root, "scenario_file", m->plan->path ? json_string(m->plan->path) : json_null());
    json_object_set_new(root, "scenario_sha256", json_string(m->plan->hash));
    json_object_set_new(root, "wait_time", json_string(wait));
    json_object_set_new(root, "users", json_integer(o->users));
    json_object_set_new(root, "spawn_rate", json_real(o->spawn_rate));
    json_object_set_new(root, "rate", o->rate > 0 ? json_real(o->rate) : json_null());
    if (o->rate > 0 && m->health) { /* did the open model deliver what it was asked? */
        const lg_health *h = m->health;
        json_t *r = json_object();
        json_object_set_new(r, "checked_seconds", json_integer(h->rate_seconds));
        json_object_set_new(r, "under_rate_seconds", json_integer(h->under_rate_seconds));
        json_object_set_new(r, "achieved_per_s", h->rate_seconds
                            ? json_real((double)h->rate_requests / (double)h->rate_seconds)
                            : json_null());
        json_object_set_new(r, "threshold", json_real(LG_UNDER_RATE));
        json_object_set_new(root, "rate_check", r);
    }
    json_object_set_new(root, "run_time_s", o->run_time > 0 ? json_real(o->run_time) : json_null());
    json_object_set_new(root, "stop_timeout_s", json_real(o->stop_timeout));
    json_object_set_new(root, "threads", json_integer(m->threads));
    json_object_set_new(root, "seed", json_integer((json_int_t)o->seed));
    json_object_set_new(root, "reset_stats", json_boolean(o->reset_stats));
    json_object_set_new(root, "start_time", iso_time(m->start_wall));
    json_object_set_new(root, "end_time", iso_time(m->end_wall));
    json_object_set_new(root, "start_unix", json_real(m->start_wall));
    json_object_set_new(root, "end_unix", json_real(m->end_wall));
    json_object_set_new(root, "duration_s", json_real(m->end_wall - m->start_wall));
    json_object_set_new(root, "stop_reason", json_string(m->stop_reason));
    json_object_set_new(root, "users_peak", json_integer(m->users_peak));
    json_object_set_new(root, "on_start_failed_users", json_integer(m->onstart_failed));
    json_object_set_new(root, "setup_error", m->setup_error ? json_string(m->setup_error) : json_null());
    json_object_set_new(root, "requests", json_integer((json_int_t)m->requests));
    json_object_set_new(root, "failures", json_integer((json_int_t)m->failures));
    json_object_set_new(root, "exit_code", json_integer(m->exit_code));
    json_t *client = json_object();
    json_object_set_new(client, "cpu_seconds", json_real(m->cpu_seconds));
    json_object_set_new(client, "usable_cores", json_integer(m->usable_cores));
    json_object_set_new(client, "cpu_percent_avg", json_real(m->cpu_pct_avg));
    json_object_set_new(client, "cpu_percent_max", json_real(m->cpu_pct_max));
    json_object_set_new(client, "event_loop_lag_max_ms", json_real(m->lag_max_ms));
    json_object_set_new(client, "saturated", json_boolean(m->saturated_seconds > 0));
    json_object_set_new(client, "saturated_seconds", json_integer(m->saturated_seconds));
    const lg_health *h = m->health;
    json_object_set_new(client, "busy_seconds", json_integer(h ? h->busy_seconds : 0));
    json_object_set_new(client, "not_scheduled_seconds",
                        json_integer(h ? h->unscheduled_seconds : 0));
    json_object_set_new(root, "client", client);
    int rc = json_dump_file(root, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (rc != 0)
        return lb_err_set(err, "%s: cannot write", path);
    return 0;
}
