/* derive.h — what DECNET derives from ingested events (store-internal):
 * the ingester's bounties (bounty.c) and the profiler's per-attacker rollup
 * (profile.c: decnet/profiler/behavioral.py and worker.py at edc5c59f).
 *
 * DECNET's profiler runs every 30 s over every event it holds; refserver
 * derives the same record when the events are stored, over the attacker's
 * latest PROFILE_WINDOW events, so one ingest costs a bounded amount however
 * busy the attacker is. */
#ifndef RS_DERIVE_H
#define RS_DERIVE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "db.h"

struct rs_event;   /* event.h; not included: event.c includes this header */

#define PROFILE_WINDOW 500

/* Python truthiness of a JSON value (NULL: absent = false). */
bool derive_truthy(const json_t *v);

/* Store the bounties the seed's ingester extracts from e (fields: its
 * parsed fields object), skipping duplicates. Inside the caller's transaction. */
int derive_bounties(rs_db *db, const struct rs_event *e, const json_t *fields, lb_err *err);

/* The executed command of an event, as the profiler extracts it: NULL unless
 * event_type is a command type and one of the command fields is set. The
 * result points into fields (or buf, for a non-string value). */
const char *derive_command(const char *event_type, const json_t *fields, char *buf, size_t cap);

/* One event as the profiler sees it. */
typedef struct pf_event {
    time_t ts;
    const char *service, *decky, *event_type;
    const json_t *fields;    /* an object (may be empty) */
} pf_event;

/* The attacker_behavior record of events (sorted here by ts, stably):
 * JSON text of each JSON column, the class and the scalars. */
typedef struct pf_record {
    char *os_guess;            /* NULL: none */
    long hop_distance;         /* -1: none */
    char *tcp_fingerprint;     /* JSON object text */
    long retransmit_count;
    const char *behavior_class;
    bool beacon;               /* beacon_interval_s / beacon_jitter_pct set */
    double beacon_interval_s, beacon_jitter_pct;
    char *tool_guesses, *timing_stats, *phase_sequence;   /* JSON text */
} pf_record;

/* A field as text (the seed's fields are strings; JSON integers are
 * formatted into buf), NULL when absent or another type. */
const char *derive_ftext(const json_t *fields, const char *key, char *buf, size_t cap);
/* int(field) as Python would take it; false when it does not parse. */
bool derive_fint(const json_t *fields, const char *key, long *out);
/* sniffer_rollup() over ts-sorted events: os_guess, hop_distance and
 * retransmit_count into r, the TCP fingerprint object into *fp (new). */
void derive_rollup(const pf_event *ev, size_t n, pf_record *r, json_t **fp);

/* Build the record; 0 or -1 (out of memory). Free with profile_free. */
int profile_build(pf_event *ev, size_t n, pf_record *out);
void profile_free(pf_record *r);

/* Refresh the attacker row of ip from its stored rows: bounty and credential
 * counts, fingerprints (its fingerprint bounties), and its behaviour row
 * from the latest PROFILE_WINDOW events. No-op when ip has no attacker row.
 * Inside the caller's transaction. */
int profile_attacker(rs_db *db, const char *ip, lb_err *err);
/* profile_attacker for every attacker row (the seeded dataset). */
int profile_all_attackers(rs_db *db, lb_err *err);

#endif
