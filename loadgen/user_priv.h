/* user_priv.h — what user.c and user_steps.c share (as engine_priv.h is
 * for the engine): the state machine's helpers and the step runners. */
#ifndef LG_USER_PRIV_H
#define LG_USER_PRIV_H
#include <stdbool.h>
#include <stdint.h>
#include "engine_priv.h"   /* lg_user, lg_request (no user.h: user.c includes us) */

/* user.c */
const char *const *user_vals(const lg_user *u);   /* own variables, else the run's */
void user_vars_changed(lg_user *u);               /* a save: header lists are stale */
void user_die(lg_user *u);                        /* -> DEAD, uncounted */
void user_arm(lg_user *u, double seconds);        /* wake in WAIT after seconds */
/* Start request r (capture: keep the body); t0_ns: the timed interval's
 * start, 0 = now. False when it could not be sent (recorded as a failure). */
bool user_send(lg_user *u, const lg_request *r, bool capture, uint64_t t0_ns);
void user_schedule(lg_user *u);                   /* wait, then the next task */
void user_begin_tasks(lg_user *u);                /* on_start is done */

/* user_steps.c */
void user_run_steps(lg_user *u);                  /* on_start from u->step */
void user_step_done(lg_user *u, bool ok, long status);
void user_seq_step(lg_user *u, uint64_t t0_ns);   /* a task's next step, or the wait */
void user_seq_done(lg_user *u, bool ok);
void user_begin_stop(lg_user *u);                 /* on_stop, then DEAD */
void user_stop_step_done(lg_user *u, bool ok);

#endif
