/* worker_msg.c — encode what a Locust 2.12.1 worker sends
 * (locust-format.md §6.2–6.4), with msgpack-c. Decoding: worker_decode.c. */
#include "worker_msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- encoding ------------------------------------------------------------ */

static void pk_str(msgpack_packer *pk, const char *s)
{
    size_t n = strlen(s);
    msgpack_pack_str(pk, n);
    msgpack_pack_str_body(pk, s, n);
}

/* Start [type, <data follows>, ...]; the caller packs data, then pk_end. */
static void pk_begin(msgpack_sbuffer *b, msgpack_packer *pk, const char *type)
{
    msgpack_sbuffer_clear(b);
    msgpack_packer_init(pk, b, msgpack_sbuffer_write);
    msgpack_pack_array(pk, 3);
    pk_str(pk, type);
}

static int pk_end(msgpack_sbuffer *b, msgpack_packer *pk, const char *node_id)
{
    pk_str(pk, node_id);
    return b->data ? 0 : -1;
}

int wmsg_client_ready(msgpack_sbuffer *b, const char *node_id, const char *version)
{
    msgpack_packer pk;
    pk_begin(b, &pk, "client_ready");
    pk_str(&pk, version && *version ? version : "2.12.1");
    return pk_end(b, &pk, node_id);
}

int wmsg_nil(msgpack_sbuffer *b, const char *type, const char *node_id)
{
    msgpack_packer pk;
    pk_begin(b, &pk, type);
    msgpack_pack_nil(&pk);
    return pk_end(b, &pk, node_id);
}

int wmsg_heartbeat(msgpack_sbuffer *b, const char *node_id, const char *state, double cpu_pct,
                   uint64_t rss_bytes)
{
    msgpack_packer pk;
    pk_begin(b, &pk, "heartbeat");
    msgpack_pack_map(&pk, 3);
    pk_str(&pk, "state");
    pk_str(&pk, state);
    pk_str(&pk, "current_cpu_usage");
    msgpack_pack_double(&pk, cpu_pct);
    pk_str(&pk, "current_memory_usage");
    msgpack_pack_uint64(&pk, rss_bytes);
    return pk_end(b, &pk, node_id);
}

static void pk_classes(msgpack_packer *pk, const wmsg_class *c, size_t n)
{
    msgpack_pack_map(pk, n);
    for (size_t i = 0; i < n; i++) {
        pk_str(pk, c[i].name);
        msgpack_pack_int64(pk, c[i].count);
    }
}

int wmsg_spawning_complete(msgpack_sbuffer *b, const char *node_id, const wmsg_class *classes,
                           size_t nclasses, long user_count)
{
    msgpack_packer pk;
    pk_begin(b, &pk, "spawning_complete");
    msgpack_pack_map(&pk, 2);
    pk_str(&pk, "user_classes_count");
    pk_classes(&pk, classes, nclasses);
    pk_str(&pk, "user_count");
    msgpack_pack_int64(&pk, user_count);
    return pk_end(b, &pk, node_id);
}

/* Bucket keys are ints below 100 ms and floats above, as 2.12.1's are for
 * HttpUser's float times (§2.2): the master then prints medians the same. */
static void pk_bucket(void *ctx, int64_t key, uint64_t count)
{
    msgpack_packer *pk = ctx;
    if (key >= 100)
        msgpack_pack_double(pk, (double)key);
    else
        msgpack_pack_int64(pk, key);
    msgpack_pack_uint64(pk, count);
}

static void pk_second(void *ctx, int64_t sec, uint64_t count)
{
    msgpack_packer *pk = ctx;
    msgpack_pack_int64(pk, sec);
    msgpack_pack_uint64(pk, count);
}

/* One StatsEntryDict, keys in Locust's order (§6.4). */
static void pk_entry(msgpack_packer *pk, const stats_entry *e)
{
    msgpack_pack_map(pk, 14);
    pk_str(pk, "name");
    pk_str(pk, e->name);
    pk_str(pk, "method");
    pk_str(pk, e->method);
    pk_str(pk, "last_request_timestamp");
    if (e->last_request_timestamp > 0)
        msgpack_pack_double(pk, e->last_request_timestamp);
    else
        msgpack_pack_nil(pk);
    pk_str(pk, "start_time");
    msgpack_pack_double(pk, e->start_time);
    pk_str(pk, "num_requests");
    msgpack_pack_uint64(pk, e->num_requests);
    pk_str(pk, "num_none_requests");
    msgpack_pack_uint64(pk, e->num_none_requests);
    pk_str(pk, "num_failures");
    msgpack_pack_uint64(pk, e->num_failures);
    pk_str(pk, "total_response_time");
    msgpack_pack_double(pk, e->total_response_time);
    pk_str(pk, "max_response_time");
    msgpack_pack_double(pk, e->max_response_time);
    pk_str(pk, "min_response_time");
    if (e->has_min)
        msgpack_pack_double(pk, e->min_response_time);
    else
        msgpack_pack_nil(pk);
    pk_str(pk, "total_content_length");
    msgpack_pack_uint64(pk, e->total_content_length);
    pk_str(pk, "response_times");
    msgpack_pack_map(pk, stats_entry_each_bucket(e, NULL, NULL));
    stats_entry_each_bucket(e, pk_bucket, pk);
    pk_str(pk, "num_reqs_per_sec");
    msgpack_pack_map(pk, stats_persec_each(&e->reqs_per_sec, NULL, NULL));
    stats_persec_each(&e->reqs_per_sec, pk_second, pk);
    pk_str(pk, "num_fail_per_sec");
    msgpack_pack_map(pk, stats_persec_each(&e->fails_per_sec, NULL, NULL));
    stats_persec_each(&e->fails_per_sec, pk_second, pk);
}

/* The errors map. Its key only has to be stable and distinct for the
 * master (§6.4): "<len>:<method><len>:<name><error>" is both (lengths make
 * it unambiguous whatever bytes the name and error hold). */
static int pk_errors(msgpack_packer *pk, const stats_set *set)
{
    size_t n = stats_set_error_count(set);
    msgpack_pack_map(pk, n);
    for (size_t i = 0; i < n; i++) {
        const stats_error *er = stats_set_error_at(set, i);
        size_t klen = strlen(er->method) + strlen(er->name) + strlen(er->error) + 48;
        char *key = malloc(klen);
        if (!key)
            return -1;
        snprintf(key, klen, "%zu:%s%zu:%s%s", strlen(er->method), er->method, strlen(er->name),
                 er->name, er->error);
        pk_str(pk, key);
        free(key);
        msgpack_pack_map(pk, 4);
        pk_str(pk, "name");
        pk_str(pk, er->name);
        pk_str(pk, "method");
        pk_str(pk, er->method);
        /* Standalone form (HTTPError('...')): the master applies repr() once
         * more, exactly as it does to a Python worker's error string (§1.4). */
        pk_str(pk, "error");
        pk_str(pk, er->error);
        pk_str(pk, "occurrences");
        msgpack_pack_uint64(pk, er->occurrences);
    }
    return 0;
}

int wmsg_stats(msgpack_sbuffer *b, const char *node_id, const stats_set *set,
               const wmsg_class *classes, size_t nclasses, long user_count)
{
    msgpack_packer pk;
    pk_begin(b, &pk, "stats");
    msgpack_pack_map(&pk, 5);
    pk_str(&pk, "stats");
    size_t n = stats_set_count(set), active = 0;
    for (size_t i = 0; i < n; i++) {
        const stats_entry *e = stats_set_at(set, i);
        active += e->num_requests > 0 || e->num_failures > 0;
    }
    msgpack_pack_array(&pk, active);
    for (size_t i = 0; i < n; i++) {
        const stats_entry *e = stats_set_at(set, i);
        if (e->num_requests > 0 || e->num_failures > 0)
            pk_entry(&pk, e);
    }
    pk_str(&pk, "stats_total");
    pk_entry(&pk, stats_set_total_c(set));
    pk_str(&pk, "errors");
    if (pk_errors(&pk, set) < 0)
        return -1;
    pk_str(&pk, "user_classes_count");
    pk_classes(&pk, classes, nclasses);
    pk_str(&pk, "user_count");
    msgpack_pack_int64(&pk, user_count);
    return pk_end(b, &pk, node_id);
}
