/* dataset_priv.h — what dataset.c and dataset_actors.c share while seeding
 * the default dataset (store-internal). */
#ifndef RS_DATASET_PRIV_H
#define RS_DATASET_PRIV_H
#include <stdbool.h>
#include "config.h"
#include "db.h"
#include "event.h"

/* 2026-04-17 22:00:00 UTC: the default dataset's 24 h end there. */
#define T_DEFAULT_END 1776463200L

/* One seeding run of the default dataset: its random stream and what the
 * earlier stages picked. */
typedef struct seed_run {
    rs_db *db;
    const rs_config *cfg;
    unsigned long long *rs;
    bool progress;
    lb_err *err;
    long nd;             /* deckies the logs spread over (at least 1) */
    unsigned *dsvc;      /* per decky: bit k set when it runs all_svcs[k] */
    char (*ips)[48];     /* per attacker: its IP */
} seed_run;
/* A draw in [0, n) from the run's stream (splitmix64). */
long ds_rnd_below(unsigned long long *s, long n);
/* Store one event (logs + attacker row + derived bounties). */
int ds_put_log(rs_db *db, rs_event *e, lb_err *err);
extern const char *const ds_users[6];
extern const char *const ds_pws[6];

/* Stages in dataset_actors.c, run after the logs: a sniffer SYN event per
 * attacker, then the scripted attackers. */
int ds_seed_sniffer(seed_run *s);
int ds_seed_scripted(seed_run *s);

#endif
