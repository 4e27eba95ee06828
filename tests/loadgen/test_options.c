/* test_options.c — command-line parsing: Locust's names and short forms,
 * run-time formats, defaults, the errors that make loadgen exit 2, and
 * --help listing every long option of the parser's own table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "locust_conf.h"
#include "options.h"

static int parse(lg_options *o, lb_err *err, int argc, ...)
{
    static char *argv[32];
    static char store[32][256];
    va_list ap;
    va_start(ap, argc);
    argv[0] = "loadgen";
    for (int i = 1; i < argc; i++) {
        snprintf(store[i], sizeof store[i], "%s", va_arg(ap, const char *));
        argv[i] = store[i];
    }
    va_end(ap);
    options_defaults(o);
    return options_parse(o, argc, argv, err);
}

static void test_defaults(void **state)
{
    (void)state;
    lg_options o;
    lb_err err;
    assert_int_equal(parse(&o, &err, 1), LG_OPTS_RUN);
    assert_int_equal(o.users, 1);
    assert_true(o.spawn_rate == 1.0);
    assert_true(o.run_time == 0.0);
    assert_null(o.host);
    assert_null(o.csv_prefix);
    assert_int_equal(o.exit_code_on_error, 1);
    assert_int_equal(o.loglevel, LG_INFO);
    assert_true(o.threads >= 1);
    assert_true(o.stop_timeout == 0.0);
    assert_int_equal(o.nurls, 0);
    assert_false(o.spawn_rate_set);
    assert_false(o.url_names);
}

static void test_long_and_short(void **state)
{
    (void)state;
    lg_options o;
    lb_err err;
    assert_int_equal(parse(&o, &err, 9, "-u", "2000", "-r", "200", "-t", "60s", "-H",
                           "http://127.0.0.1:9/"), LG_OPTS_RUN);
    assert_int_equal(o.users, 2000);
    assert_true(o.spawn_rate == 200.0);
    assert_true(o.spawn_rate_set); /* URL mode and --rate ramp only when -r is given */
    assert_true(o.run_time == 60.0);
    assert_string_equal(o.host, "http://127.0.0.1:9/");
    assert_int_equal(parse(&o, &err, 17, "--users", "5", "--spawn-rate", "2.5", "--run-time",
                           "1h30m", "--csv", "out/run", "--csv-full-history", "--only-summary",
                           "--stop-timeout", "3", "--reset-stats", "--headless",
                           "--exit-code-on-error", "0"), LG_OPTS_RUN);
    assert_int_equal(o.users, 5);
    assert_true(o.spawn_rate == 2.5);
    assert_true(o.run_time == 5400.0);
    assert_string_equal(o.csv_prefix, "out/run");
    assert_true(o.csv_full_history && o.only_summary && o.reset_stats && o.headless);
    assert_true(o.stop_timeout == 3.0);
    assert_int_equal(o.exit_code_on_error, 0);
    assert_int_equal(parse(&o, &err, 11, "--loglevel", "warning", "--threads", "3", "--rate",
                           "1000", "--tag", "abc123", "-f", "decnet"), LG_OPTS_RUN);
    assert_int_equal(o.loglevel, LG_WARNING);
    assert_int_equal(o.threads, 3);
    assert_true(o.rate == 1000.0);
    assert_string_equal(o.tag, "abc123");
    assert_string_equal(o.scenario, "decnet");
    assert_false(o.spawn_rate_set);
    assert_int_equal(parse(&o, &err, 2, "--url-names"), LG_OPTS_RUN);
    assert_true(o.url_names);
}

static void test_run_time_formats(void **state)
{
    (void)state;
    static const struct { const char *in; double want; } ok[] = {
        {"90", 90}, {"30s", 30}, {"5m", 300}, {"1h30m", 5400}, {"3h30m10s", 12610}, {"2h", 7200},
    };
    lg_options o;
    lb_err err;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(parse(&o, &err, 3, "-t", ok[i].in), LG_OPTS_RUN);
        assert_true(o.run_time == ok[i].want);
    }
    assert_int_equal(parse(&o, &err, 3, "-t", "soon"), -1);
    assert_non_null(strstr(err.msg, "-t"));
    assert_int_equal(parse(&o, &err, 3, "--run-time", "0"), -1);
}

static void test_urls(void **state)
{
    (void)state;
    lg_options o;
    lb_err err;
    assert_int_equal(parse(&o, &err, 6, "-u", "50", "http://127.0.0.1:8080/healthz", "-t", "10s"),
                     LG_OPTS_RUN);
    assert_int_equal(o.nurls, 1);
    assert_string_equal(o.urls[0], "http://127.0.0.1:8080/healthz");
    assert_true(o.run_time == 10.0);
    assert_int_equal(parse(&o, &err, 2, "not-a-url"), -1);
    assert_non_null(strstr(err.msg, "not-a-url"));
    assert_int_equal(parse(&o, &err, 4, "-f", "x.yaml", "http://h/"), -1);
}

static void test_errors(void **state)
{
    (void)state;
    lg_options o;
    lb_err err;
    assert_int_equal(parse(&o, &err, 2, "--bogus"), -1);
    assert_non_null(strstr(err.msg, "--bogus"));
    assert_int_equal(parse(&o, &err, 3, "-u", "many"), -1);
    assert_non_null(strstr(err.msg, "-u"));
    assert_int_equal(parse(&o, &err, 3, "-u", "-5"), -1);
    /* -u 0 used to run, do nothing and exit 0 */
    assert_int_equal(parse(&o, &err, 3, "-u", "0"), -1);
    assert_non_null(strstr(err.msg, "-u"));
    assert_int_equal(parse(&o, &err, 3, "-r", "0"), -1);
    assert_int_equal(parse(&o, &err, 2, "-u"), -1);
    assert_non_null(strstr(err.msg, "needs a value"));
    assert_int_equal(parse(&o, &err, 3, "--loglevel", "LOUD"), -1);
    assert_non_null(strstr(err.msg, "--loglevel"));
    assert_int_equal(parse(&o, &err, 3, "-H", "127.0.0.1:80"), -1);
    assert_int_equal(parse(&o, &err, 2, "--csv-full-history"), -1);
    assert_non_null(strstr(err.msg, "--csv"));
    assert_int_equal(parse(&o, &err, 3, "--threads", "0"), -1);
    assert_int_equal(parse(&o, &err, 3, "--exit-code-on-error", "300"), -1);
}

static void test_help_version(void **state)
{
    (void)state;
    lg_options o;
    lb_err err;
    assert_int_equal(parse(&o, &err, 2, "--help"), LG_OPTS_HELP);
    assert_int_equal(parse(&o, &err, 2, "-h"), LG_OPTS_HELP);
    assert_int_equal(parse(&o, &err, 2, "--version"), LG_OPTS_VERSION);
    assert_int_equal(parse(&o, &err, 2, "-V"), LG_OPTS_VERSION); /* Locust's -V */
}

/* Issue 16, Locust's habits: 2.12.1's names and short forms. */
static void test_locust_habits(void **state)
{
    (void)state;
    lg_options o;
    lb_err err;
    assert_int_equal(parse(&o, &err, 8, "-l", "--show-task-ratio", "--print-stats", "--logfile",
                           "x.log", "--config", "my.conf"), LG_OPTS_RUN);
    assert_true(o.list && o.show_task_ratio && o.print_stats);
    assert_string_equal(o.logfile, "x.log");
    assert_string_equal(o.config, "my.conf");
    /* --tags takes several words (Locust's nargs='*'), commas, repeats */
    assert_int_equal(parse(&o, &err, 9, "--tags", "a", "b", "-u", "2", "-T", "c,d",
                           "http://127.0.0.1:9/x"), LG_OPTS_RUN);
    assert_int_equal(o.ntags, 4);
    assert_string_equal(o.tags[0], "a");
    assert_string_equal(o.tags[1], "b");
    assert_string_equal(o.tags[3], "d");
    assert_int_equal(o.users, 2);
    assert_int_equal(o.nurls, 1);
    assert_string_equal(o.urls[0], "http://127.0.0.1:9/x");
    options_free(&o);
    assert_int_equal(parse(&o, &err, 5, "--exclude-tags", "[slow, auth]", "-E", "x"), LG_OPTS_RUN);
    assert_int_equal(o.nexclude_tags, 3);
    assert_string_equal(o.exclude_tags[1], "auth");
    assert_int_equal(o.ntags, 0);
    options_free(&o);
    /* URL mode's request options; -H stays the host */
    assert_int_equal(parse(&o, &err, 10, "-X", "POST", "--header", "A: 1", "--header", "B: 2",
                           "--body", "x", "http://127.0.0.1:9/"), LG_OPTS_RUN);
    assert_string_equal(o.method, "POST");
    assert_int_equal(o.nheaders, 2);
    assert_string_equal(o.headers[1], "B: 2");
    assert_string_equal(o.body, "x");
    assert_int_equal(parse(&o, &err, 3, "-X", "POST"), -1); /* no URL: a scenario run */
    assert_non_null(strstr(err.msg, "URL mode"));
    assert_int_equal(parse(&o, &err, 6, "--body", "x", "--body-file", "f", "http://h/"), -1);
    assert_int_equal(options_takes_value("users"), 1);
    assert_int_equal(options_takes_value("headless"), 0);
    assert_int_equal(options_takes_value("no-such"), -1);
}

/* The whole path: words from a file and the environment, parsed. */
static void test_config_parsed(void **state)
{
    (void)state;
    lg_argv a = {0};
    lb_err err;
    const char *text = "# Locust's example\n[locust]\nusers = 5\nspawn-rate: 2\n\n"
                       "headless = true\nonly_summary = false\nrun-time = \"10s\"\n"
                       "tags = [a, b]\nlocustfile = decnet\n";
    char *argv0[] = {"loadgen", NULL};
    assert_int_equal(config_build_argv(1, argv0, &a, &err), 0); /* no files here, no LOCUST_ */
    assert_int_equal(a.argc, 1);
    assert_int_equal(config_parse_text("t.conf", text, &a, &err), 0);
    char *env[] = {"LOCUST_USERS=7", "LOCUST_WEB_PORT=8089", "LOCUST_RESET_STATS=true",
                   "LOCUST_ONLY_SUMMARY=false", "HOME=/nowhere", NULL};
    assert_int_equal(config_from_env(env, &a, &err), 0);
    lg_options o;
    options_defaults(&o);
    assert_int_equal(options_parse(&o, a.argc, a.argv, &err), LG_OPTS_RUN);
    assert_int_equal(o.users, 7);             /* the environment overrides the file */
    assert_true(o.spawn_rate == 2 && o.run_time == 10);
    assert_true(o.headless && o.reset_stats && !o.only_summary);
    assert_int_equal(o.ntags, 2);
    assert_string_equal(o.scenario, "decnet");
    options_free(&o);
    config_argv_free(&a);
    /* bad lines name file:line */
    static const struct { const char *text, *what; } bad[] = {
        {"users = 1\nbogus = 2\n", "t.conf:2: unknown option 'bogus'"},
        {"\n\nheadless = maybe\n", "t.conf:3: 'headless' is a switch"},
        {"config = other.conf\n", "t.conf:1: unknown option 'config'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lg_argv x = {0};
        assert_int_equal(config_parse_text("t.conf", bad[i].text, &x, &err), -1);
        if (!strstr(err.msg, bad[i].what))
            fail_msg("'%s' (want '%s')", err.msg, bad[i].what);
        config_argv_free(&x);
    }
}

/* True when text has "--name" as a whole option name (so "--csv" is not
 * found inside "--csv-full-history"). */
static bool mentions(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = text; (p = strstr(p, "--")); p += 2)
        if (!strncmp(p + 2, name, n) &&
            (!p[2 + n] || !strchr("abcdefghijklmnopqrstuvwxyz-", p[2 + n])))
            return true;
    return false;
}

/* --help must mention every long option the parser accepts: the names come
 * from the parser's own table, so a new option cannot be left out here. */
static void test_help_lists_every_option(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    options_usage(f);
    fclose(f);
    size_t n = 0;
    for (const char *name; (name = options_long_name(n)); n++)
        if (!mentions(buf, name))
            fail_msg("--help does not mention --%s", name);
    assert_true(n >= 25); /* the table really was read (25 options today) */
    assert_false(mentions(buf, "csv-full")); /* and mentions() matches whole names */
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_long_and_short),
        cmocka_unit_test(test_run_time_formats),
        cmocka_unit_test(test_urls),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_help_version),
        cmocka_unit_test(test_help_lists_every_option),
        cmocka_unit_test(test_locust_habits),
        cmocka_unit_test(test_config_parsed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
