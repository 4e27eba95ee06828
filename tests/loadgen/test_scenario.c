/* test_scenario.c — the YAML scenario format: the two shipped scenarios
 * (weights, names, steps as in the seed's locustfiles) and malformed input
 * reported as file:line: problem. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bodycheck.h"
#include "buf.h"
#include "scenario.h"

static void shipped_path(const char *name, char *out, size_t cap)
{
    const char *src = getenv("LB_SOURCE_DIR");
    snprintf(out, cap, "%s/profiles/scenarios/%s.yaml", src ? src : ".", name);
}

static const lg_request *task(const lg_plan *p, const char *target, double *weight)
{
    char buf[256];
    for (size_t i = 0; i < p->ntasks; i++) {
        tmpl_expand(p->tasks[i]->target, buf, sizeof buf, NULL, NULL, NULL);
        if (!strcmp(buf, target)) {
            *weight = p->cum[i] - (i ? p->cum[i - 1] : 0);
            return p->tasks[i];
        }
    }
    return NULL;
}

static void test_decnet_2026_04(void **state)
{
    (void)state;
    char path[1024];
    shipped_path("decnet-2026-04", path, sizeof path);
    lg_plan p;
    lb_err err;
    unsetenv("LOADGEN_USER");
    unsetenv("LOADGEN_PASSWORD");
    assert_int_equal(scenario_load(path, &p, &err), 0);
    assert_string_equal(p.name, "decnet-2026-04");
    assert_int_equal(p.wait.kind, LG_WAIT_BETWEEN);
    assert_true(p.wait.a == 0.01 && p.wait.b == 0.05);
    assert_int_equal(p.ntasks, 13);
    assert_true(p.cum[p.ntasks - 1] == 66);
    double w;
    const lg_request *r = task(&p, "/api/v1/stats", &w);
    assert_non_null(r);
    assert_true(w == 10);
    assert_non_null(task(&p, "/api/v1/logs?limit=50", &w));
    assert_true(w == 8);
    assert_non_null(task(&p, "/api/v1/attackers?search=brute&sort_by=recent", &w));
    assert_true(w == 4);
    r = task(&p, "/api/v1/auth/login", &w);
    assert_non_null(r);
    assert_true(w == 2);
    assert_string_equal(r->method, "POST");
    assert_string_equal(r->content_type, "application/json");
    r = task(&p, "/api/v1/stream?maxOutput=3", &w);
    assert_non_null(r);
    assert_true(r->stream && w == 1);
    char name[64];
    tmpl_expand(r->name, name, sizeof name, NULL, NULL, NULL);
    assert_string_equal(name, "/api/v1/stream");
    /* the /logs offset task: a dynamic target under one grouped name (the
     * seed's per-offset names gave ~880 console rows; --url-names splits them) */
    int dyn = 0;
    for (size_t i = 0; i < p.ntasks; i++)
        if (!tmpl_is_static(p.tasks[i]->target)) {
            dyn++;
            assert_non_null(p.tasks[i]->name);
            assert_true(tmpl_is_static(p.tasks[i]->name));
            tmpl_expand(p.tasks[i]->name, name, sizeof name, NULL, NULL, NULL);
            assert_string_equal(name, "/api/v1/logs?limit=100&offset=*");
        }
    assert_int_equal(dyn, 1); /* only the /logs offset task */
    /* on_start: login (retry 5 x 0.5 s on conn/5xx), change-password, login again */
    assert_int_equal(p.non_start, 3);
    const lg_step *s = &p.on_start[0];
    assert_int_equal(s->attempts, 5);
    assert_true(s->backoff == 0.5);
    assert_int_equal(s->retry_on, LG_RETRY_CONN | LG_RETRY_5XX);
    assert_int_equal(s->when_slot, -1);
    assert_int_equal(s->nsaves, 2);
    tmpl_expand(s->req->name, name, sizeof name, NULL, NULL, NULL);
    assert_string_equal(name, "/api/v1/auth/login [on_start]");
    int must = vars_find(&p.vars, "must_change");
    assert_true(must >= 0);
    assert_int_equal(p.on_start[1].when_slot, must);
    assert_int_equal(p.on_start[2].when_slot, must);
    /* credentials default to admin/admin and go into the json body */
    char body[256];
    const char *vals[16] = {0};
    for (size_t i = 0; i < p.nvar_init && i < 16; i++)
        vals[i] = p.var_init[i];
    tmpl_expand(s->req->body, body, sizeof body, NULL, vals, NULL);
    assert_string_equal(body, "{\"username\": \"admin\", \"password\": \"admin\"}");
    assert_int_equal(strlen(p.hash), 64);
    plan_free(&p);
}

static void test_decnet_current(void **state)
{
    (void)state;
    char path[1024];
    shipped_path("decnet", path, sizeof path);
    lg_plan p;
    lb_err err;
    setenv("LOADGEN_PASSWORD", "s3cret", 1);
    assert_int_equal(scenario_load(path, &p, &err), 0);
    unsetenv("LOADGEN_PASSWORD");
    assert_int_equal(p.ntasks, 12);
    assert_true(p.cum[p.ntasks - 1] == 64);
    double w;
    assert_null(task(&p, "/api/v1/auth/login", &w)); /* no login task */
    assert_int_equal(p.non_start, 0);
    assert_int_equal(p.nsetup, 3);
    assert_int_equal(p.setup[0].retry_on, LG_RETRY_CONN | LG_RETRY_5XX | LG_RETRY_429);
    assert_int_equal(p.setup[0].unless_slot, vars_find(&p.vars, "token"));
    int pw = vars_find(&p.vars, "password");
    assert_true(pw >= 0);
    assert_string_equal(p.var_init[pw], "s3cret");
    plan_free(&p);
}

static void test_resolve(void **state)
{
    (void)state;
    char out[1024];
    lb_err err;
    unsetenv("LOADGEN_SCENARIO_DIR");
    assert_int_equal(scenario_resolve("decnet", out, sizeof out, &err), 0);
    assert_non_null(strstr(out, "profiles/scenarios/decnet.yaml"));
    assert_int_equal(scenario_resolve("no-such-scenario", out, sizeof out, &err), -1);
    assert_non_null(strstr(err.msg, "no-such-scenario"));
    assert_int_equal(scenario_resolve("/nonexistent/x.yaml", out, sizeof out, &err), -1);
}

/* Each bad scenario with the line and a fragment of the message we expect. */
static void test_errors(void **state)
{
    (void)state;
    static const struct { const char *text; const char *where; const char *what; } bad[] = {
        {"tasks:\n  - {path: /a}\n  - {path: /b, wieght: 2}\n", "t.yaml:3:", "unknown request key 'wieght'"},
        {"name: x\n", "t.yaml:1:", "no 'tasks'"},
        {"tasks: []\n", "t.yaml:1:", "'tasks' is empty"},
        {"tasks:\n  - {path: api}\n", "t.yaml:2:", "must start with '/'"},
        {"tasks:\n  - {path: /a, weight: 0}\n", "t.yaml:2:", "'weight' must be > 0"},
        {"tasks:\n  - {path: /a, weight: lots}\n", "t.yaml:2:", "must be a number"},
        {"wait: sometimes\ntasks:\n  - {path: /a}\n", "t.yaml:1:", "unknown function"},
        {"tasks:\n  - {path: \"/a?x={rand:9:1}\"}\n", "t.yaml:2:", "A > B"},
        {"tasks:\n  - {path: /a, expect: [200, 99]}\n", "t.yaml:2:", "HTTP statuses"},
        {"tasks:\n  - {path: /a}\nbogus: 1\n", "t.yaml:3:", "unknown key 'bogus'"},
        {"tasks:\n  - path: /a\n    json: {a: 1}\n    body: x\n", "t.yaml:3:", "not both"},
        {"on_start:\n  - {when: x}\ntasks:\n  - {path: /a}\n", "t.yaml:2:", "has no 'request'"},
        {"on_start:\n  - request: {path: /l}\n    retry: {attempts: 0}\ntasks:\n  - {path: /a}\n",
         "t.yaml:3:", "'attempts'"},
        {"tasks:\n  - {path: /a\n", "t.yaml:", "flow"},
        {"tasks: [\n", "t.yaml:", ""},
        {"- a\n- b\n", "t.yaml:1:", "must be a mapping"},
        {"", "t.yaml:1:", "empty scenario"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lg_plan p;
        lb_err err;
        err.msg[0] = '\0';
        int rc = scenario_load_string("t.yaml", bad[i].text, strlen(bad[i].text), &p, &err);
        if (rc != -1 || strncmp(err.msg, bad[i].where, strlen(bad[i].where)) != 0 ||
            !strstr(err.msg, bad[i].what))
            fail_msg("case %zu: rc=%d msg='%s' (want '%s...%s')", i, rc, err.msg, bad[i].where,
                     bad[i].what);
    }
}

/* Issue 13: what an attacker (or a typo) puts in a scenario is refused when
 * it is loaded, with file:line, not at run start or silently. */
static void expect_error(const char *text, size_t len, const char *where, const char *what)
{
    lg_plan p;
    lb_err err;
    err.msg[0] = '\0';
    int rc = scenario_load_string("t.yaml", text, len, &p, &err);
    if (rc != -1 || strncmp(err.msg, where, strlen(where)) != 0 || !strstr(err.msg, what))
        fail_msg("rc=%d msg='%s' (want '%s...%s') for:\n%.200s", rc, err.msg, where, what, text);
}

static void test_load_time_checks(void **state)
{
    (void)state;
    static const struct { const char *text; const char *where; const char *what; } bad[] = {
        {"wait: constant(nan)\ntasks:\n  - {path: /a}\n", "t.yaml:1:", "not a finite number"},
        {"wait: constant(inf)\ntasks:\n  - {path: /a}\n", "t.yaml:1:", "not a finite number"},
        {"wait: between(0, INF)\ntasks:\n  - {path: /a}\n", "t.yaml:1:", "argument 2 is not a finite"},
        {"name: a\ntasks:\n  - {path: /a}\nname: b\n", "t.yaml:4:", "duplicate key 'name' (first at line 1)"},
        {"tasks:\n  - path: /a\n    weight: 1\n    path: /b\n", "t.yaml:4:", "duplicate key 'path'"},
        {"tasks:\n  - {path: /a, json: {u: 1, u: 2}}\n", "t.yaml:2:", "duplicate key 'u'"},
        {"headers: {X-A: \"v\\r\\nX-Evil: 1\"}\ntasks:\n  - {path: /a}\n", "t.yaml:1:",
         "header 'X-A' value contains CR or LF"},
        {"tasks:\n  - {path: /a, headers: {X-B: \"v\\nw\"}}\n", "t.yaml:2:", "contains CR or LF"},
        {"tasks:\n  - {path: \"/a\\r\\nHost: evil\"}\n", "t.yaml:2:", "contains CR or LF"},
        {"tasks:\n  - path: /a\n    query: {q: \"x\\ny\"}\n", "t.yaml:3:", "contains CR or LF"},
        {"tasks:\n  - {path: \"/a b\"}\n", "t.yaml:2:", "contains a space"},
        {"tasks:\n  - {path: \"/a\\x01\"}\n", "t.yaml:2:", "control character"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_error(bad[i].text, strlen(bad[i].text), bad[i].where, bad[i].what);

    /* a 1 MB path */
    size_t big = 1 << 20;
    char *t = malloc(big + 64);
    assert_non_null(t);
    int n = snprintf(t, 64, "name: x\ntasks:\n  - path: /");
    memset(t + n, 'a', big);
    strcpy(t + n + big, "\n");
    expect_error(t, strlen(t), "t.yaml:3:", "longer than 7680 bytes");
    free(t);

    /* An alias bomb in json: 7 levels of 10 aliases = 10^7 strings when
     * expanded. It must fail at once, not build the body. */
    lb_buf y = {0};
    assert_int_equal(lb_buf_puts(&y, "tasks:\n  - path: /a\n    json:\n      l0: &l0 [lol, lol, lol, "
                                     "lol, lol, lol, lol, lol, lol, lol]\n"), 0);
    for (int l = 1; l < 7; l++) {
        assert_int_equal(lb_buf_printf(&y, "      l%d: &l%d [", l, l), 0);
        for (int k = 0; k < 10; k++)
            assert_int_equal(lb_buf_printf(&y, "%s*l%d", k ? ", " : "", l - 1), 0);
        assert_int_equal(lb_buf_puts(&y, "]\n"), 0);
    }
    expect_error(y.data, y.len, "t.yaml:", "json body longer than 16384 bytes");
    lb_buf_free(&y);

    /* a body that fits is fine */
    const char *okj = "tasks:\n  - path: /a\n    json: {a: &x [1, 2], b: *x}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", okj, strlen(okj), &p, &err), 0);
    plan_free(&p);
}

/* Locust's @tag: tasks carry tags; --tags / --exclude-tags keep a subset
 * with the weights they had. */
static void test_tags(void **state)
{
    (void)state;
    const char *text = "name: tagged\ntasks:\n"
                       "  - {path: /a, weight: 3, tags: [read, fast]}\n"
                       "  - {path: /b, weight: 2, tags: slow}\n"
                       "  - {path: /c, weight: 1}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", text, strlen(text), &p, &err), 0);
    assert_int_equal(p.tasks[0]->ntags, 2);
    assert_string_equal(p.tasks[1]->tags[0], "slow");
    const char *read[] = {"read", "slow"}, *slow[] = {"slow"}, *none[] = {"nope"};
    assert_int_equal(plan_filter_tags(&p, read, 2, NULL, 0, &err), 0);
    assert_int_equal(p.ntasks, 2); /* untagged /c is left out, as in Locust */
    assert_true(p.cum[0] == 3 && p.cum[1] == 5);
    assert_int_equal(plan_filter_tags(&p, NULL, 0, slow, 1, &err), 0);
    assert_int_equal(p.ntasks, 1);
    assert_true(p.cum[0] == 3);
    assert_int_equal(plan_filter_tags(&p, none, 1, NULL, 0, &err), -1);
    assert_non_null(strstr(err.msg, "no task of scenario 'tagged'"));
    plan_free(&p);
    expect_error("tasks:\n  - {path: /a, tags: {x: 1}}\n", 36, "t.yaml:2:", "'tags' must be a list");
    expect_error("tasks:\n  - {path: /a, tags: [\"a b\"]}\n", 37, "t.yaml:2:", "bad tag 'a b'");
    /* -f locustfile.py gets a pointer to the porting guide */
    char out[64];
    assert_int_equal(scenario_resolve("locustfile.py", out, sizeof out, &err), -1);
    assert_non_null(strstr(err.msg, "loadgen reads YAML scenarios; see docs/porting.md"));
}

/* Multi-request tasks (steps with saves between) and body checks. */
static void test_task_steps_and_checks(void **state)
{
    (void)state;
    const char *text =
        "tasks:\n"
        "  - weight: 2\n"
        "    tags: [flow]\n"
        "    steps:\n"
        "      - request: {method: POST, path: /login, json: {u: a}}\n"
        "        save: {token: access_token}\n"
        "      - request: {path: /me, expect_json: {user.name: a, data.0: 3}, expect_body: '\"a\"'}\n"
        "  - {path: /one}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", text, strlen(text), &p, &err), 0);
    assert_int_equal(p.ntasks, 2);
    assert_int_equal(p.seqs[0].nsteps, 2);
    assert_int_equal(p.seqs[1].nsteps, 0);
    assert_true(p.task_saves);
    assert_ptr_equal(p.tasks[0], p.seqs[0].steps[0].req);
    assert_string_equal(p.tasks[0]->tags[0], "flow");
    assert_true(p.cum[0] == 2 && p.cum[1] == 3);
    const lg_request *me = p.seqs[0].steps[1].req;
    assert_int_equal(me->nchecks, 2);
    assert_true(bodycheck_wanted(me) && !bodycheck_wanted(p.tasks[1]));
    char why[200];
    const char *good = "{\"user\": {\"name\": \"a\"}, \"data\": [3]}";
    assert_true(bodycheck_run(me, good, strlen(good), why, sizeof why));
    const char *bad = "{\"user\": {\"name\": \"b\"}, \"data\": [3], \"x\": \"a\"}";
    assert_false(bodycheck_run(me, bad, strlen(bad), why, sizeof why));
    assert_string_equal(why, "JSON user.name is \"b\", expected \"a\"");
    const char *nodata = "{\"user\": {\"name\": \"a\"}}";
    assert_false(bodycheck_run(me, nodata, strlen(nodata), why, sizeof why));
    assert_string_equal(why, "JSON has no data.0, expected \"3\"");
    assert_false(bodycheck_run(me, "\"a\" not json", 12, why, sizeof why));
    assert_string_equal(why, "Response body is not JSON");
    assert_false(bodycheck_run(me, "{}", 2, why, sizeof why));
    assert_string_equal(why, "Response body lacks \"\"a\"\"");
    /* --tags keeps a sequence with its steps */
    const char *flow[] = {"flow"};
    assert_int_equal(plan_filter_tags(&p, flow, 1, NULL, 0, &err), 0);
    assert_int_equal(p.ntasks, 1);
    assert_int_equal(p.seqs[0].nsteps, 2);
    plan_free(&p);

    static const struct { const char *text, *where, *what; } bad_cases[] = {
        {"tasks:\n  - steps: []\n", "t.yaml:2:", "'steps' is empty"},
        {"tasks:\n  - path: /a\n    steps:\n      - request: {path: /b}\n", "t.yaml:2:",
         "takes only weight and tags besides, not 'path'"},
        {"tasks:\n  - steps:\n      - request: {path: /b}\n        retry: {attempts: 2}\n", "t.yaml:4:",
         "'retry' is for setup and on_start steps"},
        {"tasks:\n  - {path: /a, expect_json: [1]}\n", "t.yaml:2:", "'expect_json' must be a mapping"},
        {"tasks:\n  - {path: /a, expect_json: {a..b: 1}}\n", "t.yaml:2:", "use a.b.0.c"},
        {"tasks:\n  - {path: /a, stream: true, expect_body: x}\n", "t.yaml:2:", "no body checks"},
    };
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++)
        expect_error(bad_cases[i].text, strlen(bad_cases[i].text), bad_cases[i].where,
                     bad_cases[i].what);
}

/* feeder: a CSV row of variables per user, beside the scenario file. */
static void test_feeder(void **state)
{
    (void)state;
    char dir[] = "/tmp/lg-feeder.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char csvp[128], yp[128];
    snprintf(csvp, sizeof csvp, "%s/users.csv", dir);
    snprintf(yp, sizeof yp, "%s/s.yaml", dir);
    FILE *f = fopen(csvp, "w");
    fputs("user,password\nalice,a1\n\"bob, jr\",b2\n", f);
    fclose(f);
    f = fopen(yp, "w");
    fputs("feeder: users.csv\ntasks:\n  - {path: \"/u/{var:user}\"}\n", f);
    fclose(f);
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load(yp, &p, &err), 0);
    assert_int_equal(p.feeder.nrows, 2);
    assert_int_equal(p.feeder.ncols, 2);
    assert_int_equal(p.feeder.slots[0], vars_find(&p.vars, "user"));
    assert_string_equal(feeder_cell(&p.feeder, 1, 0), "bob, jr");
    assert_string_equal(feeder_cell(&p.feeder, 2, 1), "a1"); /* wraps around */
    plan_free(&p);
    static const struct { const char *csv, *what; } bad[] = {
        {"user,pass\nx\n", "users.csv:2: 1 fields, the header has 2"},
        {"user name\nx\n", "users.csv:1: column 'user name' is not a variable name"},
        {"a,a\n1,2\n", "users.csv:1: column 'a' twice"},
        {"user\n", "a header row and at least one row"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        f = fopen(csvp, "w");
        fputs(bad[i].csv, f);
        fclose(f);
        assert_int_equal(scenario_load(yp, &p, &err), -1);
        if (!strstr(err.msg, bad[i].what) || !strstr(err.msg, "s.yaml:1: feeder: "))
            fail_msg("'%s' (want '%s')", err.msg, bad[i].what);
    }
    unlink(csvp);
    assert_int_equal(scenario_load(yp, &p, &err), -1);
    assert_non_null(strstr(err.msg, "s.yaml:1: feeder: "));
    unlink(yp);
    rmdir(dir);
}

/* stages: Locust's LoadTestShape / k6's stages as data. */
static void test_stages(void **state)
{
    (void)state;
    const char *text = "stages:\n"
                       "  - {duration: 10s, users: 20, spawn_rate: 4}\n"   /* 0 -> 20 in 5 s */
                       "  - {duration: 1m, users: 20}\n"
                       "  - {duration: 10s, users: 5, spawn_rate: 3}\n"    /* 20 -> 5 in 5 s */
                       "  - {duration: 5s, users: 50}\n"                   /* at once */
                       "tasks:\n  - {path: /a}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", text, strlen(text), &p, &err), 0);
    assert_int_equal(p.nstages, 4);
    assert_int_equal(plan_stage_max(&p), 50);
    assert_true(plan_stage_total(&p) == 85);
    size_t k;
    assert_int_equal(plan_stage_users(&p, 0, &k), 0);
    assert_int_equal(k, 0);
    assert_int_equal(plan_stage_users(&p, 2.6, NULL), 10);   /* floor(4 * 2.6) */
    assert_int_equal(plan_stage_users(&p, 5, NULL), 20);
    assert_int_equal(plan_stage_users(&p, 30, &k), 20);
    assert_int_equal(k, 1);
    assert_int_equal(plan_stage_users(&p, 71, NULL), 17);    /* ceil(20 - 3) */
    assert_int_equal(plan_stage_users(&p, 76, NULL), 5);
    assert_int_equal(plan_stage_users(&p, 80, &k), 50);
    assert_int_equal(k, 3);
    assert_int_equal(plan_stage_users(&p, 85, &k), -1);
    assert_int_equal(p.non_stop, 0);
    assert_int_equal(k, 4);
    plan_free(&p);
    static const struct { const char *text, *what; } bad[] = {
        {"stages: []\ntasks:\n  - {path: /a}\n", "t.yaml:1: 'stages' must be a list"},
        {"stages:\n  - {users: 5}\ntasks:\n  - {path: /a}\n", "t.yaml:2: a stage needs 'duration'"},
        {"stages:\n  - {duration: soon, users: 5}\ntasks:\n  - {path: /a}\n", "t.yaml:2: stage duration"},
        {"stages:\n  - {duration: 5s, users: -1}\ntasks:\n  - {path: /a}\n", "t.yaml:2: stage users"},
        {"stages:\n  - {duration: 5s, users: 0}\ntasks:\n  - {path: /a}\n", "never asks for a user"},
        {"stages:\n  - {duration: 5s, users: 2, rate: 1}\ntasks:\n  - {path: /a}\n", "unknown stage key 'rate'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(scenario_load_string("t.yaml", bad[i].text, strlen(bad[i].text), &p, &err), -1);
        if (!strstr(err.msg, bad[i].what))
            fail_msg("'%s' (want '%s')", err.msg, bad[i].what);
    }
}

static void test_on_stop(void **state)
{
    (void)state;
    const char *text = "on_stop:\n  - request: {method: POST, path: /logout}\n    when: token\n"
                       "tasks:\n  - {path: /a}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", text, strlen(text), &p, &err), 0);
    assert_int_equal(p.non_stop, 1);
    assert_string_equal(p.on_stop[0].req->method, "POST");
    assert_true(p.on_stop[0].when_slot >= 0);
    plan_free(&p);
    const char *rt = "on_stop:\n  - request: {path: /l}\n    retry: {attempts: 2}\ntasks:\n  - {path: /a}\n";
    expect_error(rt, strlen(rt), "t.yaml:3:", "on_stop steps are not retried");
    expect_error("on_stop: {a: 1}\ntasks:\n  - {path: /a}\n", 38, "t.yaml:1:",
                 "'on_stop' must be a list of steps");
}

static void test_small_scenario(void **state)
{
    (void)state;
    const char *text =
        "name: small\n"
        "host: http://127.0.0.1:9999\n"
        "wait: constant(0.5)\n"
        "headers: {X-Test: \"yes\"}\n"
        "tasks:\n"
        "  - method: put\n"
        "    path: /items\n"
        "    query: {id: \"{rand:1:3}\"}\n"
        "    name: /items?id=[id]\n"
        "    headers: {X-Trace: \"1\"}\n"
        "    json: {n: 3, ok: true, s: \"q\\\"x\", list: [1, \"two\"], none: null,\n"
        "           t: \"a\\tb\\\\c\"}\n"
        "    expect: [200, 201]\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("s.yaml", text, strlen(text), &p, &err), 0);
    assert_string_equal(p.host, "http://127.0.0.1:9999");
    assert_int_equal(p.wait.kind, LG_WAIT_CONSTANT);
    assert_int_equal(p.nheaders, 1);
    const lg_request *r = p.tasks[0];
    assert_string_equal(r->method, "PUT");
    assert_int_equal(r->nexpect, 2);
    assert_true(plan_status_ok(r, 201));
    assert_false(plan_status_ok(r, 204));
    char buf[256];
    tmpl_expand(r->body, buf, sizeof buf, NULL, NULL, NULL);
    assert_string_equal(buf, "{\"n\": 3, \"ok\": true, \"s\": \"q\\\"x\", \"list\": [1, \"two\"], "
                             "\"none\": null, \"t\": \"a\\u0009b\\\\c\"}");
    lg_rng rng;
    rng_seed(&rng, 1);
    tmpl_expand(r->target, buf, sizeof buf, &rng, NULL, NULL);
    assert_int_equal(strncmp(buf, "/items?id=", 10), 0);
    plan_free(&p);
}

static void test_default_expect(void **state)
{
    (void)state;
    lg_request r;
    memset(&r, 0, sizeof r);
    assert_true(plan_status_ok(&r, 200));
    assert_true(plan_status_ok(&r, 302));
    assert_false(plan_status_ok(&r, 404));
    assert_false(plan_status_ok(&r, 0));
    assert_true(plan_truthy("true"));
    assert_false(plan_truthy("false"));
    assert_false(plan_truthy(""));
    assert_false(plan_truthy(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decnet_2026_04),
        cmocka_unit_test(test_decnet_current),
        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_load_time_checks),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_task_steps_and_checks),
        cmocka_unit_test(test_feeder),
        cmocka_unit_test(test_stages),
        cmocka_unit_test(test_on_stop),
        cmocka_unit_test(test_small_scenario),
        cmocka_unit_test(test_default_expect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
