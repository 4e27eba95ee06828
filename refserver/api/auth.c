/* auth.c — JWT issue/verify with libjwt 1.10, bcrypt with libxcrypt (see auth.h). */
#include "auth.h"
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <jwt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int auth_jwt_issue(const char *secret, const char *uuid, time_t now, long ttl, char *out,
                   size_t cap, lb_err *err)
{
    jwt_t *jwt = NULL;
    if (jwt_new(&jwt))
        return lb_err_set(err, "jwt: out of memory");
    int rc = jwt_add_grant(jwt, "uuid", uuid);
    rc = rc ? rc : jwt_add_grant_int(jwt, "exp", (long)now + ttl);
    rc = rc ? rc : jwt_add_grant_int(jwt, "iat", (long)now);
    rc = rc ? rc : jwt_set_alg(jwt, JWT_ALG_HS256, (const unsigned char *)secret,
                               (int)strlen(secret));
    char *tok = rc ? NULL : jwt_encode_str(jwt);
    jwt_free(jwt);
    if (!tok)
        return lb_err_set(err, "jwt: cannot encode token");
    size_t n = strlen(tok);
    if (n + 1 > cap) {
        free(tok);
        return lb_err_set(err, "jwt: token longer than %zu bytes", cap);
    }
    memcpy(out, tok, n + 1);
    free(tok);
    return 0;
}

int auth_jwt_verify(const char *secret, const char *token, time_t now, char *uuid_out,
                    size_t cap, lb_err *err)
{
    long exp;
    return auth_jwt_verify_exp(secret, token, now, uuid_out, cap, &exp, err);
}

int auth_jwt_verify_exp(const char *secret, const char *token, time_t now, char *uuid_out,
                        size_t cap, long *exp_out, lb_err *err)
{
    jwt_t *jwt = NULL;
    /* libjwt 1.10 decodes "alg":"none" tokens without a signature check when
     * they carry no signature, so the algorithm is checked explicitly below. */
    if (jwt_decode(&jwt, token, (const unsigned char *)secret, (int)strlen(secret)) || !jwt)
        return lb_err_set(err, "token does not decode or its signature is wrong");
    int rc = 0;
    if (jwt_get_alg(jwt) != JWT_ALG_HS256) {
        rc = lb_err_set(err, "token algorithm is not HS256");
    } else {
        errno = 0;
        long exp = jwt_get_grant_int(jwt, "exp");
        *exp_out = exp;
        if (errno || exp <= (long)now) {
            rc = lb_err_set(err, "token expired or without exp");
        } else {
            const char *uuid = jwt_get_grant(jwt, "uuid");
            if (!uuid || !*uuid || strlen(uuid) >= cap)
                rc = lb_err_set(err, "token has no uuid claim");
            else
                strcpy(uuid_out, uuid);
        }
    }
    jwt_free(jwt);
    return rc;
}

int auth_bcrypt_hash(const char *password, int cost, char *out, lb_err *err)
{
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", (unsigned long)cost, NULL, 0, setting, sizeof setting))
        return lb_err_set(err, "bcrypt: cannot make a salt for cost %d", cost);
    char pw[73];
    snprintf(pw, sizeof pw, "%s", password);   /* bcrypt uses the first 72 bytes */
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return lb_err_set(err, "bcrypt: out of memory");
    char *h = crypt_rn(pw, setting, cd, (int)sizeof *cd);
    int rc = 0;
    if (!h || h[0] != '$' || strlen(h) >= AUTH_HASH_MAX)
        rc = lb_err_set(err, "bcrypt: hashing failed");
    else
        strcpy(out, h);
    free(cd);
    explicit_bzero(pw, sizeof pw);
    return rc;
}

bool auth_bcrypt_check(const char *password, const char *hash)
{
    if (strncmp(hash, "$2", 2))
        return false;
    char pw[73];
    snprintf(pw, sizeof pw, "%s", password);
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_rn(pw, hash, cd, (int)sizeof *cd);
    bool ok = false;
    if (h && h[0] == '$') {
        /* constant-time compare: the lengths are public (same setting) */
        size_t n = strlen(hash);
        if (strlen(h) == n) {
            unsigned char diff = 0;
            for (size_t i = 0; i < n; i++)
                diff |= (unsigned char)(h[i] ^ hash[i]);
            ok = diff == 0;
        }
    }
    free(cd);
    explicit_bzero(pw, sizeof pw);
    return ok;
}

const char *auth_bearer(const char *header)
{
    if (!header || strncasecmp(header, "Bearer ", 7))
        return NULL;
    const char *t = header + 7;
    while (*t == ' ')
        t++;
    return *t ? t : NULL;
}
