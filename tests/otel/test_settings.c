/* test_settings.c — how an otel_config resolves: SDK defaults, the OTEL_BSP_*
 * and REFSERVER_OTEL_ENDPOINT variables, code over environment, and the
 * errors that name the bad setting; plus the public constructor's failures
 * and the file exporter end to end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>
#include "otel_internal.h"

static const char *const vars[] = {"OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
                                   "OTEL_BSP_SCHEDULE_DELAY", "OTEL_BSP_EXPORT_TIMEOUT",
                                   "REFSERVER_OTEL_ENDPOINT", "OTEL_SERVICE_NAME"};

static int clear_env(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        unsetenv(vars[i]);
    return 0;
}

static void test_defaults(void **state)
{
    (void)state;
    otel_settings s;
    lb_err err;
    assert_int_equal(otel_settings_resolve(NULL, &s, &err), 0);
    assert_int_equal(s.max_queue_size, 2048);
    assert_int_equal(s.max_export_batch, 512);
    assert_int_equal(s.schedule_delay_ms, 5000);
    assert_int_equal(s.export_timeout_ms, 30000);
    assert_string_equal(s.endpoint, "http://127.0.0.1:4318/v1/traces");
    assert_null(s.file_path);
    assert_string_equal(s.service_name, "refserver");
    assert_string_equal(s.service_version, LB_VERSION);
    assert_string_equal(s.scope_name, "loadbench.refserver");
    otel_settings_free(&s);
}

static void test_env_overrides_defaults(void **state)
{
    (void)state;
    setenv("OTEL_BSP_MAX_QUEUE_SIZE", "100", 1);
    setenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "10", 1);
    setenv("OTEL_BSP_SCHEDULE_DELAY", "250", 1);
    setenv("OTEL_BSP_EXPORT_TIMEOUT", "1000", 1);
    setenv("REFSERVER_OTEL_ENDPOINT", "http://[::1]:9999/v1/traces", 1);
    otel_settings s;
    lb_err err;
    assert_int_equal(otel_settings_resolve(NULL, &s, &err), 0);
    assert_int_equal(s.max_queue_size, 100);
    assert_int_equal(s.max_export_batch, 10);
    assert_int_equal(s.schedule_delay_ms, 250);
    assert_int_equal(s.export_timeout_ms, 1000);
    assert_string_equal(s.endpoint, "http://[::1]:9999/v1/traces");
    otel_settings_free(&s);

    setenv("OTEL_SERVICE_NAME", "refserver-w3", 1);
    assert_int_equal(otel_settings_resolve(NULL, &s, &err), 0);
    assert_string_equal(s.service_name, "refserver-w3");
    otel_settings_free(&s);
    otel_config named = {.service_name = "from-code"};
    assert_int_equal(otel_settings_resolve(&named, &s, &err), 0);
    assert_string_equal(s.service_name, "from-code");
    otel_settings_free(&s);

    /* file:///path in the endpoint picks the file exporter. */
    setenv("REFSERVER_OTEL_ENDPOINT", "file:///tmp/traces.jsonl", 1);
    assert_int_equal(otel_settings_resolve(NULL, &s, &err), 0);
    assert_null(s.endpoint);
    assert_string_equal(s.file_path, "/tmp/traces.jsonl");
    otel_settings_free(&s);
    setenv("REFSERVER_OTEL_ENDPOINT", "http://[::1]:9999/v1/traces", 1);

    /* Code wins over the environment. */
    otel_config cfg = {.max_queue_size = 50, .max_export_batch = 5, .schedule_delay_ms = 7,
                       .export_timeout_ms = 9, .endpoint = "https://127.0.0.1:1/x"};
    assert_int_equal(otel_settings_resolve(&cfg, &s, &err), 0);
    assert_int_equal(s.max_queue_size, 50);
    assert_int_equal(s.max_export_batch, 5);
    assert_int_equal(s.schedule_delay_ms, 7);
    assert_int_equal(s.export_timeout_ms, 9);
    assert_string_equal(s.endpoint, "https://127.0.0.1:1/x");
    otel_settings_free(&s);

    /* A file path replaces the endpoint. */
    otel_config fcfg = {.file_path = "/tmp/x.jsonl"};
    assert_int_equal(otel_settings_resolve(&fcfg, &s, &err), 0);
    assert_null(s.endpoint);
    assert_string_equal(s.file_path, "/tmp/x.jsonl");
    otel_settings_free(&s);
}

static void expect_error(const otel_config *cfg, const char *needle)
{
    otel_settings s;
    lb_err err = {0};
    assert_int_equal(otel_settings_resolve(cfg, &s, &err), -1);
    if (!strstr(err.msg, needle))
        fail_msg("error \"%s\" does not mention %s", err.msg, needle);
}

static void test_bad_settings_named(void **state)
{
    (void)state;
    setenv("OTEL_BSP_MAX_QUEUE_SIZE", "lots", 1);
    expect_error(NULL, "OTEL_BSP_MAX_QUEUE_SIZE");
    setenv("OTEL_BSP_MAX_QUEUE_SIZE", "0", 1);
    expect_error(NULL, "OTEL_BSP_MAX_QUEUE_SIZE");
    unsetenv("OTEL_BSP_MAX_QUEUE_SIZE");
    setenv("OTEL_BSP_SCHEDULE_DELAY", "5s", 1);
    expect_error(NULL, "OTEL_BSP_SCHEDULE_DELAY");
    unsetenv("OTEL_BSP_SCHEDULE_DELAY");
    setenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "4096", 1);
    expect_error(NULL, "OTEL_BSP_MAX_EXPORT_BATCH_SIZE <= OTEL_BSP_MAX_QUEUE_SIZE");
    unsetenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE");
    otel_config neg = {.export_timeout_ms = -1};
    expect_error(&neg, "export_timeout_ms");
    otel_config ep = {.endpoint = "127.0.0.1:4318"};
    expect_error(&ep, "127.0.0.1:4318");
    setenv("REFSERVER_OTEL_ENDPOINT", "grpc://127.0.0.1:4317", 1);
    expect_error(NULL, "grpc://127.0.0.1:4317");
    otel_config rel = {.endpoint = "file://traces.jsonl"};
    expect_error(&rel, "absolute path");
    otel_config empty_file = {.file_path = ""};
    expect_error(&empty_file, "trace file");
}

static void test_new_fails_on_unopenable_file(void **state)
{
    (void)state;
    otel_config cfg = {.file_path = "/nonexistent-dir/traces.jsonl"};
    lb_err err = {0};
    assert_null(otel_tracer_new(&cfg, &err));
    assert_non_null(strstr(err.msg, "/nonexistent-dir/traces.jsonl"));
}

static void test_file_exporter_lines(void **state)
{
    (void)state;
    char path[] = "/tmp/otel-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    for (int round = 0; round < 2; round++) { /* appends, never truncates */
        otel_config cfg = {.file_path = path, .max_export_batch = 2};
        lb_err err;
        otel_tracer *t = otel_tracer_new(&cfg, &err);
        assert_non_null(t);
        for (int i = 0; i < 3; i++) {
            otel_span s;
            otel_span_start(t, &s, "f", NULL, OTEL_KIND_INTERNAL);
            otel_span_end(t, &s);
        }
        otel_tracer_free(t);
    }
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[65536];
    int lines = 0, spans = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        json_t *doc = json_loads(line, 0, NULL);
        assert_non_null(doc);
        json_t *rs = json_array_get(json_object_get(doc, "resourceSpans"), 0);
        json_t *ss = json_array_get(json_object_get(rs, "scopeSpans"), 0);
        spans += (int)json_array_size(json_object_get(ss, "spans"));
        json_decref(doc);
    }
    fclose(f);
    unlink(path);
    assert_int_equal(lines, 4); /* per round: a batch of 2, then 1 at shutdown */
    assert_int_equal(spans, 6);
}

static void test_http_exporter_counts_refused_connection(void **state)
{
    (void)state;
    /* Port 1 on loopback: nothing listens, the connection is refused at once. */
    otel_config cfg = {.endpoint = "http://127.0.0.1:1/v1/traces", .export_timeout_ms = 2000,
                       .schedule_delay_ms = 20};
    lb_err err;
    otel_tracer *t = otel_tracer_new(&cfg, &err);
    assert_non_null(t);
    otel_span s;
    otel_span_start(t, &s, "lost", NULL, OTEL_KIND_INTERNAL);
    otel_span_end(t, &s);
    otel_stats st = {0, 0, 0, 0};
    for (int i = 0; i < 500 && st.export_errors == 0; i++) {
        usleep(10000);
        otel_tracer_stats(t, &st);
    }
    assert_int_equal(st.export_errors, 1);
    assert_int_equal(st.dropped, 1);
    assert_int_equal(st.exported, 0);
    otel_tracer_last_error(t, &err);
    if (!strstr(err.msg, "http://127.0.0.1:1/v1/traces"))
        fail_msg("last error \"%s\" does not name the endpoint", err.msg);
    otel_tracer_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_defaults, clear_env),
        cmocka_unit_test_setup(test_env_overrides_defaults, clear_env),
        cmocka_unit_test_setup(test_bad_settings_named, clear_env),
        cmocka_unit_test_setup(test_new_fails_on_unopenable_file, clear_env),
        cmocka_unit_test_setup(test_file_exporter_lines, clear_env),
        cmocka_unit_test_setup(test_http_exporter_counts_refused_connection, clear_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
