/* adjust.h — the options' effect on a loaded plan and on the run's
 * settings: --url-names drops the scenario's names, a load shape (stages)
 * sets the users and run time, URL mode and --rate start every user at once
 * unless -r was given; -L DEBUG logs the plan. */
#ifndef LG_ADJUST_H
#define LG_ADJUST_H
#include "lberr.h"
#include "options.h"
#include "plan.h"

/* Apply them; -1 with err for settings that cannot go together (--rate with
 * stages). */
int adjust_run(lg_options *o, lg_plan *plan, lb_err *err);

#endif
