/* engine.h — one engine = one thread running one libev loop and one curl
 * multi handle driven by curl_multi_socket_action (the evhiperfifo pattern),
 * owning its share of the users, its own stats_set and its own RNG.
 *
 * The engine itself is opaque here: its insides are shared only by engine.c
 * and user.c (engine_priv.h). The main thread talks to an engine only
 * through engine_stop() and engine_notify_reset() (an ev_async); what they
 * share otherwise is lg_shared (run.h). */
#ifndef LG_ENGINE_H
#define LG_ENGINE_H
#include "lberr.h"
#include "run.h"

typedef struct lg_engine lg_engine;

/* Create engine `index` (of run->threads) and start its thread. Users are
 * spawned by the engine itself on the shared schedule (run->start_mono).
 * NULL with err filled on failure. */
lg_engine *engine_start(const lg_run *run, lg_shared *shared, int index, lb_err *err);

/* Ask the engine to stop its users (thread-safe, returns at once). Users in a
 * wait stop now; in-flight requests get run->stop_timeout seconds. */
void engine_stop(lg_engine *e);

/* Tell the engine that shared->reset_epoch changed (thread-safe): it drops
 * the delta it holds at once, so it loses only what it recorded before the
 * reset, not up to a second after it. */
void engine_notify_reset(lg_engine *e);

/* run->dynamic: bring the engine's users to its share of
 * each class's shared->target now (thread-safe, returns at once). New users start
 * at once (reusing the slots of users that stopped); surplus ones stop, the
 * newest first, each after its request in flight. */
void engine_retarget(lg_engine *e);

/* Wait for the engine's thread (it merges its last delta before exiting)
 * and free everything it owns. */
void engine_join(lg_engine *e);

/* How many users engine `index` of `threads` runs when `total` are wanted. */
long engine_share(long total, int threads, int index);

/* Users the spawn schedule wants at `elapsed` seconds after the start:
 * Locust steps of max(1, floor(rate)) users every step/rate seconds, the
 * first step at 0, capped at `users`. */
long engine_spawn_target(long users, double rate, double elapsed);

/* Seconds after the start at which the spawn schedule's last step happens
 * (0 for a single step). */
double engine_spawn_duration(long users, double rate);

#endif
