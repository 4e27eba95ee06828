/* test_store.c — JSON shapes built by the store from both datasets: key order
 * as the spec writes them, types (fields as a JSON string, payload as an
 * object, behaviour arrays), pages, counts and the histogram; the paged-list
 * helper the three list endpoints share (hx_list_reply: envelope, total
 * cache, body cache); the default dataset's seeded values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "api/ctx.h"
#include "store/dataset.h"
#include "api/hutil.h"
#include "options.h"
#include "store/store.h"

typedef struct fixture {
    char path[64];
    rs_db *db;
    rs_config cfg;
} fixture;

/* A fresh database seeded as refserver with options argv would seed it. */
static int open_with(void **state, int argc, char **argv)
{
    fixture *f = calloc(1, sizeof *f);
    lb_err err;
    if (options_parse(&f->cfg, argc, argv, stdout, &err))
        return -1;
    strcpy(f->path, "/tmp/rs-store-test.XXXXXX");
    int fd = mkstemp(f->path);
    close(fd);
    f->db = db_open(f->path, RS_DB_POOLED, &err);
    if (!f->db || store_schema(f->db, &err) || dataset_seed(f->db, &f->cfg, false, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int open_seeded(void **state, const char *dataset)
{
    char *argv[] = {"refserver", "--dataset", (char *)dataset, "--dataset-logs", "400",
                    "--dataset-attackers", "40", "--dataset-bounty", "30", NULL};
    return open_with(state, 9, argv);
}

/* The default dataset's log rows: --dataset-logs honeypot events (checked
 * here), plus a sniffer SYN fingerprint per attacker and the scripted
 * attackers' series (198.51.100.x). Returns the total. */
static long long default_logs(rs_db *db, long long honeypot)
{
    rs_stmt *st = db_stmt(db, "SELECT count(*), sum(service != 'sniffer' AND "
                               "attacker_ip NOT LIKE '198.51.100.%') FROM logs", NULL);
    assert_non_null(st);
    assert_int_equal(db_step(st), RS_STEP_ROW);
    long long n = db_col_int(st, 0);
    assert_int_equal(db_col_int(st, 1), honeypot);
    db_reset(st);
    return n;
}

static long long total_bounty(rs_db *db)
{
    rs_stmt *st = db_stmt(db, "SELECT count(*) FROM bounty", NULL);
    assert_non_null(st);
    assert_int_equal(db_step(st), RS_STEP_ROW);
    long long n = db_col_int(st, 0);
    db_reset(st);
    return n;
}

static int setup_default(void **state) { return open_seeded(state, "default"); }
static int setup_decnet(void **state) { return open_seeded(state, "decnet-2026-04"); }

static int teardown(void **state)
{
    fixture *f = *state;
    db_close(f->db);
    char p[96];
    unlink(f->path);
    snprintf(p, sizeof p, "%s-wal", f->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", f->path);
    unlink(p);
    free(f);
    return 0;
}

/* The keys of a JSON object joined with ',' in their order. */
static void keys_of(const json_t *o, char *out, size_t cap)
{
    out[0] = '\0';
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)o, k, v) {
        if (out[0])
            strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, k, cap - strlen(out) - 1);
    }
}

static void test_decnet_profile_shapes(void **state)
{
    fixture *f = *state;
    lb_err err;
    json_t *stats = hx_stats(f->db, &err);
    char *s = json_dumps(stats, JSON_COMPACT);
    /* the profiles' /stats is 78 bytes: 2-digit logs, 1-digit attackers, no deckies */
    assert_int_equal(strlen(s), 78);
    assert_memory_equal(s, "{\"total_logs\":78,\"unique_attackers\":", 36);
    free(s);
    json_decref(stats);

    rs_where all = {0};
    lb_buf out = {0};
    assert_int_equal(store_logs_page(f->db, &(rs_page){.w = &all, .limit = 100}, &out, &err), 0);
    json_t *arr = json_loads(out.data, 0, NULL);
    assert_non_null(arr);
    lb_buf_free(&out);
    assert_int_equal(json_array_size(arr), 78);
    char keys[512];
    keys_of(json_array_get(arr, 0), keys, sizeof keys);
    assert_string_equal(keys, "id,timestamp,decky,service,event_type,attacker_ip,raw_line,"
                              "fields,msg,trace_id,span_id");
    json_t *row = json_array_get(arr, 0);
    assert_true(json_is_string(json_object_get(row, "fields")));
    assert_true(json_is_null(json_object_get(row, "trace_id")));
    /* ~485 B per row in the profiles: accept 450..520 */
    char *page = json_dumps(arr, JSON_COMPACT);
    size_t per_row = strlen(page) / 78;
    assert_in_range(per_row, 450, 520);
    free(page);
    json_decref(arr);

    rs_where w;
    long long n;
    assert_int_equal(where_logs(&w, "ssh", NULL, NULL), 0);
    assert_int_equal(store_logs_count(f->db, &w, &n, &err), 0);
    assert_int_equal(n, 4);
    where_free(&w);

    json_t *hist = hx_histogram(f->db, &all, 15, &err);
    assert_int_equal(json_array_size(hist), 3);
    keys_of(json_array_get(hist, 0), keys, sizeof keys);
    assert_string_equal(keys, "time,count");
    assert_string_equal(json_string_value(json_object_get(json_array_get(hist, 0), "time")),
                        "2026-04-17 20:15:00");
    json_decref(hist);

    assert_int_equal(store_attackers_count(f->db, &all, &n, &err), 0);
    assert_int_equal(n, 0);
    assert_int_equal(store_bounty_count(f->db, &all, &n, &err), 0);
    assert_int_equal(n, 0);
}

static void test_default_attackers_and_bounty(void **state)
{
    fixture *f = *state;
    lb_err err;
    rs_where w;
    long long n;
    assert_int_equal(store_attackers_where(&w, NULL, NULL), 0);
    assert_int_equal(store_attackers_count(f->db, &w, &n, &err), 0);
    assert_in_range(n, 2, 40 + 6);   /* up to 40 random IPs, plus 40/20+4 scripted */
    lb_buf out = {0};
    rs_page active = {.w = &w, .limit = 10, .sort = RS_SORT_ACTIVE};
    rs_page active_n1 = {.w = &w, .limit = 10, .sort = RS_SORT_ACTIVE, .n_plus_one = true};
    assert_int_equal(store_attackers_page(f->db, &active, &out, &err), 0);
    json_t *arr = json_loads(out.data, 0, NULL);
    assert_non_null(arr);
    lb_buf_free(&out);
    assert_int_equal(json_array_size(arr), n < 10 ? n : 10);
    char keys[512];
    json_t *a = json_array_get(arr, 0);
    keys_of(a, keys, sizeof keys);
    assert_string_equal(keys, "uuid,ip,first_seen,last_seen,event_count,service_count,"
                              "decky_count,services,deckies,traversal_path,is_traversal,"
                              "bounty_count,credential_count,fingerprints,commands,updated_at,"
                              "behavior");
    assert_true(json_is_array(json_object_get(a, "services")));
    assert_true(json_is_array(json_object_get(a, "commands")));
    assert_true(json_is_boolean(json_object_get(a, "is_traversal")));
    json_t *b = json_object_get(a, "behavior");
    assert_true(json_is_object(b));
    keys_of(b, keys, sizeof keys);
    assert_string_equal(keys, "attacker_uuid,os_guess,hop_distance,tcp_fingerprint,"
                              "retransmit_count,behavior_class,beacon_interval_s,"
                              "beacon_jitter_pct,tool_guesses,timing_stats,phase_sequence,"
                              "updated_at");
    assert_true(json_is_array(json_object_get(b, "tool_guesses")));
    assert_true(json_is_object(json_object_get(b, "tcp_fingerprint")));
    /* sorted by event_count descending */
    for (size_t i = 1; i < json_array_size(arr); i++)
        assert_true(json_integer_value(json_object_get(json_array_get(arr, i - 1), "event_count"))
                    >= json_integer_value(json_object_get(json_array_get(arr, i), "event_count")));
    /* the N+1 variant returns the same document */
    assert_int_equal(store_attackers_page(f->db, &active_n1, &out, &err), 0);
    json_t *arr2 = json_loads(out.data, 0, NULL);
    lb_buf_free(&out);
    assert_true(json_equal(arr, arr2));
    json_decref(arr2);
    /* detail by uuid */
    bool found = false;
    assert_int_equal(store_attacker_get(f->db, json_string_value(json_object_get(a, "uuid")),
                                        &out, &found, &err), 0);
    assert_true(found);
    json_t *one = json_loads(out.data, 0, NULL);
    lb_buf_free(&out);
    assert_true(json_equal(one, a));
    json_decref(one);
    assert_int_equal(store_attacker_get(f->db, "no-such-uuid", &out, &found, &err), 0);
    assert_false(found);
    json_decref(arr);
    where_free(&w);

    assert_int_equal(store_bounty_where(&w, "credential", NULL), 0);
    assert_int_equal(store_bounty_page(f->db, &(rs_page){.w = &w, .limit = 50}, &out, &err), 0);
    arr = json_loads(out.data, 0, NULL);
    lb_buf_free(&out);
    assert_true(json_array_size(arr) > 0);
    json_t *bo = json_array_get(arr, 0);
    keys_of(bo, keys, sizeof keys);
    assert_string_equal(keys, "id,timestamp,decky,service,attacker_ip,bounty_type,payload");
    assert_true(json_is_object(json_object_get(bo, "payload")));
    assert_true(json_is_string(json_object_get(json_object_get(bo, "payload"), "username")));
    json_decref(arr);
    where_free(&w);

    lb_buf deckies = {0};

    assert_int_equal(store_state_get(f->db, "deckies", &deckies, &found, &err), 0);
    assert_true(found);
    json_t *d = json_loads(deckies.data, 0, NULL);
    assert_int_equal(json_array_size(d), 6);
    keys_of(json_array_get(d, 0), keys, sizeof keys);
    assert_string_equal(keys, "name,ip,services,distro,base_image,build_base,hostname,archetype,"
                              "service_config,nmap_os,mutate_interval,last_mutated,"
                              "last_login_attempt");
    json_decref(d);
    lb_buf_free(&deckies);
}

static void test_seed_is_deterministic(void **state)
{
    fixture *f = *state;
    /* a second database from the same seed holds the same logs */
    fixture *g;
    assert_int_equal(setup_default((void **)&g), 0);
    lb_err err;
    rs_where all = {0};
    lb_buf ba = {0}, bb = {0};
    rs_page every = {.w = &all, .limit = 1000};
    assert_int_equal(store_logs_page(f->db, &every, &ba, &err), 0);
    assert_int_equal(store_logs_page(g->db, &every, &bb, &err), 0);
    json_t *a = json_loads(ba.data, 0, NULL), *b = json_loads(bb.data, 0, NULL);
    assert_string_equal(ba.data, bb.data);
    lb_buf_free(&ba);
    lb_buf_free(&bb);
    assert_int_equal(json_array_size(a), default_logs(f->db, 400));
    assert_true(json_equal(a, b));
    json_decref(a);
    json_decref(b);
    teardown((void **)&g);
}

/* Every list's page is the matching window of one bigger page. */
static void test_pages_are_windows(void **state)
{
    fixture *f = *state;
    lb_err err;
    rs_where all = {0};
    int (*const pages[])(rs_db *, const rs_page *, lb_buf *, lb_err *) = {
        store_logs_page, store_attackers_page, store_bounty_page};
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        lb_buf big = {0}, small = {0};
        assert_int_equal(pages[k](f->db, &(rs_page){.w = &all, .limit = 20}, &big, &err), 0);
        assert_int_equal(pages[k](f->db, &(rs_page){.w = &all, .limit = 3, .offset = 5}, &small,
                                  &err), 0);
        json_t *b = json_loads(big.data, 0, NULL), *sm = json_loads(small.data, 0, NULL);
        assert_int_equal(json_array_size(sm), 3);
        for (size_t i = 0; i < 3; i++)
            assert_true(json_equal(json_array_get(sm, i), json_array_get(b, 5 + i)));
        json_decref(b);
        json_decref(sm);
        lb_buf_free(&big);
        lb_buf_free(&small);
    }
}

/* A filter whose SQL does not fit is an error, never a cut query. */
static void test_filter_too_long(void **state)
{
    fixture *f = *state;
    lb_err err;
    rs_where w = {0};
    char cond[3000];
    memset(cond, ' ', sizeof cond - 2);
    cond[sizeof cond - 2] = '1';
    cond[sizeof cond - 1] = '\0';
    assert_int_equal(where_add(&w, cond, NULL), 0);
    long long n = -1;
    lb_buf out = {0};
    assert_int_equal(store_attackers_count(f->db, &w, &n, &err), -1);
    assert_string_equal(err.msg, "filter too long");
    assert_int_equal(store_bounty_count(f->db, &w, &n, &err), -1);
    assert_int_equal(store_logs_count(f->db, &w, &n, &err), -1);
    assert_int_equal(n, -1);
    rs_page p = {.w = &w, .limit = 5};
    assert_int_equal(store_attackers_page(f->db, &p, &out, &err), -1);
    assert_string_equal(err.msg, "filter too long");
    p.n_plus_one = true;
    assert_int_equal(store_attackers_page(f->db, &p, &out, &err), -1);
    assert_int_equal(store_bounty_page(f->db, &p, &out, &err), -1);
    assert_int_equal(store_logs_page(f->db, &p, &out, &err), -1);
    assert_int_equal(out.len, 0);
    where_free(&w);
}

/* One request as a handler sees it, on a worker with the fixture's database. */
typedef struct fake_req {
    rs_worker w;
    rs_request req;
    rs_reply rep;
    rs_ctx ctx;
} fake_req;

static void fake_init(fake_req *r, fixture *f)
{
    memset(r, 0, sizeof *r);
    r->w.cfg = &f->cfg;
    r->w.loop = ev_default_loop(0);
    r->w.db = f->db;
    r->w.db_slots_free = 1;
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_init(&r->w.cache[i], 3600, true);   /* fresh for the whole test */
    r->req.path = "/api/v1/test";
    r->ctx = (rs_ctx){.w = &r->w, .req = &r->req, .rep = &r->rep};
}

static void fake_reset(fake_req *r)
{
    lb_buf_free(&r->rep.body);
    r->rep = (rs_reply){0};
    r->req.phase = (rs_phase){0};
}

static void fake_free(fake_req *r)
{
    fake_reset(r);
    for (int i = 0; i < RS_CACHE_N; i++)
        ttl_free(&r->w.cache[i]);
}

/* The "total" of the reply's envelope, after checking its other keys. */
static long long reply_total(const fake_req *r, long limit, long offset, size_t rows)
{
    assert_int_equal(r->rep.status, 200);
    json_t *v = json_loadb(r->rep.body.data, r->rep.body.len, 0, NULL);
    assert_non_null(v);
    char keys[64];
    keys_of(v, keys, sizeof keys);
    assert_string_equal(keys, "total,limit,offset,data");
    assert_int_equal(json_integer_value(json_object_get(v, "limit")), limit);
    assert_int_equal(json_integer_value(json_object_get(v, "offset")), offset);
    assert_int_equal(json_array_size(json_object_get(v, "data")), rows);
    long long t = json_integer_value(json_object_get(v, "total"));
    json_decref(v);
    return t;
}

static void test_list_reply_caches(void **state)
{
    fixture *f = *state;
    static const hx_list logs = {store_logs_count, store_logs_page, RS_CACHE_LOGS_TOTAL};
    static const hx_list bounty = {store_bounty_count, store_bounty_page, -1};
    fake_req r;
    fake_init(&r, f);
    rs_where all = {0}, dk;
    assert_int_equal(where_logs(&dk, "decky", NULL, NULL), 0);   /* matches every row */
    rs_page plain = {.w = &all, .limit = 2, .offset = 1}, filtered = {.w = &dk, .limit = 3};

    /* the envelope, byte for byte around the page the store writes */
    assert_int_equal(hx_list_reply(&r.ctx, &logs, &plain, -1), RS_DONE);
    lb_buf page = {0};
    lb_err err;
    assert_int_equal(store_logs_page(f->db, &plain, &page, &err), 0);
    char want[64];
    long long total = default_logs(f->db, 400);
    int n = snprintf(want, sizeof want, "{\"total\":%lld,\"limit\":2,\"offset\":1,\"data\":",
                     total);
    assert_int_equal(r.rep.body.len, (size_t)n + page.len + 1);
    assert_memory_equal(r.rep.body.data, want, (size_t)n);
    assert_memory_equal(r.rep.body.data + n, page.data, page.len);
    lb_buf_free(&page);
    assert_true(r.w.cache[RS_CACHE_LOGS_TOTAL].valid);
    assert_int_equal(r.w.cache[RS_CACHE_LOGS_TOTAL].number, total);
    assert_true(r.req.phase.db_ns > 0);

    /* a new row: the plain total comes from the cache, a filtered one is counted */
    assert_int_equal(db_exec(f->db, "INSERT INTO logs (timestamp, decky, service, event_type,"
                             " attacker_ip, raw_line, fields) VALUES ('2026-04-17 23:00:00',"
                             " 'decky-01', 'ssh', 'x', '10.9.9.9', 'decky-01 x', '{}')", &err), 0);
    fake_reset(&r);
    hx_list_reply(&r.ctx, &logs, &plain, -1);
    assert_int_equal(reply_total(&r, 2, 1, 2), total);
    fake_reset(&r);
    hx_list_reply(&r.ctx, &logs, &filtered, -1);
    assert_int_equal(reply_total(&r, 3, 0, 3), total + 1);
    assert_int_equal(r.w.cache[RS_CACHE_LOGS_TOTAL].number, total);   /* not overwritten */
    ttl_invalidate(&r.w.cache[RS_CACHE_LOGS_TOTAL]);
    fake_reset(&r);
    hx_list_reply(&r.ctx, &logs, &plain, -1);
    assert_int_equal(reply_total(&r, 2, 1, 2), total + 1);

    /* no total cache: counted every time; body_cache keeps the whole reply */
    fake_reset(&r);
    hx_list_reply(&r.ctx, &bounty, &(rs_page){.w = &all, .limit = 50}, RS_CACHE_BOUNTY);
    long long nb = total_bounty(f->db);   /* 30 seeded + the scripted brute-forcers' */
    assert_true(nb > 30 && nb <= 50);
    assert_int_equal(reply_total(&r, 50, 0, (size_t)nb), nb);
    rs_ttl *bc = &r.w.cache[RS_CACHE_BOUNTY];
    assert_true(bc->valid);
    assert_int_equal(bc->body.len, r.rep.body.len);
    assert_memory_equal(bc->body.data, r.rep.body.data, bc->body.len);

    /* no DB slot (leak mode): the 500 of ctx_db_acquire, no query */
    r.w.db_slots_free = 0;
    fake_reset(&r);
    assert_int_equal(hx_list_reply(&r.ctx, &logs, &plain, -1), RS_DONE);
    assert_int_equal(r.rep.status, 500);
    assert_int_equal(r.req.phase.db_ns, 0);

    where_free(&dk);
    fake_free(&r);
    ev_loop_destroy(r.w.loop);
}

/* The default dataset's bounty rows: seeded credentials were captured on
 * telnet, the User-Agent fingerprints (DECNET's http_useragent payload) on
 * http; ingest derived the scripted brute-forcers' from their ssh logins. */
static void test_default_bounty_services(void **state)
{
    fixture *f = *state;
    rs_stmt *st = db_stmt(f->db, "SELECT bounty_type, service, count(*) FROM bounty"
                               " GROUP BY 1, 2 ORDER BY 1, 2", NULL);
    assert_non_null(st);
    char got[256] = "";
    while (db_step(st) == RS_STEP_ROW)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s/%s ",
                 db_col_text(st, 0), db_col_text(st, 1));
    db_reset(st);
    assert_string_equal(got, "credential/ssh credential/telnet fingerprint/http ");
}

/* --dataset-deckies 0: the logs still name decky-01 (it used to spin
 * forever looking for a service decky-01 runs) and /deckies is []. */
static void test_default_without_deckies(void **state)
{
    (void)state;
    char *argv[] = {"refserver", "--dataset-logs", "50", "--dataset-attackers", "5",
                    "--dataset-bounty", "5", "--dataset-deckies", "0", NULL};
    fixture *f;
    assert_int_equal(open_with((void **)&f, 9, argv), 0);
    rs_where all = {0};
    long long n;
    lb_err err;
    assert_int_equal(store_logs_count(f->db, &all, &n, &err), 0);
    assert_int_equal(n, default_logs(f->db, 50));
    lb_buf d = {0};
    bool found;
    assert_int_equal(store_state_get(f->db, "deckies", &d, &found, &err), 0);
    assert_string_equal(d.data, "[]");
    lb_buf_free(&d);
    teardown((void **)&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_decnet_profile_shapes, setup_decnet, teardown),
        cmocka_unit_test_setup_teardown(test_default_attackers_and_bounty, setup_default,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_seed_is_deterministic, setup_default, teardown),
        cmocka_unit_test_setup_teardown(test_pages_are_windows, setup_default, teardown),
        cmocka_unit_test_setup_teardown(test_filter_too_long, setup_default, teardown),
        cmocka_unit_test_setup_teardown(test_list_reply_caches, setup_default, teardown),
        cmocka_unit_test_setup_teardown(test_default_bounty_services, setup_default, teardown),
        cmocka_unit_test(test_default_without_deckies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
