/* engine_priv.h — an engine's insides, for engine.c and user.c only (as
 * common/stats_priv.h is for the stats files); everyone else sees lg_engine
 * as opaque through engine.h (engine_slots.c prepares its per-request slots).
 *
 * It includes neither engine.h nor user.h, so the includes run one way:
 * engine.c → user.h, engine_priv.h; user.c → engine_priv.h; engine_priv.h →
 * run.h. The user knows the engine it runs on; the engine drives its users. */
#ifndef LG_ENGINE_PRIV_H
#define LG_ENGINE_PRIV_H
#include <curl/curl.h>
#include <ev.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include "curlev.h"
#include "rng.h"
#include "run.h"
#include "stats.h"

typedef struct lg_engine lg_engine;
typedef struct lg_user lg_user;

/* What an engine prepares once per plan request (slots[r->id]) so that
 * users do not redo it per transfer. */
typedef struct lg_req_slot {
    CURLU *curlu;                   /* pre-parsed URL if static, else NULL */
    char *url;                      /* that URL as text (failure messages) */
    char *name;                     /* the stats name if static, else NULL */
    stats_entry *entry;             /* its entry, created on first use (as Locust
                                       does: no zero rows for unused requests) */
    struct curl_slist *hdrs;        /* header list shared by all users, when static */
    bool hdrs_static;               /* headers use no variable that users change */
} lg_req_slot;

/* An engine's slots for one user class: users[base .. base + cap). */
typedef struct lg_eclass {
    long base, cap;
    long nspawned;                  /* slots used so far (started at least once) */
} lg_eclass;

struct lg_engine {
    int index;
    const lg_run *run;
    lg_shared *shared;
    pthread_t thread;
    bool thread_started;
    struct ev_loop *loop;
    lg_curlev cev;                  /* the curl multi handle on this loop */
    ev_timer spawn_timer;
    ev_timer lag_timer;             /* 100 ms: lag probe, then merge delta into shared */
    ev_timer kill_timer;            /* --stop-timeout expiry */
    ev_async wake;                  /* main → engine: stop */
    atomic_int stop_requested;
    atomic_int retarget;            /* main → engine: shared->target changed */
    bool stopping;
    stats_set *set;                 /* this engine's delta since the last merge */
    int seen_epoch;
    lg_rng rng;
    lg_user *users;                 /* every class's slots (cls[k]) */
    lg_eclass cls[LG_MAX_CLASSES];  /* per user class (plan_class) */
    size_t ncls;
    long nalive;
    lg_req_slot *slots;             /* per request id (plan->nrequests) */
    double lag_expected;            /* monotonic s the lag probe should fire */
    double max_lag;
    char url[LG_MAX_URL];                 /* scratch for dynamic URLs */
    char name[LG_MAX_NAME];                /* scratch for dynamic names */
    char body[LG_MAX_BODY];               /* scratch for dynamic bodies */
    char err[2048];                 /* scratch for failure texts */
};

/* Record one finished request on the engine's stats (entry e). Inline: it
 * runs once per request, on the engine's own thread. */
static inline void engine_record(lg_engine *eng, stats_entry *e, uint64_t end_ns, double rt_ms,
                                 uint64_t bytes, bool failed, const char *error)
{
    double now = eng->run->wall_minus_mono + (double)end_ns / 1e9;
    stats_set_record(eng->set, e, now, rt_ms, bytes, failed, failed ? error : NULL);
}

/* engine_slots.c: fill e->slots (one per plan request) before the run, and
 * free them. 0, or -1 with err. */
int engine_prepare_requests(lg_engine *e, lb_err *err);
void engine_free_requests(lg_engine *e);

#endif
