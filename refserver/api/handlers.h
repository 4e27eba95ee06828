/* handlers.h — one function per route (router.c's table), grouped by file:
 * handlers_auth.c (login, change-password), handlers_logs.c (logs,
 * histogram), handlers_lists.c (attackers, bounty, deckies),
 * handlers_misc.c (healthz, stats, health, config), handlers_ingest.c
 * (POST /logs), handlers_stream.c (SSE), handlers_users.c (/config/users),
 * handlers_config.c (the other /config writes), handlers_fleet.c (deploy,
 * mutate, mutate-interval). Each returns RS_DONE, RS_ASYNC or
 * RS_STREAM (worker.h) and fills ctx->rep. */
#ifndef RS_HANDLERS_H
#define RS_HANDLERS_H

struct rs_ctx;
int handle_healthz(struct rs_ctx *ctx);
int handle_login(struct rs_ctx *ctx);
int handle_change_password(struct rs_ctx *ctx);
int handle_stats(struct rs_ctx *ctx);
int handle_logs(struct rs_ctx *ctx);
int handle_ingest(struct rs_ctx *ctx);
int handle_histogram(struct rs_ctx *ctx);
int handle_attackers(struct rs_ctx *ctx);
int handle_attacker_detail(struct rs_ctx *ctx);
int handle_attacker_commands(struct rs_ctx *ctx);
int handle_deckies(struct rs_ctx *ctx);
int handle_bounty(struct rs_ctx *ctx);
int handle_health(struct rs_ctx *ctx);
int handle_config(struct rs_ctx *ctx);
int handle_stream(struct rs_ctx *ctx);
int handle_user_create(struct rs_ctx *ctx);
int handle_user_delete(struct rs_ctx *ctx);
int handle_user_role(struct rs_ctx *ctx);
int handle_user_reset_password(struct rs_ctx *ctx);
int handle_deployment_limit(struct rs_ctx *ctx);
int handle_global_mutation_interval(struct rs_ctx *ctx);
int handle_reinit(struct rs_ctx *ctx);
int handle_deploy(struct rs_ctx *ctx);
int handle_mutate(struct rs_ctx *ctx);
int handle_mutate_interval(struct rs_ctx *ctx);

#endif
