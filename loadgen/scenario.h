/* scenario.h — load a scenario file (YAML, docs/scenarios.md) into a plan.
 *
 * Parsed with libyaml's document API so every node keeps its line; every
 * error reads "FILE:LINE: problem". Unknown keys are errors (a typo must not
 * silently change a benchmark). */
#ifndef LG_SCENARIO_H
#define LG_SCENARIO_H
#include "lberr.h"
#include "plan.h"

/* Parse the scenario file at path into *plan (zeroed first). Returns 0, or
 * -1 with err = "path:line: problem" (plan left empty). */
int scenario_load(const char *path, lg_plan *plan, lb_err *err);

/* Same, from a string in memory; `path` is only used in messages. */
int scenario_load_string(const char *path, const char *text, size_t len, lg_plan *plan,
                         lb_err *err);

/* Resolve -f's argument: an existing file is used as is; otherwise a bare
 * scenario name ("decnet") is looked up as NAME.yaml in $LOADGEN_SCENARIO_DIR,
 * then in the source tree's profiles/scenarios. Writes the path into out.
 * Returns 0, or -1 with err listing where it looked. */
int scenario_resolve(const char *arg, char *out, size_t cap, lb_err *err);

#endif
