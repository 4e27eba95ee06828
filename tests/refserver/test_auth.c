/* test_auth.c — JWT issue/verify (expired, bad signature, alg none, missing
 * uuid rejected) and bcrypt hashing with 72-byte truncation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "api/auth.h"

static const char SECRET[] = "unit-test-secret-0123456789abcdef";
#define NOW 1776456900

static void b64url(const char *in, char *out)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    size_t n = strlen(in), o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)in[i] << 16;
        if (i + 1 < n) v |= (unsigned char)in[i + 1] << 8;
        if (i + 2 < n) v |= (unsigned char)in[i + 2];
        out[o++] = tbl[(v >> 18) & 63];
        out[o++] = tbl[(v >> 12) & 63];
        if (i + 1 < n) out[o++] = tbl[(v >> 6) & 63];
        if (i + 2 < n) out[o++] = tbl[v & 63];
    }
    out[o] = '\0';
}

static void test_issue_verify_roundtrip(void **state)
{
    (void)state;
    char tok[1024], uuid[64];
    lb_err err;
    assert_int_equal(auth_jwt_issue(SECRET, "u-1", NOW, 86400, tok, sizeof tok, &err), 0);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW + 10, uuid, sizeof uuid, &err), 0);
    assert_string_equal(uuid, "u-1");
    /* header is HS256/JWT and the claims are exactly uuid, exp, iat */
    char payload[512];
    const char *dot1 = strchr(tok, '.'), *dot2 = strchr(dot1 + 1, '.');
    snprintf(payload, sizeof payload, "%.*s", (int)(dot2 - dot1 - 1), dot1 + 1);
    char expect[256];
    char claims[128];
    snprintf(claims, sizeof claims, "{\"exp\":%d,\"iat\":%d,\"uuid\":\"u-1\"}", NOW + 86400, NOW);
    b64url(claims, expect);
    assert_string_equal(payload, expect);
}

static void test_expired_rejected(void **state)
{
    (void)state;
    char tok[1024], uuid[64];
    lb_err err;
    assert_int_equal(auth_jwt_issue(SECRET, "u-1", NOW, 60, tok, sizeof tok, &err), 0);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW + 59, uuid, sizeof uuid, &err), 0);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW + 60, uuid, sizeof uuid, &err), -1);
    assert_non_null(strstr(err.msg, "expired"));
}

static void test_bad_signature_rejected(void **state)
{
    (void)state;
    char tok[1024], uuid[64];
    lb_err err;
    assert_int_equal(auth_jwt_issue("another-secret-another-secret-xx", "u-1", NOW, 60, tok,
                                    sizeof tok, &err), 0);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW, uuid, sizeof uuid, &err), -1);
    /* flip one character of a valid token's signature */
    assert_int_equal(auth_jwt_issue(SECRET, "u-1", NOW, 60, tok, sizeof tok, &err), 0);
    size_t n = strlen(tok);
    tok[n - 2] = tok[n - 2] == 'A' ? 'B' : 'A';
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW, uuid, sizeof uuid, &err), -1);
}

static void test_alg_none_rejected(void **state)
{
    (void)state;
    char h[128], p[256], tok[512], uuid[64];
    lb_err err;
    char claims[128];
    snprintf(claims, sizeof claims, "{\"uuid\":\"u-1\",\"exp\":%d,\"iat\":%d}", NOW + 60, NOW);
    b64url("{\"alg\":\"none\",\"typ\":\"JWT\"}", h);
    b64url(claims, p);
    snprintf(tok, sizeof tok, "%s.%s.", h, p);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW, uuid, sizeof uuid, &err), -1);
    snprintf(tok, sizeof tok, "%s.%s", h, p);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW, uuid, sizeof uuid, &err), -1);
}

static void test_garbage_and_missing_uuid(void **state)
{
    (void)state;
    char uuid[64];
    lb_err err;
    assert_int_equal(auth_jwt_verify(SECRET, "garbage", NOW, uuid, sizeof uuid, &err), -1);
    assert_int_equal(auth_jwt_verify(SECRET, "", NOW, uuid, sizeof uuid, &err), -1);
    assert_int_equal(auth_jwt_verify(SECRET, "a.b.c", NOW, uuid, sizeof uuid, &err), -1);
    char tok[1024];
    assert_int_equal(auth_jwt_issue(SECRET, "", NOW, 60, tok, sizeof tok, &err), 0);
    assert_int_equal(auth_jwt_verify(SECRET, tok, NOW, uuid, sizeof uuid, &err), -1);
}

static void test_bearer_parsing(void **state)
{
    (void)state;
    assert_string_equal(auth_bearer("Bearer abc"), "abc");
    assert_string_equal(auth_bearer("bearer  abc"), "abc");
    assert_null(auth_bearer("Basic abc"));
    assert_null(auth_bearer("Bearer "));
    assert_null(auth_bearer(""));
    assert_null(auth_bearer(NULL));
}

static void test_bcrypt(void **state)
{
    (void)state;
    char h[AUTH_HASH_MAX];
    lb_err err;
    assert_int_equal(auth_bcrypt_hash("admin", 4, h, &err), 0);
    assert_memory_equal(h, "$2b$04$", 7);
    assert_int_equal(strlen(h), 60);
    assert_true(auth_bcrypt_check("admin", h));
    assert_false(auth_bcrypt_check("admin2", h));
    assert_false(auth_bcrypt_check("", h));
    assert_false(auth_bcrypt_check("admin", "not-a-hash"));
    /* only the first 72 bytes count, as bcrypt.checkpw */
    char p72[80], p73[80];
    memset(p72, 'k', 72);
    p72[72] = '\0';
    memcpy(p73, p72, 72);
    strcpy(p73 + 72, "Z");
    assert_int_equal(auth_bcrypt_hash(p72, 4, h, &err), 0);
    assert_true(auth_bcrypt_check(p73, h));
    p72[71] = 'j';
    assert_false(auth_bcrypt_check(p72, h));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_verify_roundtrip),
        cmocka_unit_test(test_expired_rejected),
        cmocka_unit_test(test_bad_signature_rejected),
        cmocka_unit_test(test_alg_none_rejected),
        cmocka_unit_test(test_garbage_and_missing_uuid),
        cmocka_unit_test(test_bearer_parsing),
        cmocka_unit_test(test_bcrypt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
