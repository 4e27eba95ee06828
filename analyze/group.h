/* group.h — --group-names: fold request names that differ only in query values.
 *
 * "/api/v1/logs?limit=100&offset=159" and "...?limit=100&offset=250" share
 * the key "/api/v1/logs?limit=*&offset=*" (same path, same parameter names
 * in the same order) and become one row per (method, key). Counts, failures,
 * min, max, RPS and the average (request-weighted) stay exact. Percentiles
 * cannot be merged exactly from per-row percentiles: a folded row's
 * p50/p95/p99 are the quantiles of a request-weighted mixture of its
 * members, each modelled as a piecewise-linear distribution through its
 * (min, p50, p95, p99, max), and the row is flagged approx_pct. A key with a
 * single member keeps its name and exact values. */
#ifndef AZ_GROUP_H
#define AZ_GROUP_H
#include <stddef.h>
#include "lberr.h"
#include "model.h"

/* The grouping key of a request name, freshly allocated (NULL on OOM):
 * every query value replaced by '*'; a name without '?' is its own key. */
char *group_key(const char *name);

/* Replace p's endpoints by their groups, sorted by (name, method). Returns 0,
 * or -1 with err filled on OOM (p is then unchanged). */
int group_profile(model_profile *p, lb_err *err);

#endif
