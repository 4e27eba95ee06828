/* test_json.c — the OTLP JSON a batch becomes, parsed back with jansson and
 * checked field by field against the ExportTraceServiceRequest shape:
 * resource, scope, ids, parent links, kinds, timestamps, attributes,
 * status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <jansson.h>
#include "capture_sink.h"

static int is_lower_hex(const char *s, size_t len)
{
    if (strlen(s) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

static uint64_t u64_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        fail_msg("%s is not a JSON string", key);
    const char *s = json_string_value(v);
    char *end;
    unsigned long long n = strtoull(s, &end, 10);
    if (!*s || *end)
        fail_msg("%s=\"%s\" is not a decimal string", key, s);
    return n;
}

static json_t *find_span(json_t *spans, const char *name)
{
    size_t i;
    json_t *s;
    json_array_foreach(spans, i, s)
    {
        if (strcmp(json_string_value(json_object_get(s, "name")), name) == 0)
            return s;
    }
    fail_msg("no span named %s", name);
    return NULL;
}

/* The value object of attribute `key` in span s, or NULL. */
static json_t *attr_value(json_t *s, const char *key)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(s, "attributes"), i, a)
    {
        if (strcmp(json_string_value(json_object_get(a, "key")), key) == 0)
            return json_object_get(a, "value");
    }
    return NULL;
}

static const char *str_of(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        fail_msg("%s is not a string", key);
    return json_string_value(v);
}

/* Make a three-level trace through the real tracer and return the one
 * batch the sink saw, parsed. */
static json_t *make_trace(capture_sink **out_sink)
{
    capture_sink *c = capture_new();
    otel_config cfg = {.service_name = "refserver-test", .service_version = "9.8.7",
                       .scope_name = "test.scope", .scope_version = "1.2.3",
                       .schedule_delay_ms = 600000};
    lb_err err;
    otel_tracer *t = otel_tracer_new_with_sink(&cfg, &c->base, &err);
    assert_non_null(t);

    otel_span req, db, row, bcrypt;
    otel_span_start(t, &req, "GET /api/v1/logs", NULL, OTEL_KIND_SERVER);
    otel_span_set_str(&req, "http.method", "GET");
    otel_span_set_int(&req, "http.status_code", 200);
    otel_span_set_int(&req, "negative", -42);
    otel_span_set_str(&req, "bad.utf8", "caf\xc3");
    otel_span_start(t, &db, "db.query", otel_span_context(&req), OTEL_KIND_CLIENT);
    otel_span_set_status(&db, OTEL_STATUS_ERROR, "SQLITE_BUSY");
    otel_span_start(t, &row, "db.row", otel_span_context(&db), OTEL_KIND_INTERNAL);
    for (int i = 0; i < OTEL_SPAN_MAX_ATTRS + 3; i++)
        otel_span_set_int(&row, "n", i);
    otel_span_end(t, &row);
    otel_span_end(t, &db);
    otel_span_start(t, &bcrypt, "bcrypt.verify", otel_span_context(&req), OTEL_KIND_INTERNAL);
    otel_span_set_status(&bcrypt, OTEL_STATUS_OK, "ignored for OK");
    otel_span_end(t, &bcrypt);
    otel_span_end(t, &req);
    otel_tracer_free(t);

    assert_int_equal(c->destroyed, 1);
    assert_int_equal(c->nbatches, 1);
    assert_int_equal(c->sizes[0], 4);
    json_error_t jerr;
    json_t *doc = json_loads(c->bodies[0], 0, &jerr);
    if (!doc)
        fail_msg("batch is not JSON: %s: %s", jerr.text, c->bodies[0]);
    *out_sink = c;
    return doc;
}

static void test_resource_and_scope(void **state)
{
    (void)state;
    capture_sink *c;
    json_t *doc = make_trace(&c);
    json_t *rs = json_object_get(doc, "resourceSpans");
    assert_true(json_is_array(rs));
    assert_int_equal(json_array_size(rs), 1);
    json_t *r0 = json_array_get(rs, 0);
    json_t *attrs = json_object_get(json_object_get(r0, "resource"), "attributes");
    assert_int_equal(json_array_size(attrs), 2);
    assert_string_equal(str_of(json_array_get(attrs, 0), "key"), "service.name");
    assert_string_equal(str_of(json_object_get(json_array_get(attrs, 0), "value"), "stringValue"),
                        "refserver-test");
    assert_string_equal(str_of(json_array_get(attrs, 1), "key"), "service.version");
    assert_string_equal(str_of(json_object_get(json_array_get(attrs, 1), "value"), "stringValue"),
                        "9.8.7");
    json_t *ss = json_object_get(r0, "scopeSpans");
    assert_int_equal(json_array_size(ss), 1);
    json_t *scope = json_object_get(json_array_get(ss, 0), "scope");
    assert_string_equal(str_of(scope, "name"), "test.scope");
    assert_string_equal(str_of(scope, "version"), "1.2.3");
    assert_int_equal(json_array_size(json_object_get(json_array_get(ss, 0), "spans")), 4);
    json_decref(doc);
    capture_free(c);
}

static json_t *spans_of(json_t *doc)
{
    json_t *ss = json_object_get(json_array_get(json_object_get(doc, "resourceSpans"), 0),
                                 "scopeSpans");
    return json_object_get(json_array_get(ss, 0), "spans");
}

static void test_ids_and_parent_links(void **state)
{
    (void)state;
    capture_sink *c;
    json_t *doc = make_trace(&c);
    json_t *spans = spans_of(doc);
    json_t *req = find_span(spans, "GET /api/v1/logs");
    json_t *db = find_span(spans, "db.query");
    json_t *row = find_span(spans, "db.row");
    json_t *bc = find_span(spans, "bcrypt.verify");
    const char *tid = str_of(req, "traceId");
    assert_true(is_lower_hex(tid, 32));
    size_t i;
    json_t *s;
    json_array_foreach(spans, i, s)
    {
        assert_string_equal(str_of(s, "traceId"), tid);
        assert_true(is_lower_hex(str_of(s, "spanId"), 16));
        for (size_t j = i + 1; j < json_array_size(spans); j++)
            assert_string_not_equal(str_of(s, "spanId"), str_of(json_array_get(spans, j), "spanId"));
    }
    assert_null(json_object_get(req, "parentSpanId")); /* a root has none */
    assert_string_equal(str_of(db, "parentSpanId"), str_of(req, "spanId"));
    assert_string_equal(str_of(row, "parentSpanId"), str_of(db, "spanId"));
    assert_string_equal(str_of(bc, "parentSpanId"), str_of(req, "spanId"));
    assert_int_equal(json_integer_value(json_object_get(req, "kind")), 2);
    assert_int_equal(json_integer_value(json_object_get(db, "kind")), 3);
    assert_int_equal(json_integer_value(json_object_get(row, "kind")), 1);
    json_decref(doc);
    capture_free(c);
}

static void test_timestamps(void **state)
{
    (void)state;
    capture_sink *c;
    json_t *doc = make_trace(&c);
    json_t *spans = spans_of(doc);
    size_t i;
    json_t *s;
    json_array_foreach(spans, i, s)
    {
        uint64_t st = u64_field(s, "startTimeUnixNano"), en = u64_field(s, "endTimeUnixNano");
        assert_true(st <= en);
        assert_true(st > 1600000000ull * 1000000000ull); /* a wall clock, in ns */
    }
    json_t *req = find_span(spans, "GET /api/v1/logs");
    json_t *db = find_span(spans, "db.query");
    json_t *row = find_span(spans, "db.row");
    /* Children nest inside their parents in time. */
    assert_true(u64_field(db, "startTimeUnixNano") >= u64_field(req, "startTimeUnixNano"));
    assert_true(u64_field(db, "endTimeUnixNano") <= u64_field(req, "endTimeUnixNano"));
    assert_true(u64_field(row, "startTimeUnixNano") >= u64_field(db, "startTimeUnixNano"));
    assert_true(u64_field(row, "endTimeUnixNano") <= u64_field(db, "endTimeUnixNano"));
    json_decref(doc);
    capture_free(c);
}

static void test_attributes_and_status(void **state)
{
    (void)state;
    capture_sink *c;
    json_t *doc = make_trace(&c);
    json_t *spans = spans_of(doc);
    json_t *req = find_span(spans, "GET /api/v1/logs");
    assert_string_equal(str_of(attr_value(req, "http.method"), "stringValue"), "GET");
    /* 64-bit integers travel as decimal strings in OTLP JSON. */
    assert_string_equal(str_of(attr_value(req, "http.status_code"), "intValue"), "200");
    assert_string_equal(str_of(attr_value(req, "negative"), "intValue"), "-42");
    assert_string_equal(str_of(attr_value(req, "bad.utf8"), "stringValue"), "caf?");
    assert_int_equal(json_object_size(json_object_get(req, "status")), 0); /* unset */
    assert_null(json_object_get(req, "droppedAttributesCount"));

    json_t *db = find_span(spans, "db.query");
    json_t *st = json_object_get(db, "status");
    assert_int_equal(json_integer_value(json_object_get(st, "code")), 2);
    assert_string_equal(str_of(st, "message"), "SQLITE_BUSY");
    json_t *bc = find_span(spans, "bcrypt.verify");
    st = json_object_get(bc, "status");
    assert_int_equal(json_integer_value(json_object_get(st, "code")), 1);
    assert_null(json_object_get(st, "message"));

    json_t *row = find_span(spans, "db.row");
    assert_int_equal(json_array_size(json_object_get(row, "attributes")), OTEL_SPAN_MAX_ATTRS);
    assert_int_equal(json_integer_value(json_object_get(row, "droppedAttributesCount")), 3);
    json_decref(doc);
    capture_free(c);
}

static void test_explicit_start_and_end_times(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    otel_config cfg = {.schedule_delay_ms = 600000};
    lb_err err;
    otel_tracer *t = otel_tracer_new_with_sink(&cfg, &c->base, &err);
    assert_non_null(t);
    struct timespec w, m;
    clock_gettime(CLOCK_REALTIME, &w);
    clock_gettime(CLOCK_MONOTONIC, &m);
    uint64_t wall = (uint64_t)w.tv_sec * 1000000000ull + (uint64_t)w.tv_nsec;
    uint64_t mono = (uint64_t)m.tv_sec * 1000000000ull + (uint64_t)m.tv_nsec;
    otel_span a, b, f;
    /* Began 5 ms before now (the first byte), ended 2 ms after its start. */
    otel_span_start_at(t, &a, "at", NULL, OTEL_KIND_SERVER, mono - 5000000);
    otel_span_end_at(t, &a, mono - 3000000);
    /* An end before the start is clamped to the start. */
    otel_span_start_at(t, &b, "clamped", NULL, OTEL_KIND_SERVER, mono - 1000000);
    otel_span_end_at(t, &b, mono - 9000000);
    /* A start in the future means now. */
    otel_span_start_at(t, &f, "future", NULL, OTEL_KIND_SERVER, mono + 3600000000000ull);
    otel_span_end(t, &f);
    otel_tracer_free(t);
    json_t *doc = json_loads(c->bodies[0], 0, NULL);
    assert_non_null(doc);
    json_t *spans = spans_of(doc);
    json_t *sa = find_span(spans, "at");
    uint64_t st = u64_field(sa, "startTimeUnixNano");
    assert_int_equal(u64_field(sa, "endTimeUnixNano") - st, 2000000);
    /* The wall start is 5 ms before `wall`, give or take the clock reads
     * between here and there (a generous second). */
    uint64_t want = wall - 5000000;
    assert_true(st + 1000000000ull > want && st < want + 1000000000ull);
    json_t *sb = find_span(spans, "clamped");
    assert_int_equal(u64_field(sb, "endTimeUnixNano"), u64_field(sb, "startTimeUnixNano"));
    json_t *sf = find_span(spans, "future");
    assert_true(u64_field(sf, "startTimeUnixNano") < wall + 1000000000ull);
    json_decref(doc);
    capture_free(c);
}

static void test_truncation_keeps_utf8(void **state)
{
    (void)state;
    capture_sink *c = capture_new();
    lb_err err;
    otel_config cfg = {.schedule_delay_ms = 600000};
    otel_tracer *t = otel_tracer_new_with_sink(&cfg, &c->base, &err);
    assert_non_null(t);
    /* 200 two-byte characters: the cut must fall between characters. */
    char longv[401];
    for (int i = 0; i < 200; i++)
        memcpy(longv + 2 * i, "\xc3\xa9", 2);
    longv[400] = '\0';
    otel_span s;
    otel_span_start(t, &s, longv, NULL, OTEL_KIND_INTERNAL);
    otel_span_set_str(&s, "v", longv);
    otel_span_end(t, &s);
    otel_tracer_free(t);
    assert_int_equal(c->nbatches, 1);
    json_t *doc = json_loads(c->bodies[0], 0, NULL);
    assert_non_null(doc);
    json_t *sp = json_array_get(spans_of(doc), 0);
    const char *name = str_of(sp, "name");
    assert_int_equal(strlen(name), OTEL_SPAN_NAME_MAX - 2); /* 63 rounds down to 62 */
    assert_int_equal(strncmp(name, longv, strlen(name)), 0);
    const char *v = str_of(attr_value(sp, "v"), "stringValue");
    assert_int_equal(strlen(v), OTEL_ATTR_STR_MAX - 2);
    json_decref(doc);
    capture_free(c);
}

/* One span whose attributes are given by hand, encoded and parsed back. */
static json_t *encode_one(const otel_span *s, char **body_out)
{
    otel_resource res = {"svc \"quoted\"", "1", "sc", "2"};
    lb_err err;
    size_t len = 0;
    const otel_span *one[1] = {s};
    char *body = otel_json_encode(&res, one, 1, &len, &err);
    assert_non_null(body);
    assert_int_equal(len, strlen(body));
    json_error_t jerr;
    json_t *doc = json_loads(body, 0, &jerr);
    if (!doc)
        fail_msg("not JSON (%s): %s", jerr.text, body);
    *body_out = body;
    return doc;
}

static void test_string_escaping(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"quote\" back\\slash", "quote\" back\\slash"},
        {"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
        {"ctl\x01\x1f\x7f", "ctl\x01\x1f\x7f"},
        {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"},
        {"overlong \xc0\x80", "overlong ??"},
        {"surrogate \xed\xa0\x80", "surrogate ???"},
        {"too big \xf4\x90\x80\x80", "too big ????"},
        {"not utf8 \xf5\xff", "not utf8 ??"},
        {"cut \xe2\x82", "cut ??"},
        {"lone \x80 cont", "lone ? cont"},
    };
    enum { N = sizeof cases / sizeof cases[0] };
    static otel_span s; /* a big struct: off the stack */
    memset(&s, 0, sizeof s);
    for (size_t base = 0; base < N; base += OTEL_SPAN_MAX_ATTRS) {
        s.n_attrs = 0;
        for (size_t i = base; i < N && s.n_attrs < OTEL_SPAN_MAX_ATTRS; i++) {
            otel_attr *a = &s.attrs[s.n_attrs++];
            snprintf(a->key, sizeof a->key, "k%zu", i);
            a->type = OTEL_ATTR_STRING;
            strcpy(a->sval, cases[i].in);
        }
        strcpy(s.name, "n\"\\");
        char *body;
        json_t *doc = encode_one(&s, &body);
        json_t *sp = json_array_get(spans_of(doc), 0);
        assert_string_equal(str_of(sp, "name"), "n\"\\");
        for (size_t i = base; i < N && i < base + OTEL_SPAN_MAX_ATTRS; i++) {
            char key[16];
            snprintf(key, sizeof key, "k%zu", i);
            json_t *v = attr_value(sp, key);
            assert_non_null(v);
            const char *got = str_of(v, "stringValue");
            if (strcmp(got, cases[i].out) != 0)
                fail_msg("case %zu: got \"%s\", want \"%s\"", i, got, cases[i].out);
        }
        json_t *rattrs = json_object_get(
            json_object_get(json_array_get(json_object_get(doc, "resourceSpans"), 0), "resource"),
            "attributes");
        assert_string_equal(str_of(json_object_get(json_array_get(rattrs, 0), "value"),
                                   "stringValue"), "svc \"quoted\"");
        json_decref(doc);
        free(body);
    }
}

static void test_integer_extremes(void **state)
{
    (void)state;
    static const int64_t vals[] = {0, 1, -1, 9, 10, INT64_MAX, INT64_MIN, -1234567890123LL};
    static const char *const want[] = {"0", "1", "-1", "9", "10", "9223372036854775807",
                                       "-9223372036854775808", "-1234567890123"};
    static otel_span s;
    memset(&s, 0, sizeof s);
    strcpy(s.name, "ints");
    s.start_unix_ns = 0;
    s.end_unix_ns = UINT64_MAX;
    s.n_attrs = 8;
    for (int i = 0; i < 8; i++) {
        snprintf(s.attrs[i].key, sizeof s.attrs[i].key, "i%d", i);
        s.attrs[i].type = OTEL_ATTR_INT;
        s.attrs[i].ival = vals[i];
    }
    char *body;
    json_t *doc = encode_one(&s, &body);
    json_t *sp = json_array_get(spans_of(doc), 0);
    for (int i = 0; i < 8; i++) {
        char key[8];
        snprintf(key, sizeof key, "i%d", i);
        assert_string_equal(str_of(attr_value(sp, key), "intValue"), want[i]);
    }
    assert_string_equal(str_of(sp, "startTimeUnixNano"), "0");
    assert_string_equal(str_of(sp, "endTimeUnixNano"), "18446744073709551615");
    json_decref(doc);
    free(body);
}

static void test_big_batch_grows_buffer(void **state)
{
    (void)state;
    enum { N = 600 };
    otel_span *spans = calloc(N, sizeof *spans);
    const otel_span **ptrs = calloc(N, sizeof *ptrs);
    assert_non_null(spans);
    assert_non_null(ptrs);
    for (int i = 0; i < N; i++) {
        snprintf(spans[i].name, sizeof spans[i].name, "span-%d", i);
        spans[i].n_attrs = OTEL_SPAN_MAX_ATTRS;
        for (int k = 0; k < OTEL_SPAN_MAX_ATTRS; k++) {
            snprintf(spans[i].attrs[k].key, OTEL_ATTR_KEY_MAX, "key-%d", k);
            memset(spans[i].attrs[k].sval, 'x', OTEL_ATTR_STR_MAX - 1);
        }
        ptrs[i] = &spans[i];
    }
    otel_resource res = {"s", "1", "sc", "2"};
    lb_err err;
    size_t len;
    char *body = otel_json_encode(&res, ptrs, N, &len, &err);
    assert_non_null(body);
    assert_true(len > (size_t)N * OTEL_SPAN_MAX_ATTRS * (OTEL_ATTR_STR_MAX - 1));
    json_t *doc = json_loads(body, 0, NULL);
    assert_non_null(doc);
    json_t *arr = spans_of(doc);
    assert_int_equal(json_array_size(arr), N);
    assert_string_equal(str_of(json_array_get(arr, N - 1), "name"), "span-599");
    json_decref(doc);
    free(body);
    free(ptrs);
    free(spans);
}

static void test_encode_empty_batch(void **state)
{
    (void)state;
    otel_resource res = {"s", "1", "sc", "2"};
    lb_err err;
    size_t len = 0;
    char *body = otel_json_encode(&res, NULL, 0, &len, &err);
    assert_non_null(body);
    assert_int_equal(len, strlen(body));
    json_t *doc = json_loads(body, 0, NULL);
    assert_non_null(doc);
    assert_int_equal(json_array_size(spans_of(doc)), 0);
    assert_true(json_is_array(spans_of(doc)));
    json_decref(doc);
    free(body);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resource_and_scope),
        cmocka_unit_test(test_ids_and_parent_links),
        cmocka_unit_test(test_timestamps),
        cmocka_unit_test(test_attributes_and_status),
        cmocka_unit_test(test_explicit_start_and_end_times),
        cmocka_unit_test(test_truncation_keeps_utf8),
        cmocka_unit_test(test_string_escaping),
        cmocka_unit_test(test_integer_extremes),
        cmocka_unit_test(test_big_batch_grows_buffer),
        cmocka_unit_test(test_encode_empty_batch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
