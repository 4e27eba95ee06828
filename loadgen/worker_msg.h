/* worker_msg.h — Locust 2.12.1's master/worker messages, as msgpack
 * (../shared/docs/locust-format.md §6.2–6.4), for loadgen's --worker mode.
 *
 * Every message is one msgpack array [type, data, node_id]. Encoders append
 * one whole message to a msgpack_sbuffer the caller owns (cleared first);
 * the decoder reads what a master sends (ack, spawn, stop, quit, reconnect,
 * heartbeat, custom types) into a wmsg_in, checking every field's type: a
 * master is a peer on the network, not trusted memory. */
#ifndef LG_WORKER_MSG_H
#define LG_WORKER_MSG_H
#include <msgpack.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lberr.h"
#include "stats.h"

/* Messages larger than this are refused (the biggest a master sends is a
 * spawn carrying parsed_options: a few kB). */
#define WMSG_MAX_BYTES (1u << 20)

/* One user class and its user count (spawn's user_classes_count). */
typedef struct wmsg_class {
    char *name;
    long count;
} wmsg_class;

typedef struct wmsg_in {
    char *type;                 /* message type ("ack", "spawn", ...) */
    char *node_id;              /* third element; NULL when nil */
    /* ack */
    bool has_index;
    long index;
    /* spawn */
    bool has_timestamp;
    double timestamp;
    wmsg_class *classes;        /* user_classes_count, in the master's order */
    size_t nclasses;
    char *host;                 /* NULL when nil or absent */
    bool has_stop_timeout;
    double stop_timeout;
} wmsg_in;

/* Decode one message. 0, or -1 with err saying what was wrong (the caller
 * answers as Locust's master does to garbage: drop it, log it). On success
 * the caller frees m with wmsg_in_free. */
int wmsg_decode(const void *data, size_t len, wmsg_in *m, lb_err *err);
void wmsg_in_free(wmsg_in *m);

/* Encoders. `version` is sent in client_ready: never empty (an empty one is
 * refused by the master, §0). Types with nil data: "spawning",
 * "client_stopped", "quit". */
int wmsg_client_ready(msgpack_sbuffer *b, const char *node_id, const char *version);
int wmsg_nil(msgpack_sbuffer *b, const char *type, const char *node_id);
int wmsg_heartbeat(msgpack_sbuffer *b, const char *node_id, const char *state, double cpu_pct,
                   uint64_t rss_bytes);
int wmsg_spawning_complete(msgpack_sbuffer *b, const char *node_id, const wmsg_class *classes,
                           size_t nclasses, long user_count);
/* The stats report (§6.4): every entry of set with requests or failures,
 * the Aggregated entry, the errors, and the user counts. The caller resets
 * set afterwards: reports are deltas. */
int wmsg_stats(msgpack_sbuffer *b, const char *node_id, const stats_set *set,
               const wmsg_class *classes, size_t nclasses, long user_count);

#endif
