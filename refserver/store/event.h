/* event.h — one honeypot log event as POST /api/v1/logs accepts it, and its storage.
 *
 * The ingest path (decnet-api.md §3, §7): an event is validated from JSON
 * on the loop, then inserted with its attacker row updated, inside a
 * transaction the caller (handler or batched writer) owns. */
#ifndef RS_EVENT_H
#define RS_EVENT_H
#include <jansson.h>
#include <stddef.h>
#include "db.h"

typedef struct rs_event {
    char *timestamp;    /* "YYYY-MM-DD HH:MM:SS" */
    char *decky, *service, *event_type, *attacker_ip;
    char *raw_line;
    char *fields;       /* JSON text of an object */
    char *msg, *trace_id, *span_id;   /* may be NULL */
} rs_event;

/* Validate one JSON event into e (owned strings). Required strings: decky,
 * service, event_type, attacker_ip; optional: timestamp (default now, ISO
 * "T" or space accepted), raw_line (default ""), fields (object or JSON
 * string of one; default {}), msg, trace_id, span_id (string or null).
 * Returns 0; -1 with err = the field at fault (a 400 structural error);
 * EVENT_BAD_VALUE when the shape is right but the timestamp is no datetime
 * pydantic would take (a 422, as DECNET answers a field value error). */
#define EVENT_BAD_VALUE (-2)
int event_from_json(const json_t *v, rs_event *e, lb_err *err);
void event_free(rs_event *e);

/* Insert e into logs, upsert its attackers row (event_count, first/last_seen,
 * services, deckies, traversal, commands) and store the bounties it carries
 * (derive.h). Must run inside a transaction. *id gets the new row id. */
int event_store(rs_db *db, const rs_event *e, long long *id, lb_err *err);

/* Insert or update e's attackers row (first/last seen, event_count, the
 * services set, the deckies in first-contact order, the traversal, and cmd
 * appended to commands when not NULL). Inside the caller's transaction. */
int event_attacker_upsert(rs_db *db, const rs_event *e, const char *cmd, lb_err *err);

/* After storing ev[0..n): refresh each distinct attacker's counts,
 * fingerprints and behaviour (derive.h profile_attacker), once per IP.
 * Inside the same transaction as the inserts. */
int event_profile(rs_db *db, const rs_event *ev, size_t n, lb_err *err);
/* The same for the attacker IPs ips[0..n) (sorted in place, each done once). */
int event_profile_ips(rs_db *db, const char **ips, size_t n, lb_err *err);

/* The attacker uuid refserver uses for an IP: deterministic (v4 layout),
 * so the dataset, every worker and every retry name an attacker alike. */
void event_attacker_uuid(const char *ip, char out[37]);

#endif
