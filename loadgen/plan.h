/* plan.h — what a run does: the requests, tasks, wait time and start-up steps,
 * built from a scenario file (scenario.h) or from URLs given on the command line.
 *
 * The plan is immutable once built and shared read-only by every engine
 * thread; per-user state (variables, header lists) lives in user.c. */
#ifndef LG_PLAN_H
#define LG_PLAN_H
#include <stdbool.h>
#include <stddef.h>
#include "feeder.h"
#include "lberr.h"
#include "template.h"
#include "wait.h"

#define LG_MAX_EXPECT 8
/* Buffers a request expands into (engine and setup scratch): a scenario
 * whose text cannot fit is rejected when it is loaded, naming file:line. */
#define LG_MAX_URL 8192          /* host + path + query */
#define LG_MAX_TARGET 7680       /* path + query: LG_MAX_URL less room for the host */
#define LG_MAX_NAME 2048
#define LG_MAX_BODY 16384
#define LG_MAX_CLASSES 32        /* user classes in one scenario (`users:`) */
#define LG_STR_(x) #x
#define LG_STR(x) LG_STR_(x)     /* a limit as text, for messages */

typedef struct lg_header {
    char *name;
    lg_tmpl *value;      /* a header whose value uses an unset variable is left out */
} lg_header;

/* expect_json: the value at a dotted path ("data.0.id") of the JSON body. */
typedef struct lg_json_check {
    char *path;
    char *want;                  /* the YAML scalar; compared by the JSON value's type */
} lg_json_check;

typedef struct lg_request {
    int id;                      /* index in plan->requests */
    char method[12];             /* "GET", "POST", ... */
    lg_tmpl *target;             /* path+query ("/x?a=1") or absolute URL */
    bool absolute;               /* target starts with http:// or https:// */
    lg_tmpl *name;               /* NULL: the expanded path+query (Locust's path_url) */
    lg_tmpl *body;               /* NULL: no body */
    const char *content_type;    /* "application/json" for json bodies, else NULL */
    lg_header *headers;          /* the request's own headers, after the plan's */
    size_t nheaders;
    int expect[LG_MAX_EXPECT];   /* accepted statuses; none: any status < 400 */
    size_t nexpect;
    bool stream;                 /* read the first chunk, then close (SSE) */
    char *expect_body;           /* expect_body: a substring the body must hold, or NULL */
    lg_json_check *checks;       /* expect_json: {path: value}, all must hold */
    size_t nchecks;
    char **tags;                 /* a task's tags (--tags / --exclude-tags), owned */
    size_t ntags;
    int line;                    /* scenario line, for messages */
    int cls;                     /* its user class (index), -1: the top level (setup) */
} lg_request;

/* Retry conditions of a step (bit set). */
enum { LG_RETRY_CONN = 1, LG_RETRY_5XX = 2, LG_RETRY_429 = 4 };

typedef struct lg_save {
    int slot;                    /* variable slot to fill */
    char *field;                 /* top-level JSON field of the response */
} lg_save;

/* One start-up step (setup: once per run; on_start, on_stop: once per user). */
typedef struct lg_step {
    lg_request *req;
    int when_slot;               /* run only if this variable is truthy; -1 = always */
    int unless_slot;             /* skip if this variable is truthy; -1 = never */
    int attempts;                /* >= 1 */
    double backoff;              /* seconds; retry k (0-based) waits backoff * 2^k */
    unsigned retry_on;           /* LG_RETRY_* */
    lg_save *saves;
    size_t nsaves;
} lg_step;

/* A task of several requests in sequence (`steps:`), as a Locust task
 * function that makes more than one call, with saves between them. */
typedef struct lg_task_seq {
    lg_step *steps;              /* NULL for a one-request task */
    size_t nsteps;
} lg_task_seq;

/* One stage of a load shape (Locust's LoadTestShape, k6's stages): for
 * `duration` seconds move toward `users` at `spawn_rate` users/s (up or down;
 * 0 = at once). */
typedef struct lg_stage {
    double duration;
    long users;
    double spawn_rate;
} lg_stage;

typedef struct lg_plan {
    char *name;                  /* scenario name, or "urls" */
    char *path;                  /* scenario file, NULL in URL mode */
    char hash[65];               /* SHA-256 hex of the scenario bytes (or of the URLs) */
    char *host;                  /* the scenario's default host, may be NULL */
    lg_wait wait;
    lg_vars vars;                /* variable slots */
    char **var_init;             /* initial values per slot (NULL = unset) */
    size_t nvar_init;            /* slots var_init covers (vars.n after plan_finish_vars) */
    lg_header *headers;          /* session headers sent with every request */
    size_t nheaders;
    lg_step *setup;
    size_t nsetup;
    lg_step *on_start;
    size_t non_start;
    lg_step *on_stop;            /* once per user when it stops (end of run, shape shrinks) */
    size_t non_stop;
    lg_request **tasks;          /* weighted tasks (a sequence's first request) */
    lg_task_seq *seqs;           /* per task: its steps, when it has several */
    size_t nseqs_owned;          /* seqs entries to free (ntasks before --tags) */
    double *cum;                 /* cumulative weights, ntasks entries */
    size_t ntasks;
    bool task_saves;             /* a task step saves: each user keeps its variables */
    lg_feeder feeder;            /* feeder: a CSV row of variables per user (nrows 0: none) */
    lg_stage *stages;            /* stages: the load shape, replaces -u/-r (nstages 0: none) */
    size_t nstages;
    lg_request **requests;       /* every request (owned) */
    size_t nrequests;
    /* `users:`, Locust's User classes. nclasses 0: the plan is its one class.
     * A class is an lg_plan holding only its own name, tasks, wait, headers,
     * on_start and on_stop; variables, requests, feeder, stages, setup and
     * host stay in the top-level plan (plan_class). */
    struct lg_plan *classes;
    size_t nclasses;
    double weight;               /* as a class: Locust's weight (default 1) */
    long fixed_count;            /* as a class: Locust's fixed_count (0: by weight) */
    int line;                    /* as a class: its line in the file */
} lg_plan;

/* Allocate a new request owned by plan (zeroed, method GET, id set). NULL on OOM. */
lg_request *plan_new_request(lg_plan *plan);
/* Append a task with the given weight (> 0). 0, or -1 on OOM. */
int plan_add_task(lg_plan *plan, lg_request *req, double weight);
/* Append a task of nsteps (>= 1) steps run in order (the plan takes steps). */
int plan_add_task_seq(lg_plan *plan, lg_step *steps, size_t nsteps, double weight);
/* Size var_init to vars.n (new slots unset). 0 or -1 on OOM. */
int plan_finish_vars(lg_plan *plan);

/* --tags / --exclude-tags, as Locust: keep the tasks that have one of
 * `tags` (all tasks when ntags is 0) and none of `exclude`; the weights of
 * the kept tasks are unchanged. -1 with err when no task is left. */
int plan_filter_tags(lg_plan *plan, const char *const *tags, size_t ntags,
                     const char *const *exclude, size_t nexclude, lb_err *err);

/* Fill plan->hash with the SHA-256 hex digest of data. */
void plan_hash(lg_plan *plan, const void *data, size_t len);

/* Build a plan that hits each URL (absolute http:// or https://) with weight
 * 1 and no wait time, as wrk and hey do. Stats names are the URLs' path and
 * query. Returns 0, or -1 with err naming the bad URL. */
int plan_from_urls(lg_plan *plan, char *const *urls, size_t n, lb_err *err);

/* URL mode's request options (wrk/curl habits): -X METHOD for every URL,
 * --header "Name: value" lines sent with every request, --body (bodylen
 * bytes, sent as is). NULL / 0 leave a part alone. Text is literal (no
 * placeholders). -1 with err naming the option. */
int plan_url_options(lg_plan *plan, const char *method, const char *const *headers,
                     size_t nheaders, const char *body, size_t bodylen, lb_err *err);

/* Load shape: the users wanted at `elapsed` seconds (the ramp of each stage
 * starts from where the previous one ended), or -1 past the last stage.
 * *stage (may be NULL) receives the stage index. */
long plan_stage_users(const lg_plan *plan, double elapsed, size_t *stage);
/* The largest user count of the shape, and its total duration. */
long plan_stage_max(const lg_plan *plan);
double plan_stage_total(const lg_plan *plan);

/* True when status is a success for req (its expect list, else < 400 and not 0). */
bool plan_status_ok(const lg_request *req, long status);

/* Variable truthiness for `when:`: set, non-empty, not "false"/"0"/"null". */
bool plan_truthy(const char *v);

/* Whether step s runs given the variable values (its when/unless). */
bool plan_step_applies(const lg_step *s, const char *const *vals);

/* The user classes: plan_nclasses() is 1 for a plan without `users:`, and
 * plan_class(p, 0) is then p itself (plan_classes.c). */
size_t plan_nclasses(const lg_plan *plan);
const lg_plan *plan_class(const lg_plan *plan, size_t i);
/* Users per class when `total` run, as Locust 2.12.1's dispatcher gives
 * them (dispatch.py _user_gen: fixed_count classes first, by a smooth
 * weighted round robin of their counts, until each has its count; then the
 * weighted classes by a smooth weighted round robin of weights normalised
 * to round(2 * w / min w)). counts gets plan_nclasses() entries. Returns the
 * users placed: less than total only when every class has a fixed_count. */
long plan_distribute(const lg_plan *plan, long total, long *counts);
/* Locust's --show-task-ratio shares (inspectuser.py _calc_distribution):
 * fixed_count, or round(weight / total weight * (users - fixed)). */
void plan_ratio_counts(const lg_plan *plan, long users, long *counts);
/* The class indexes in the order of their names (as Locust sorts them);
 * order gets plan_nclasses() entries, returned. */
size_t plan_class_order(const lg_plan *plan, size_t *order);
/* The class named `name`, or -1. */
int plan_class_index(const lg_plan *plan, const char *name);

/* Free everything the plan owns and zero it (safe on a zeroed or partly
 * built plan, and on NULL). */
void plan_free(lg_plan *plan);

#endif
