/* phase.h — where one request's time went, by phase.
 *
 * The connection and the handlers fill it as the request goes; the worker
 * sums it for its exit report, the per-request profile log (reqlog.h)
 * writes it out. Plain data, so every layer may carry it. */
#ifndef RS_PHASE_H
#define RS_PHASE_H
#include <stdint.h>

/* Nanoseconds spent per phase of one request. */
typedef struct rs_phase {
    uint64_t parse_ns;      /* first byte seen .. message complete */
    uint64_t auth_ns;       /* token check + user lookup */
    uint64_t cache_ns;      /* TTL cache checks and hits */
    uint64_t db_ns;         /* SQLite work on the loop (or waiting for the writer) */
    uint64_t bcrypt_ns;     /* bcrypt on a pool thread */
    uint64_t serialize_ns;  /* JSON building */
    uint64_t write_ns;      /* response formatting + first write attempt */
} rs_phase;

/* sum += p, phase by phase. */
static inline void phase_add(rs_phase *sum, const rs_phase *p)
{
    sum->parse_ns += p->parse_ns;
    sum->auth_ns += p->auth_ns;
    sum->cache_ns += p->cache_ns;
    sum->db_ns += p->db_ns;
    sum->bcrypt_ns += p->bcrypt_ns;
    sum->serialize_ns += p->serialize_ns;
    sum->write_ns += p->write_ns;
}

#endif
