/* test_fleet.c — the simulated fleet: configparser-style INI reading and
 * its failure kinds, deckies built from an INI (archetypes, amount,
 * persona sub-sections, IP allocation around taken and reserved IPs, the
 * seed's 409 messages), and a mutation's service shuffle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "api/body.h"
#include "api/fleet.h"

static fleet_status parse(const char *text, json_t **ini)
{
    char msg[256];
    return fleet_ini_parse(text, ini, msg, sizeof msg);
}

static void test_ini_statuses(void **state)
{
    (void)state;
    json_t *ini = NULL;
    assert_int_equal(parse(" \n\t", &ini), FLEET_EMPTY);
    assert_int_equal(parse("ip=1.2.3.4\n[a]", &ini), FLEET_SYNTAX);
    assert_int_equal(parse("[a]\njust words", &ini), FLEET_SYNTAX);
    assert_int_equal(parse("# comment\n; other", &ini), FLEET_NO_SECTIONS);
    assert_null(ini);
    assert_int_equal(parse("[General]\n[a]\nIP : 10.0.1.9\n  ; c\n[a]\nservices=ssh,\n http\n",
                           &ini), FLEET_OK);
    /* keys case-folded, ":" accepted, repeated sections merged, continuation joined */
    json_t *a = json_array_get(json_array_get(json_object_get(ini, "sections"), 1), 1);
    assert_string_equal(json_string_value(json_object_get(a, "ip")), "10.0.1.9");
    assert_string_equal(json_string_value(json_object_get(a, "services")), "ssh,\nhttp");
    assert_int_equal(json_array_size(json_object_get(ini, "sections")), 2);
    json_decref(ini);
}

static json_t *build(const char *text, const json_t *taken, char *msg, fleet_status *st)
{
    json_t *ini, *out = NULL;
    assert_int_equal(parse(text, &ini), FLEET_OK);
    *st = fleet_build(ini, taken, 100.0, &out, msg, 512);
    json_decref(ini);
    return out;
}

static void test_build(void **state)
{
    (void)state;
    char msg[512];
    fleet_status st;
    json_t *taken = json_pack("[{s:s}]", "ip", "10.0.1.3");
    json_t *d = build("[general]\nnet=10.0.1.0/24\ngw=10.0.1.1\n[web]\narchetype=web-server\n"
                      "[web.http]\nserver_header=nginx\n[cam]\narchetype=iot-device\namount=2\n"
                      "mutate_interval=45\n[fixed]\nip=10.0.1.4\nservices=ssh, vnc\n",
                      taken, msg, &st);
    assert_int_equal(st, FLEET_OK);
    assert_int_equal(json_array_size(d), 4);
    const char *names[] = {"web", "cam-01", "cam-02", "fixed"};
    /* .1 gateway, .2 refserver's host, .3 taken, .4 explicit: auto IPs from .5 */
    const char *ips[] = {"10.0.1.5", "10.0.1.6", "10.0.1.7", "10.0.1.4"};
    for (int i = 0; i < 4; i++) {
        json_t *x = json_array_get(d, (size_t)i);
        assert_string_equal(json_string_value(json_object_get(x, "name")), names[i]);
        assert_string_equal(json_string_value(json_object_get(x, "ip")), ips[i]);
        assert_true(json_real_value(json_object_get(x, "last_mutated")) == 100.0);
    }
    json_t *web = json_array_get(d, 0), *cam = json_array_get(d, 1);
    char *s = json_dumps(json_object_get(web, "services"), JSON_COMPACT);
    assert_string_equal(s, "[\"http\",\"ftp\"]");
    free(s);
    s = json_dumps(json_object_get(web, "service_config"), JSON_COMPACT);
    assert_string_equal(s, "{\"http\":{\"server_header\":\"nginx\"}}");
    free(s);
    assert_string_equal(json_string_value(json_object_get(cam, "distro")), "alpine");
    assert_string_equal(json_string_value(json_object_get(cam, "nmap_os")), "embedded");
    assert_int_equal(json_integer_value(json_object_get(cam, "mutate_interval")), 45);
    assert_true(json_is_null(json_object_get(json_array_get(d, 3), "archetype")));
    json_decref(d);

    assert_null(build("[x]\nservices=ssh,gopher\n", taken, msg, &st));
    assert_int_equal(st, FLEET_CONFLICT);
    assert_non_null(strstr(msg, "Unknown service(s) in [x]: ['gopher']. Available: ['conpot', "));
    assert_null(build("[x]\narchetype=toaster\n", taken, msg, &st));
    assert_true(!strncmp(msg, "Unknown archetype 'toaster'. Available: database-server, ", 56));
    assert_null(build("[x]\namount=101\n", taken, msg, &st));
    assert_string_equal(msg, "[x] amount=101 exceeds maximum allowed (100).");
    assert_null(build("[x]\namount=2\nip=10.0.1.9\n", taken, msg, &st));
    assert_string_equal(msg, "[x] Cannot combine ip= with amount=2. Remove ip= or use amount=1.");
    assert_null(build("[general]\nnet=10.0.1.0/30\ngw=10.0.1.1\n[x]\namount=2\n", taken, msg,
                      &st));
    assert_string_equal(msg, "Not enough free IPs in 10.0.1.0/30 while assigning IP for 'x-01'.");
    json_decref(taken);
}

static void test_mutate(void **state)
{
    (void)state;
    json_t *d = json_pack("{s:s,s:[s,s],s:s,s:f}", "name", "cam", "services", "mqtt", "snmp",
                          "archetype", "iot-device", "last_mutated", 1.0);
    for (unsigned long long seed = 0; seed < 20; seed++) {
        char *before = json_dumps(json_object_get(d, "services"), JSON_COMPACT | JSON_SORT_KEYS);
        fleet_mutate(d, 50.0 + (double)seed, seed);
        json_t *s = json_object_get(d, "services");
        size_t i;
        json_t *v;
        assert_true(json_array_size(s) >= 1 && json_array_size(s) <= 3);
        json_array_foreach(s, i, v) {
            const char *n = json_string_value(v);
            assert_true(!strcmp(n, "mqtt") || !strcmp(n, "snmp") || !strcmp(n, "telnet"));
        }
        assert_true(json_real_value(json_object_get(d, "last_mutated")) == 50.0 + (double)seed);
        free(before);
    }
    json_decref(d);
}

static void test_duration(void **state)
{
    (void)state;
    assert_true(body_is_duration("5m"));
    assert_true(body_is_duration("30d"));
    assert_true(body_is_duration("1Y"));
    assert_false(body_is_duration("0m"));
    assert_false(body_is_duration("5"));
    assert_false(body_is_duration("5s"));
    assert_false(body_is_duration("5mm"));
    assert_false(body_is_duration(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ini_statuses),
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_mutate),
        cmocka_unit_test(test_duration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
