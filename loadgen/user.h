/* user.h — a virtual user: a small state machine on one engine.
 *
 *   spawn → on_start steps (with retries) → [task → record → wait]* → dead
 *
 * The wait is the user's own ev_timer; an idle user costs nothing but it.
 * Each user owns one reused easy handle and its own connection cache (a
 * CURLSH sharing connections), so it keeps its own keep-alive connection
 * like a Locust HttpUser session. */
#ifndef LG_USER_H
#define LG_USER_H
#include <curl/curl.h>
#include <ev.h>
#include <stdbool.h>
#include <stdint.h>
#include "request.h"
#include "stats.h"
#include "wait.h"

/* The engine a user runs on (engine_priv.h). Only declared here: user.h is
 * included by engine.c, so it must not include the engine's headers back. */
typedef struct lg_engine lg_engine;
typedef struct lg_user lg_user;

/* Only user_set_state() in user.c changes a user's state; it asserts each
 * change against the table of legal transitions there. */
typedef enum {
    US_FREE = 0,   /* not started (a zeroed slot), or its start failed */
    US_WAIT,       /* alive, no request in flight: waiting, or about to send */
    US_BUSY,       /* alive, its easy handle is in the engine's multi handle */
    US_DEAD,       /* stopped for good: on_start gave up, or the engine stops */
    US_NSTATES
} lg_user_state;

struct lg_user {
    lg_engine *eng;
    const lg_plan *cls;            /* its user class (plan_class): tasks, wait, on_start... */
    size_t cls_index;
    CURL *easy;
    CURLSH *share;                 /* this user's connection cache */
    ev_timer timer;                /* wait / back-off */
    lg_user_state state;
    bool starting;                 /* still in on_start */
    bool stop_after;               /* engine stopping: die (or on_stop) when the request ends */
    bool stopping;                 /* running on_stop; then it dies */
    size_t step;                   /* on_start step index */
    const lg_task_seq *seq;        /* the multi-request task under way, or NULL */
    size_t seq_step;               /* its step index */
    int attempt;                   /* retry attempt of that step */
    const lg_request *req;         /* request in flight */
    const lg_request *applied;     /* request the handle is set up for (static ones) */
    stats_entry *entry;            /* entry the request in flight records to */
    uint64_t t0_ns;                /* start of the timed interval */
    double next_intended;          /* --rate: monotonic s of the next intended start */
    double period;                 /* --rate: seconds between this user's requests */
    lg_wait_state wst;
    lg_xfer x;
    char **vals;                   /* own variables (on_start or task saves), else NULL */
    struct curl_slist **hdrs;      /* per request id: lists using variables */
    lg_traceparent tp;             /* --trace: this user's traceparent line */
};

/* Set up user u of user class `cls` (plan_class) on engine eng (handle,
 * share, timer) and start it: run on_start steps, then tasks. 0, or -1 on
 * allocation failure (u unusable). */
int user_start(lg_user *u, lg_engine *eng, size_t cls);

/* A transfer of u finished with rc (called from the multi's info loop after
 * the handle was removed). Records it and moves the state machine on. */
void user_done(lg_user *u, CURLcode rc);

/* Stop u because the engine stops: waiting users die now; a user with a
 * request in flight dies now when abort (the request is not recorded),
 * else when it completes. */
void user_stop(lg_user *u, bool abort);

/* Stop u now, on_stop or not (the --stop-timeout or on_stop grace ran out). */
void user_kill(lg_user *u);

/* Free what user_start allocated (the handle must not be in the multi). */
void user_free(lg_user *u);

#endif
