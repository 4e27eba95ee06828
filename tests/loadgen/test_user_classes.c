/* test_user_classes.c — several user classes in one scenario (`users:`):
 * the YAML, Locust 2.12.1's distribution of users over classes (weights and
 * fixed_count), --show-task-ratio and "All users spawned" for them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "console.h"
#include "reporter.h"
#include "scenario.h"

/* A scenario of classes "name:weight" or "name:=fixed_count", one task each. */
static void load_classes(lg_plan *p, const char *const *classes, size_t n)
{
    char y[2048];
    size_t at = (size_t)snprintf(y, sizeof y, "users:\n");
    for (size_t i = 0; i < n; i++) {
        char name[32];
        const char *colon = strchr(classes[i], ':');
        snprintf(name, sizeof name, "%.*s", (int)(colon - classes[i]), classes[i]);
        at += (size_t)snprintf(y + at, sizeof y - at, "  - name: %s\n    %s: %s\n    tasks: [{path: /%s}]\n",
                               name, colon[1] == '=' ? "fixed_count" : "weight",
                               colon + 1 + (colon[1] == '='), name);
    }
    lb_err err;
    if (scenario_load_string("t.yaml", y, strlen(y), p, &err) != 0)
        fail_msg("%s\n%s", err.msg, y);
}

/* Every expected count below is what real Locust 2.12.1 dispatched (its
 * UsersDispatcher, one worker, asked for n users at once). */
static void test_distribution_matches_locust(void **state)
{
    (void)state;
    static const long ns[] = {1, 2, 3, 5, 7, 10, 13, 25, 100};
    static const struct {
        const char *classes[3];
        size_t n;
        long want[9][3];
    } cases[] = {
        {{"A:3", "B:1"}, 2, {{1, 0}, {2, 0}, {2, 1}, {4, 1}, {5, 2}, {8, 2}, {10, 3}, {19, 6}, {75, 25}}},
        {{"A:1", "B:1", "C:1"}, 3, {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}, {2, 2, 1}, {3, 2, 2}, {4, 3, 3},
                                    {5, 4, 4}, {9, 8, 8}, {34, 33, 33}}},
        {{"A:5", "B:2", "C:3"}, 3, {{1, 0, 0}, {1, 0, 1}, {1, 1, 1}, {3, 1, 1}, {4, 1, 2}, {5, 2, 3},
                                    {6, 3, 4}, {13, 5, 7}, {50, 20, 30}}},
        {{"Admin:=2", "Web:3", "Api:1"}, 3, {{1, 0, 0}, {2, 0, 0}, {2, 1, 0}, {2, 2, 1}, {2, 4, 1},
                                             {2, 6, 2}, {2, 8, 3}, {2, 17, 6}, {2, 73, 25}}},
        {{"A:1.5", "B:2", "C:2.4"}, 3, {{0, 1, 0}, {0, 1, 1}, {1, 1, 1}, {1, 2, 2}, {2, 3, 2}, {2, 4, 4},
                                        {3, 5, 5}, {6, 10, 9}, {25, 38, 37}}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        lg_plan p;
        load_classes(&p, cases[c].classes, cases[c].n);
        for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
            long got[LG_MAX_CLASSES];
            assert_int_equal(plan_distribute(&p, ns[i], got), ns[i]);
            for (size_t k = 0; k < cases[c].n; k++)
                if (got[k] != cases[c].want[i][k])
                    fail_msg("case %zu, %ld users: class %zu got %ld, Locust %ld", c, ns[i], k,
                             got[k], cases[c].want[i][k]);
        }
        plan_free(&p);
    }
}

/* Only fixed_count classes: their sum at most, as Locust's dispatcher. */
static void test_distribution_all_fixed(void **state)
{
    (void)state;
    static const char *const cl[] = {"F1:=3", "F2:=1"};
    static const long want[][2] = {{1, 0}, {2, 0}, {2, 1}, {3, 1}, {3, 1}};
    lg_plan p;
    load_classes(&p, cl, 2);
    for (long n = 1; n <= 5; n++) {
        long got[LG_MAX_CLASSES];
        assert_int_equal(plan_distribute(&p, n, got), n < 4 ? n : 4);
        assert_int_equal(got[0], want[n - 1][0]);
        assert_int_equal(got[1], want[n - 1][1]);
    }
    plan_free(&p);
    /* a scenario without users: is one class taking every user */
    const char *y = "name: solo\ntasks: [{path: /}]\n";
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", y, strlen(y), &p, &err), 0);
    long got[1];
    assert_int_equal(plan_nclasses(&p), 1);
    assert_ptr_equal(plan_class(&p, 0), &p);
    assert_int_equal(plan_distribute(&p, 7, got), 7);
    assert_int_equal(got[0], 7);
    plan_free(&p);
}

static const char *two =
    "name: shop\n"
    "wait: between(0.5, 1)\n"
    "headers: {X-Top: t}\n"
    "variables: {token: abc}\n"
    "setup:\n  - request: {path: /setup}\n"
    "users:\n"
    "  - name: Browser\n"
    "    weight: 3\n"
    "    tasks:\n"
    "      - {weight: 2, path: /items, tags: [read]}\n"
    "      - {path: /item/1}\n"
    "  - name: Buyer\n"
    "    fixed_count: 2\n"
    "    wait: constant(2)\n"
    "    headers: {Authorization: \"Bearer {var:token}\"}\n"
    "    on_start:\n      - request: {method: POST, path: /login}\n"
    "    on_stop:\n      - request: {method: POST, path: /logout}\n"
    "    tasks:\n"
    "      - {method: POST, path: /cart, tags: [write]}\n";

static void test_yaml(void **state)
{
    (void)state;
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", two, strlen(two), &p, &err), 0);
    assert_string_equal(p.name, "shop");
    assert_int_equal(p.nclasses, 2);
    assert_int_equal(plan_nclasses(&p), 2);
    const lg_plan *br = plan_class(&p, 0), *bu = plan_class(&p, 1);
    assert_string_equal(br->name, "Browser");
    assert_true(br->weight == 3 && br->fixed_count == 0);
    assert_int_equal(br->ntasks, 2);
    assert_true(br->cum[0] == 2 && br->cum[1] == 3);
    /* Browser has no wait and no headers of its own: the top level's */
    assert_int_equal(br->wait.kind, LG_WAIT_BETWEEN);
    assert_int_equal(br->nheaders, 1);
    assert_string_equal(br->headers[0].name, "X-Top");
    assert_int_equal(br->non_start, 0);
    assert_string_equal(bu->name, "Buyer");
    assert_int_equal(bu->fixed_count, 2);
    assert_int_equal(bu->wait.kind, LG_WAIT_CONSTANT);
    assert_int_equal(bu->nheaders, 1);
    assert_string_equal(bu->headers[0].name, "Authorization");
    assert_int_equal(bu->non_start, 1);
    assert_int_equal(bu->non_stop, 1);
    assert_int_equal(bu->ntasks, 1);
    /* requests live in the top-level plan, each knowing its class */
    assert_int_equal(p.nsetup, 1);
    assert_int_equal(p.setup[0].req->cls, -1);
    assert_int_equal(br->tasks[1]->cls, 0);
    assert_int_equal(bu->on_start[0].req->cls, 1);
    assert_int_equal(bu->tasks[0]->cls, 1);
    assert_ptr_equal(p.requests[bu->tasks[0]->id], bu->tasks[0]);
    assert_int_equal(plan_class_index(&p, "Buyer"), 1);
    assert_int_equal(plan_class_index(&p, "shop"), -1);
    /* "All users spawned", Locust's form: names sorted, fixed first */
    char counts[LG_CLASS_COUNTS_LEN];
    reporter_class_counts(&p, p.name, 6, counts, sizeof counts);
    assert_string_equal(counts, "{\"Browser\": 4, \"Buyer\": 2}");
    /* --tags keeps each class's tagged tasks; a class left with none is refused */
    const char *read[] = {"read"};
    assert_int_equal(plan_filter_tags(&p, read, 1, NULL, 0, &err), -1);
    assert_non_null(strstr(err.msg, "user class 'Buyer'"));
    plan_free(&p);
    assert_int_equal(scenario_load_string("t.yaml", two, strlen(two), &p, &err), 0);
    const char *ex[] = {"read"};
    assert_int_equal(plan_filter_tags(&p, NULL, 0, ex, 1, &err), 0);
    assert_int_equal(p.classes[0].ntasks, 1);
    assert_int_equal(p.classes[1].ntasks, 1);
    plan_free(&p);
    const char *solo = "name: solo\ntasks: [{path: /}]\n";
    assert_int_equal(scenario_load_string("t.yaml", solo, strlen(solo), &p, &err), 0);
    reporter_class_counts(&p, "solo", 5, counts, sizeof counts);
    assert_string_equal(counts, "{\"solo\": 5}");
    plan_free(&p);
}

static void expect_error(const char *text, const char *where, const char *what)
{
    lg_plan p;
    lb_err err;
    err.msg[0] = '\0';
    int rc = scenario_load_string("t.yaml", text, strlen(text), &p, &err);
    if (rc != -1 || strncmp(err.msg, where, strlen(where)) != 0 || !strstr(err.msg, what))
        fail_msg("rc=%d msg='%s' (want '%s...%s') for:\n%s", rc, err.msg, where, what, text);
}

static void test_yaml_errors(void **state)
{
    (void)state;
    expect_error("tasks: [{path: /}]\nusers:\n  - {name: A, tasks: [{path: /}]}\n", "t.yaml:1:",
                 "with 'users:', tasks, on_start and on_stop belong to each user class");
    expect_error("on_start: [{request: {path: /}}]\nusers:\n  - {name: A, tasks: [{path: /}]}\n",
                 "t.yaml:1:", "belong to each user class");
    expect_error("users: []\n", "t.yaml:1:", "'users' must be a list of user classes");
    expect_error("users:\n  - {tasks: [{path: /}]}\n", "t.yaml:2:", "user class has no 'name'");
    expect_error("users:\n  - {name: A}\n", "t.yaml:2:", "user class 'A' has no 'tasks'");
    expect_error("users:\n  - {name: A, tasks: [{path: /}]}\n  - {name: A, tasks: [{path: /}]}\n",
                 "t.yaml:3:", "user class 'A' is defined twice");
    expect_error("users:\n  - {name: \"a b\", tasks: [{path: /}]}\n", "t.yaml:2:",
                 "user class name 'a b' must be letters, digits and _");
    expect_error("users:\n  - {name: A, weight: 0, tasks: [{path: /}]}\n", "t.yaml:2:",
                 "'weight' must be > 0");
    expect_error("users:\n  - {name: A, fixed_count: 1.5, tasks: [{path: /}]}\n", "t.yaml:2:",
                 "'fixed_count' must be a whole number");
    expect_error("users:\n  - {name: A, wieght: 2, tasks: [{path: /}]}\n", "t.yaml:2:",
                 "unknown user class key 'wieght'");
    expect_error("users:\n  - {name: A, tasks: [{path: /, wieght: 2}]}\n", "t.yaml:2:",
                 "unknown request key 'wieght'");
    expect_error("users:\n  - {name: A, on_stop: [{request: {path: /}, retry: {attempts: 2}}], "
                 "tasks: [{path: /}]}\n", "t.yaml:2:", "'retry' is for setup and on_start steps");
    char many[8192];
    size_t at = (size_t)snprintf(many, sizeof many, "users:\n");
    for (int i = 0; i <= LG_MAX_CLASSES; i++)
        at += (size_t)snprintf(many + at, sizeof many - at, "  - {name: C%d, tasks: [{path: /}]}\n", i);
    expect_error(many, "t.yaml:2:", "more than 32 user classes");
}

/* --show-task-ratio of tests/loadgen/worker/locust_wk2.py's classes, byte
 * for byte what Locust 2.12.1 printed for `-u 7` (its tasks named by
 * function; loadgen's are "METHOD name"), and without -u (Locust's default:
 * users = total weight, fixed classes first, so Reader gets 0.0). */
static void test_task_ratio(void **state)
{
    (void)state;
    const char *y = "users:\n"
                    "  - {name: Reader, weight: 3, tasks: [{path: /r, name: read}]}\n"
                    "  - name: Admin\n    fixed_count: 1\n    tasks:\n"
                    "      - {path: /a, name: admin, weight: 2}\n      - {path: /u, name: audit}\n";
    lg_plan p;
    lb_err err;
    assert_int_equal(scenario_load_string("t.yaml", y, strlen(y), &p, &err), 0);
    static const struct { long users; const char *want; } runs[] = {
        {7, "\n Task ratio per User class\n"
            "--------------------------------------------------------------------------------\n"
            " 85.7       Reader                                            \n"
            "   100.0      GET read                                        \n"
            " 14.3       Admin                                             \n"
            "   66.7       GET admin                                       \n"
            "   33.3       GET audit                                       \n"
            "\n Total task ratio\n"
            "--------------------------------------------------------------------------------\n"
            " 85.7       Reader                                            \n"
            "   85.7       GET read                                        \n"
            " 14.3       Admin                                             \n"
            "   9.5        GET admin                                       \n"
            "   4.8        GET audit                                       \n"},
        {0, "\n Task ratio per User class\n"
            "--------------------------------------------------------------------------------\n"
            " 0.0        Reader                                            \n"
            "   100.0      GET read                                        \n"
            " 100.0      Admin                                             \n"
            "   66.7       GET admin                                       \n"
            "   33.3       GET audit                                       \n"
            "\n Total task ratio\n"
            "--------------------------------------------------------------------------------\n"
            " 0.0        Reader                                            \n"
            "   0.0        GET read                                        \n"
            " 100.0      Admin                                             \n"
            "   66.7       GET admin                                       \n"
            "   33.3       GET audit                                       \n"},
    };
    for (size_t i = 0; i < 2; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        console_print_task_ratio(f, &p, runs[i].users);
        fclose(f);
        assert_string_equal(buf, runs[i].want);
        free(buf);
    }
    plan_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distribution_matches_locust),
        cmocka_unit_test(test_distribution_all_fixed),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_yaml_errors),
        cmocka_unit_test(test_task_ratio),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
