/* test_derive.c — what ingest derives, against the seed's rules
 * (decnet/profiler/behavioral.py, decnet/web/ingester.py at edc5c59f):
 * timing statistics and the behaviour class for each class's thresholds,
 * beacon tools, header tools, phases, the sniffer rollup; bounties from
 * events (credential, user agent, dedup) and the attacker row they update. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "store/derive.h"
#include "store/event.h"
#include "store/store.h"

#define T0 1776456900L

/* n events every gap seconds (jitter: +j on odd ones) on the services given. */
static size_t series(pf_event *ev, json_t **keep, size_t n, long gap, long j,
                     const char *const *svcs, size_t nsvc, const char *etype)
{
    for (size_t i = 0; i < n; i++) {
        keep[i] = json_object();
        ev[i] = (pf_event){.ts = T0 + (time_t)i * gap + (i % 2 ? j : 0),
                           .service = svcs[i % nsvc], .decky = "decky-01",
                           .event_type = etype, .fields = keep[i]};
    }
    return n;
}

static void drop(json_t **keep, size_t n)
{
    for (size_t i = 0; i < n; i++)
        json_decref(keep[i]);
}

static const char *classify_series(size_t n, long gap, long j, size_t nsvc, pf_record *r)
{
    static const char *const svcs[] = {"ssh", "http", "ftp"};
    pf_event ev[64];
    json_t *keep[64];
    series(ev, keep, n, gap, j, svcs, nsvc, "login_attempt");
    assert_int_equal(profile_build(ev, n, r), 0);
    drop(keep, n);
    return r->behavior_class;
}

static void test_classes(void **state)
{
    (void)state;
    pf_record r;
    assert_string_equal(classify_series(2, 1, 0, 1, &r), "unknown");
    profile_free(&r);
    assert_string_equal(classify_series(10, 1, 0, 1, &r), "brute_force");
    profile_free(&r);
    assert_string_equal(classify_series(6, 1, 0, 3, &r), "scanning");
    profile_free(&r);
    assert_string_equal(classify_series(6, 20, 0, 2, &r), "slow_scan");
    profile_free(&r);
    /* 60 s +- 12 s: cv 0.2 -> beaconing, and cobalt_strike's profile */
    assert_string_equal(classify_series(9, 60, 12, 1, &r), "beaconing");
    assert_true(r.beacon);
    assert_non_null(strstr(r.tool_guesses, "cobalt_strike"));
    profile_free(&r);
    /* gaps 0 and 8 on one service: mean 4 s, cv 1 -> interactive */
    assert_string_equal(classify_series(7, 4, 4, 1, &r), "interactive");
    assert_false(r.beacon);
    profile_free(&r);
}

static void test_timing_and_phases(void **state)
{
    (void)state;
    json_t *f[4] = {json_object(), json_object(), json_object(),
                    json_pack("{s:s}", "bytes", "2000000")};
    pf_event ev[4] = {
        {T0 + 10, "ssh", "d1", "command", f[0]},      /* given out of order */
        {T0, "ssh", "d1", "login_attempt", f[1]},
        {T0 + 4, "ssh", "d1", "login_attempt", f[2]},
        {T0 + 30, "ssh", "d1", "download", f[3]},
    };
    pf_record r;
    assert_int_equal(profile_build(ev, 4, &r), 0);
    assert_string_equal(r.timing_stats, "{\"event_count\":4,\"duration_s\":30.0,"
        "\"mean_iat_s\":10.0,\"median_iat_s\":6.0,\"stdev_iat_s\":7.118,\"min_iat_s\":4.0,"
        "\"max_iat_s\":20.0,\"cv\":0.7118}");
    assert_string_equal(r.phase_sequence, "{\"recon_end_ts\":\"2026-04-17T20:15:04\","
        "\"exfil_start_ts\":\"2026-04-17T20:15:10\",\"exfil_latency_s\":6.0,"
        "\"large_payload_count\":1}");
    assert_string_equal(r.tcp_fingerprint, "{}");
    assert_null(r.os_guess);
    assert_int_equal(r.hop_distance, -1);
    profile_free(&r);
    for (int i = 0; i < 4; i++)
        json_decref(f[i]);
}

static void test_tools_and_rollup(void **state)
{
    (void)state;
    json_t *f[3] = {
        json_pack("{s:s}", "headers", "{\"User-Agent\": \"curl/8.0\", \"X-Mailer\": \"x\"}"),
        json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "os_guess", "nmap", "ttl", "60",
                  "hop_distance", "4", "window", "1024", "wscale", "7", "mss", "1460",
                  "options_sig", "M1460,S", "has_sack", "true"),
        json_pack("{s:s}", "retransmits", "3"),
    };
    pf_event ev[3] = {
        {T0, "http", "d1", "request", f[0]},
        {T0 + 1, "sniffer", "d1", "tcp_syn_fingerprint", f[1]},
        {T0 + 2, "sniffer", "d1", "tcp_flow_timing", f[2]},
    };
    pf_record r;
    assert_int_equal(profile_build(ev, 3, &r), 0);
    assert_string_equal(r.tool_guesses, "[\"nmap\",\"curl\"]");   /* p0f's nmap goes first */
    assert_string_equal(r.os_guess, "nmap");
    assert_int_equal(r.hop_distance, 4);
    assert_int_equal(r.retransmit_count, 3);
    assert_string_equal(r.tcp_fingerprint, "{\"window\":1024,\"wscale\":7,\"mss\":1460,"
        "\"options_sig\":\"M1460,S\",\"has_sack\":true,\"has_timestamps\":false}");
    profile_free(&r);
    for (int i = 0; i < 3; i++)
        json_decref(f[i]);
}

static void test_command(void **state)
{
    (void)state;
    char buf[32];
    json_t *f = json_pack("{s:s,s:s}", "input", "", "line", "ls -la");
    assert_string_equal(derive_command("shell_input", f, buf, sizeof buf), "ls -la");
    assert_null(derive_command("login_attempt", f, buf, sizeof buf));
    json_decref(f);
}

static long long scalar(rs_db *db, const char *sql)
{
    rs_stmt *st = db_stmt(db, sql, NULL);
    assert_non_null(st);
    assert_int_equal(db_step(st), RS_STEP_ROW);
    long long v = db_col_int(st, 0);
    db_reset(st);
    return v;
}

static void test_bounties_and_attacker(void **state)
{
    (void)state;
    char path[] = "/tmp/rs-derive-test.XXXXXX";
    close(mkstemp(path));
    lb_err err;
    rs_db *db = db_open(path, RS_DB_POOLED, &err);
    assert_non_null(db);
    assert_int_equal(store_schema(db, &err), 0);
    rs_event ev[3] = {
        {.timestamp = "2026-04-18 10:00:00", .decky = "d1", .service = "ssh",
         .event_type = "login_attempt", .attacker_ip = "10.0.0.1", .raw_line = "",
         .fields = "{\"username\":\"root\",\"password\":\"toor\"}"},
        {.timestamp = "2026-04-18 10:00:05", .decky = "d1", .service = "ssh",
         .event_type = "login_attempt", .attacker_ip = "10.0.0.1", .raw_line = "",
         .fields = "{\"username\":\"root\",\"password\":\"toor\"}"},
        {.timestamp = "2026-04-18 10:00:09", .decky = "d2", .service = "sniffer",
         .event_type = "tls", .attacker_ip = "10.0.0.1", .raw_line = "",
         .fields = "{\"ja3\":\"abc\",\"sni\":\"\"}"},
    };
    long long id;
    assert_int_equal(db_exec(db, "BEGIN", &err), 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(event_store(db, &ev[i], &id, &err), 0);
    assert_int_equal(event_profile(db, ev, 3, &err), 0);
    assert_int_equal(db_commit(db, &err), 0);
    /* the same credential twice is one bounty; ja3 on the sniffer is a fingerprint */
    assert_int_equal(scalar(db, "SELECT count(*) FROM bounty WHERE bounty_type = 'credential'"), 1);
    assert_int_equal(scalar(db, "SELECT count(*) FROM bounty WHERE payload = "
        "'{\"fingerprint_type\":\"ja3\",\"ja3\":\"abc\",\"ja3s\":null,\"ja4\":null,\"ja4s\":null,"
        "\"tls_version\":null,\"sni\":null,\"alpn\":null,\"dst_port\":null,\"raw_ciphers\":null,"
        "\"raw_extensions\":null}'"), 1);
    assert_int_equal(scalar(db, "SELECT bounty_count * 100 + credential_count * 10 + "
                                "json_array_length(fingerprints) FROM attackers"), 211);
    assert_int_equal(scalar(db, "SELECT is_traversal AND traversal_path = 'd1 \u2192 d2' "
                                "FROM attackers"), 1);
    assert_int_equal(scalar(db, "SELECT json_extract(timing_stats, '$.event_count') FROM "
                                "attacker_behavior"), 3);
    db_close(db);
    unlink(path);
    char p2[64];
    snprintf(p2, sizeof p2, "%s-wal", path);
    unlink(p2);
    snprintf(p2, sizeof p2, "%s-shm", path);
    unlink(p2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_timing_and_phases),
        cmocka_unit_test(test_tools_and_rollup),
        cmocka_unit_test(test_command),
        cmocka_unit_test(test_bounties_and_attacker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
