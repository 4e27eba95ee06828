/* test_worker_msg.c — the --worker codec against locust-format.md §6:
 * messages are [type, data, node_id]; stats entries carry exactly Locust's
 * keys in its order, with int bucket keys below 100 ms and floats above;
 * what a master sends is decoded with every field checked, and hostile
 * bytes (huge container claims, deep nesting, NUL bytes, wrong types) are
 * refused without allocating for them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "worker_msg.h"

static const char *ID = "vm_0123456789abcdef0123456789abcdef";

/* Unpack b into up; assert [type, data, ID]; return data. */
static const msgpack_object *unpack(msgpack_unpacked *up, const msgpack_sbuffer *b,
                                    const char *type)
{
    size_t off = 0;
    msgpack_unpacked_init(up);
    assert_int_equal(msgpack_unpack_next(up, b->data, b->size, &off), MSGPACK_UNPACK_SUCCESS);
    assert_int_equal(off, b->size);
    const msgpack_object *o = &up->data;
    assert_int_equal(o->type, MSGPACK_OBJECT_ARRAY);
    assert_int_equal(o->via.array.size, 3);
    const msgpack_object *t = &o->via.array.ptr[0], *id = &o->via.array.ptr[2];
    assert_int_equal(t->type, MSGPACK_OBJECT_STR);     /* str family, never bin (§6.2) */
    assert_int_equal(t->via.str.size, strlen(type));
    assert_memory_equal(t->via.str.ptr, type, strlen(type));
    assert_int_equal(id->type, MSGPACK_OBJECT_STR);
    assert_memory_equal(id->via.str.ptr, ID, strlen(ID));
    return &o->via.array.ptr[1];
}

static const msgpack_object *get(const msgpack_object *map, const char *key)
{
    assert_int_equal(map->type, MSGPACK_OBJECT_MAP);
    for (size_t i = 0; i < map->via.map.size; i++) {
        const msgpack_object *k = &map->via.map.ptr[i].key;
        if (k->type == MSGPACK_OBJECT_STR && k->via.str.size == strlen(key) &&
            !memcmp(k->via.str.ptr, key, k->via.str.size))
            return &map->via.map.ptr[i].val;
    }
    fail_msg("no key %s", key);
    return NULL;
}

static void test_client_ready_never_empty(void **state)
{
    (void)state;
    msgpack_sbuffer b;
    msgpack_sbuffer_init(&b);
    msgpack_unpacked up;
    assert_int_equal(wmsg_client_ready(&b, ID, ""), 0);
    const msgpack_object *d = unpack(&up, &b, "client_ready");
    assert_int_equal(d->type, MSGPACK_OBJECT_STR);
    assert_true(d->via.str.size > 0);   /* an empty version is refused by the master */
    msgpack_unpacked_destroy(&up);
    assert_int_equal(wmsg_heartbeat(&b, ID, "running", 12.5, 4096), 0);
    d = unpack(&up, &b, "heartbeat");
    assert_memory_equal(get(d, "state")->via.str.ptr, "running", 7);
    assert_true(get(d, "current_cpu_usage")->via.f64 == 12.5);
    assert_int_equal(get(d, "current_memory_usage")->via.u64, 4096);
    msgpack_unpacked_destroy(&up);
    assert_int_equal(wmsg_nil(&b, "client_stopped", ID), 0);
    d = unpack(&up, &b, "client_stopped");
    assert_int_equal(d->type, MSGPACK_OBJECT_NIL);
    msgpack_unpacked_destroy(&up);
    msgpack_sbuffer_destroy(&b);
}

static void test_stats_shape(void **state)
{
    (void)state;
    static const char *const keys[] = {
        "name", "method", "last_request_timestamp", "start_time", "num_requests",
        "num_none_requests", "num_failures", "total_response_time", "max_response_time",
        "min_response_time", "total_content_length", "response_times", "num_reqs_per_sec",
        "num_fail_per_sec"};
    stats_set *s = stats_set_new(1000.0, false);
    stats_entry *e = stats_set_entry(s, "GET", "/a");
    stats_set_entry(s, "GET", "/unused");              /* no requests: not reported */
    stats_set_record(s, e, 1001.5, 12.25, 100, false, NULL);
    stats_set_record(s, e, 1002.5, 155.0, 50, true, "HTTPError('503 Server Error')");
    wmsg_class cls = {"decnet", 7};
    msgpack_sbuffer b;
    msgpack_sbuffer_init(&b);
    assert_int_equal(wmsg_stats(&b, ID, s, &cls, 1, 7), 0);
    msgpack_unpacked up;
    const msgpack_object *d = unpack(&up, &b, "stats");
    const msgpack_object *list = get(d, "stats");
    assert_int_equal(list->type, MSGPACK_OBJECT_ARRAY);
    assert_int_equal(list->via.array.size, 1);
    const msgpack_object *en = &list->via.array.ptr[0];
    assert_int_equal(en->via.map.size, 14);
    for (size_t i = 0; i < 14; i++)                    /* Locust's keys, in its order */
        assert_memory_equal(en->via.map.ptr[i].key.via.str.ptr, keys[i], strlen(keys[i]));
    assert_int_equal(get(en, "num_requests")->via.u64, 2);
    assert_int_equal(get(en, "num_failures")->via.u64, 1);
    assert_true(get(en, "total_response_time")->via.f64 == 167.25);
    assert_true(get(en, "min_response_time")->via.f64 == 12.25);
    assert_int_equal(get(en, "total_content_length")->via.u64, 150);
    const msgpack_object *rt = get(en, "response_times");
    assert_int_equal(rt->via.map.size, 2);
    /* 12 ms: int key; 155 ms -> 160.0: a float key, as 2.12.1 sends it */
    assert_int_equal(rt->via.map.ptr[0].key.type, MSGPACK_OBJECT_POSITIVE_INTEGER);
    assert_int_equal(rt->via.map.ptr[0].key.via.u64, 12);
    assert_int_equal(rt->via.map.ptr[1].key.type, MSGPACK_OBJECT_FLOAT64);
    assert_true(rt->via.map.ptr[1].key.via.f64 == 160.0);
    assert_int_equal(get(en, "num_reqs_per_sec")->via.map.size, 2);
    assert_int_equal(get(en, "num_fail_per_sec")->via.map.size, 1);
    const msgpack_object *tot = get(d, "stats_total");
    assert_memory_equal(get(tot, "name")->via.str.ptr, "Aggregated", 10);
    assert_int_equal(get(tot, "num_requests")->via.u64, 2);
    const msgpack_object *errs = get(d, "errors");
    assert_int_equal(errs->via.map.size, 1);
    const msgpack_object *er = &errs->via.map.ptr[0].val;
    /* the key is length-prefixed: "GET" "/a" and the error, unambiguous */
    const msgpack_object *ek = &errs->via.map.ptr[0].key;
    assert_memory_equal(ek->via.str.ptr, "3:GET2:/aHTTPError('503", 22);
    assert_int_equal(get(er, "occurrences")->via.u64, 1);
    /* the standalone text: the master repr()s it once more, as for Python */
    assert_memory_equal(get(er, "error")->via.str.ptr, "HTTPError('503", 14);
    const msgpack_object *ucc = get(d, "user_classes_count");
    assert_int_equal(ucc->via.map.size, 1);
    assert_int_equal(ucc->via.map.ptr[0].val.via.u64, 7);
    msgpack_unpacked_destroy(&up);
    msgpack_sbuffer_destroy(&b);
    stats_set_free(s);
}

/* Pack a master's spawn message the way pyzmq/msgpack would. */
static void pack_spawn(msgpack_sbuffer *b, const char *cls, size_t clen, long n, bool host_nil)
{
    msgpack_packer pk;
    msgpack_sbuffer_clear(b);
    msgpack_packer_init(&pk, b, msgpack_sbuffer_write);
    msgpack_pack_array(&pk, 3);
    msgpack_pack_str_with_body(&pk, "spawn", 5);
    msgpack_pack_map(&pk, 5);
    msgpack_pack_str_with_body(&pk, "timestamp", 9);
    msgpack_pack_double(&pk, 1765000000.25);
    msgpack_pack_str_with_body(&pk, "user_classes_count", 18);
    msgpack_pack_map(&pk, 1);
    msgpack_pack_str_with_body(&pk, cls, clen);
    msgpack_pack_int64(&pk, n);
    msgpack_pack_str_with_body(&pk, "host", 4);
    if (host_nil)
        msgpack_pack_nil(&pk);
    else
        msgpack_pack_str_with_body(&pk, "http://127.0.0.1:9", 18);
    msgpack_pack_str_with_body(&pk, "stop_timeout", 12);
    msgpack_pack_nil(&pk);
    msgpack_pack_str_with_body(&pk, "parsed_options", 14);
    msgpack_pack_map(&pk, 1);
    msgpack_pack_str_with_body(&pk, "users", 5);
    msgpack_pack_int64(&pk, 100);
    msgpack_pack_str_with_body(&pk, ID, strlen(ID));
}

static void test_decode_spawn(void **state)
{
    (void)state;
    msgpack_sbuffer b;
    msgpack_sbuffer_init(&b);
    pack_spawn(&b, "decnet", 6, 250, false);
    wmsg_in m;
    lb_err err;
    assert_int_equal(wmsg_decode(b.data, b.size, &m, &err), 0);
    assert_string_equal(m.type, "spawn");
    assert_string_equal(m.node_id, ID);
    assert_true(m.has_timestamp && m.timestamp == 1765000000.25);
    assert_int_equal(m.nclasses, 1);
    assert_string_equal(m.classes[0].name, "decnet");
    assert_int_equal(m.classes[0].count, 250);
    assert_string_equal(m.host, "http://127.0.0.1:9");
    assert_false(m.has_stop_timeout);
    wmsg_in_free(&m);
    pack_spawn(&b, "decnet", 6, -1, true);                /* a negative count */
    assert_int_equal(wmsg_decode(b.data, b.size, &m, &err), -1);
    assert_non_null(strstr(err.msg, "user_classes_count"));
    pack_spawn(&b, "dec\0net", 7, 1, true);               /* NUL inside a class name */
    assert_int_equal(wmsg_decode(b.data, b.size, &m, &err), -1);
    msgpack_sbuffer_destroy(&b);
}

static void test_decode_ack_and_garbage(void **state)
{
    (void)state;
    wmsg_in m;
    lb_err err;
    /* the captured ack of §6.2: ["ack", {"index": 0}, node id] */
    static const unsigned char ack[] = {0x93, 0xa3, 'a', 'c', 'k', 0x81, 0xa5, 'i', 'n', 'd',
                                        'e', 'x', 0x00, 0xa2, 'v', 'm'};
    assert_int_equal(wmsg_decode(ack, sizeof ack, &m, &err), 0);
    assert_true(m.has_index);
    assert_int_equal(m.index, 0);
    wmsg_in_free(&m);
    /* an ack without an index is no Locust 2.x master */
    static const unsigned char ack1[] = {0x93, 0xa3, 'a', 'c', 'k', 0xc0, 0xc0};
    assert_int_equal(wmsg_decode(ack1, sizeof ack1, &m, &err), -1);
    /* array32 claiming 2^32-1 elements in 5 bytes: refused before msgpack-c
     * would try to allocate 96 GB for it */
    static const unsigned char huge[] = {0xdd, 0xff, 0xff, 0xff, 0xff};
    assert_int_equal(wmsg_decode(huge, sizeof huge, &m, &err), -1);
    static const unsigned char hugemap[] = {0x93, 0xa5, 's', 'p', 'a', 'w', 'n', 0xdf, 0x7f,
                                            0xff, 0xff, 0xff, 0xc0};
    assert_int_equal(wmsg_decode(hugemap, sizeof hugemap, &m, &err), -1);
    /* nesting deeper than the guard's limit */
    unsigned char deep[64];
    memset(deep, 0x91, sizeof deep);
    deep[63] = 0xc0;
    assert_int_equal(wmsg_decode(deep, sizeof deep, &m, &err), -1);
    /* truncated, trailing bytes, the never-used 0xc1, wrong shapes */
    static const unsigned char trunc[] = {0x93, 0xa3, 'a', 'c'};
    static const unsigned char trail[] = {0x93, 0xa4, 's', 't', 'o', 'p', 0xc0, 0xc0, 0x00};
    static const unsigned char c1[] = {0xc1};
    static const unsigned char two[] = {0x92, 0xa4, 's', 't', 'o', 'p', 0xc0};
    static const unsigned char inttype[] = {0x93, 0x01, 0xc0, 0xc0};
    assert_int_equal(wmsg_decode(trunc, sizeof trunc, &m, &err), -1);
    assert_int_equal(wmsg_decode(trail, sizeof trail, &m, &err), -1);
    assert_int_equal(wmsg_decode(c1, sizeof c1, &m, &err), -1);
    assert_int_equal(wmsg_decode(two, sizeof two, &m, &err), -1);
    assert_int_equal(wmsg_decode(inttype, sizeof inttype, &m, &err), -1);
    /* empty strings everywhere (msgpack-c hands them over as NULL pointers;
     * fuzz_worker_msg's first finding) */
    static const unsigned char empties[] = {0x93, 0xa0, 0xa0, 0xa0};
    assert_int_equal(wmsg_decode(empties, sizeof empties, &m, &err), 0);
    assert_string_equal(m.type, "");
    wmsg_in_free(&m);
    /* keys given twice: the last counts (as in Python's dict), nothing leaks
     * (fuzz_worker_msg's second finding) */
    static const unsigned char twice[] = {
        0x93, 0xa5, 's', 'p', 'a', 'w', 'n', 0x84,
        0xa4, 'h', 'o', 's', 't', 0xa1, 'a',
        0xa4, 'h', 'o', 's', 't', 0xa1, 'b',
        0xb2, 'u', 's', 'e', 'r', '_', 'c', 'l', 'a', 's', 's', 'e', 's', '_', 'c', 'o', 'u', 'n',
        't', 0x81, 0xa1, 'x', 0x01,
        0xb2, 'u', 's', 'e', 'r', '_', 'c', 'l', 'a', 's', 's', 'e', 's', '_', 'c', 'o', 'u', 'n',
        't', 0x81, 0xa1, 'y', 0x02,
        0xc0};
    assert_int_equal(wmsg_decode(twice, sizeof twice, &m, &err), 0);
    assert_string_equal(m.host, "b");
    assert_int_equal(m.nclasses, 1);
    assert_string_equal(m.classes[0].name, "y");
    assert_int_equal(m.classes[0].count, 2);
    wmsg_in_free(&m);
    /* a plain stop decodes; its nil data is fine */
    static const unsigned char stop[] = {0x93, 0xa4, 's', 't', 'o', 'p', 0xc0, 0xc0};
    assert_int_equal(wmsg_decode(stop, sizeof stop, &m, &err), 0);
    assert_string_equal(m.type, "stop");
    assert_null(m.node_id);
    wmsg_in_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_client_ready_never_empty),
        cmocka_unit_test(test_stats_shape),
        cmocka_unit_test(test_decode_spawn),
        cmocka_unit_test(test_decode_ack_and_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
