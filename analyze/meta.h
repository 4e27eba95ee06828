/* meta.h — loadgen's PREFIX_meta.json: is a pair of runs comparable at all?
 *
 * loadgen writes the run's configuration beside its CSVs (keys such as
 * loadgen_version, users, spawn_rate, rate, run_time_s, threads,
 * scenario_hash, host, tag, saturated). The gate refuses to compare runs
 * whose scenario, user count, request rate or run time differ, and flags
 * runs in which the load generator itself was the bottleneck. Read with
 * jansson. */
#ifndef AZ_META_H
#define AZ_META_H
#include <stdbool.h>
#include "lberr.h"

typedef struct run_meta {
    bool present;            /* false: no _meta.json beside the run */
    char *scenario_hash;     /* NULL when absent */
    double users, rate, run_time_s;
    bool has_users, has_rate, has_run_time;  /* rate null/absent: unthrottled */
    bool saturated;
    char *tag, *version;     /* NULL when absent */
} run_meta;

/* Read path into *m. A missing file is not an error (m->present = false);
 * unreadable JSON, a non-object, or keys of the wrong type are, with err
 * naming the file (and line for syntax errors). */
int meta_read(const char *path, run_meta *m, lb_err *err);

/* 0 when a and b may be compared (keys absent on either side are not
 * checked), else -1 with err saying which key differs and both values. */
int meta_comparable(const run_meta *a, const run_meta *b, lb_err *err);

void meta_free(run_meta *m);

#endif
