/* setup.h — the scenario's `setup:` steps, run once before any user starts
 * (e.g. one login whose token every user shares, like the seed's
 * DECNET_STRESS_TOKEN fixture). Blocking; not recorded in the statistics. */
#ifndef LG_SETUP_H
#define LG_SETUP_H
#include "lberr.h"
#include "plan.h"
#include "request.h"

/* Run plan->setup against host with the steps' retry rules, storing saves
 * in vals (plan->nvar_init slots, caller-owned strings). Returns 0, or -1
 * with err naming the step (its line) and the last failure text. */
int setup_run(const lg_plan *plan, const char *host, const lg_net *net, char **vals,
              lb_err *err);

#endif
