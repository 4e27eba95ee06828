/* scenario_yaml.h — internal to the scenario parser: the parse context and
 * the node helpers shared by scenario.c (top level, steps, loading) and
 * scenario_request.c (requests and JSON bodies). Every helper that fails
 * fills the context's lb_err with "FILE:LINE: problem" and returns -1/NULL. */
#ifndef LG_SCENARIO_YAML_H
#define LG_SCENARIO_YAML_H
#include <stdbool.h>
#include <yaml.h>
#include "lberr.h"
#include "plan.h"

typedef struct sy_ctx {
    const char *path;            /* file name for messages */
    yaml_document_t *doc;
    lg_plan *plan;               /* plan being filled */
    lb_err *err;
    lg_plan *cls;                /* where tasks go: plan, or the user class being parsed */
    int cls_index;               /* its index (lg_request.cls), -1 at the top level */
} sy_ctx;

/* Fill c->err with "path:line: " + fmt (fmt takes up to two %s: a, b) for
 * node n (line 0 when n is NULL). Returns -1. */
int sy_fail(sy_ctx *c, const yaml_node_t *n, const char *fmt, const char *a, const char *b);
/* The node with index i of the document. */
yaml_node_t *sy_node(sy_ctx *c, yaml_node_item_t i);
/* n's text when it is a scalar, else NULL. */
const char *sy_scalar(const yaml_node_t *n);
/* Typed values of node n for key `key` (named in the error): a scalar, a
 * number (strtod, whole string), a boolean (true/false/yes/no). 0 or -1. */
int sy_want_scalar(sy_ctx *c, const yaml_node_t *n, const char *key, const char **out);
int sy_want_number(sy_ctx *c, const yaml_node_t *n, const char *key, double *out);
int sy_want_bool(sy_ctx *c, const yaml_node_t *n, const char *key, bool *out);
/* 0 when n is a mapping, else an error naming `what`. */
int sy_want_mapping(sy_ctx *c, const yaml_node_t *n, const char *what);
/* Compile text as a template (variables register in the plan); NULL with
 * the template error at n's line. */
lg_tmpl *sy_compile(sy_ctx *c, const yaml_node_t *n, const char *text);

/* Any mapping in the document with the same key twice is an error (YAML
 * says keys are unique; libyaml keeps both, and the parser would take the
 * last): "FILE:LINE: duplicate key". 0 or -1. */
int sy_check_duplicate_keys(sy_ctx *c);

/* Steps (setup, on_start, on_stop, a task's steps) into a new array. 0/-1. */
int sy_parse_steps(sy_ctx *c, const yaml_node_t *n, const char *what, lg_step **out, size_t *nout);
/* -1 (with `why`) when a step of the list has `retry:` (never-retried steps). */
int sy_reject_retry(sy_ctx *c, const yaml_node_t *stepsn, const char *why);
/* tasks:, stages:, feeder: into c->plan (scenario_tasks.c). 0 or -1. */
int sy_parse_tasks(sy_ctx *c, const yaml_node_t *n);
int sy_parse_stages(sy_ctx *c, const yaml_node_t *n);
int sy_parse_feeder(sy_ctx *c, const yaml_node_t *v);

/* A key the top level and a user class share (wait, headers, on_start,
 * on_stop, tasks) into pl (tasks go to c->cls): 1 when key is one of them,
 * 0 when not, -1 on error. */
int sy_parse_user_key(sy_ctx *c, const char *key, const yaml_node_t *v, lg_plan *pl);
/* users: [{name, weight | fixed_count, wait, headers, on_start, on_stop,
 * tasks}, ...] into c->plan->classes (scenario_users.c). A class without
 * wait or headers takes the top level's (topwait, topheaders: may be NULL).
 * 0 or -1. */
int sy_parse_users(sy_ctx *c, const yaml_node_t *n, const lg_wait *topwait,
                   const yaml_node_t *topheaders);

/* A `headers:` mapping into a new array (*out, *nout). 0 or -1. */
int sy_parse_headers(sy_ctx *c, const yaml_node_t *n, lg_header **out, size_t *nout);
/* A request mapping into a new request owned by the plan (*out). `extra`
 * lists further keys the caller handles itself (e.g. "weight"), NULL-ended.
 * 0 or -1. */
int sy_parse_request(sy_ctx *c, const yaml_node_t *n, lg_request **out, const char *const *extra);

#endif
