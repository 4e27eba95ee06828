/* gate_rules.h — per-endpoint limits for the gate: `--endpoint RULE` and
 * `--thresholds FILE`.
 *
 * A rule is  NAME:KEY=VALUE[,KEY=VALUE...]  where NAME is an endpoint's
 * name as in _stats.csv, optionally preceded by its method and a space
 * ("GET /api/v1/logs"), and KEY is max-rps-drop, max-p95-rise or
 * max-p99-rise (percent). NAME "Aggregated" sets the headline limits
 * instead, and also takes max-fail-ratio (a fraction). The text after the
 * last ':' holds the keys, so names may contain ':'.
 *
 * A thresholds file holds one rule per line; blank lines and lines starting
 * with '#' are skipped. Errors name the option or file:line. */
#ifndef AZ_GATE_RULES_H
#define AZ_GATE_RULES_H
#include <stddef.h>
#include "gate.h"
#include "lberr.h"

typedef struct gate_rules {
    gate_rule *v;
    size_t n, cap;
} gate_rules;

/* Parse one rule and add it to rs, or (for Aggregated) apply it to l.
 * Returns 0, or -1 with err saying what is wrong (without a location). */
int gate_rules_add(gate_rules *rs, gate_limits *l, const char *text, lb_err *err);

/* Every rule of a thresholds file. Returns 0, or -1 with err naming
 * path:line. */
int gate_rules_read(gate_rules *rs, gate_limits *l, const char *path, lb_err *err);

void gate_rules_free(gate_rules *rs);

#endif
