/* auth.h — JWT HS256 (libjwt) and bcrypt (libcrypt) as the seed uses them.
 *
 * Tokens carry exactly the seed's claims {uuid, exp, iat} (decnet-api.md
 * §2.1). Verification accepts only HS256 signed with our secret: "alg":
 * "none", another algorithm, a bad signature, a missing uuid or an expired
 * exp are all rejected. bcrypt hashes are "$2b$" with the configured cost;
 * passwords are truncated to 72 bytes as bcrypt.checkpw does. The bcrypt
 * calls are slow by design and thread-safe: run them on the pool. */
#ifndef RS_AUTH_H
#define RS_AUTH_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "lberr.h"

#define AUTH_HASH_MAX 128

/* Issue a token for uuid valid from now for ttl seconds into out (cap
 * bytes). 0 or -1 + err. */
int auth_jwt_issue(const char *secret, const char *uuid, time_t now, long ttl, char *out,
                   size_t cap, lb_err *err);

/* Verify token at time now; on success copy the uuid claim into uuid_out
 * (cap bytes) and return 0. -1 + err saying why (for logs; the HTTP answer
 * is always the same 401). */
int auth_jwt_verify(const char *secret, const char *token, time_t now, char *uuid_out,
                    size_t cap, lb_err *err);

/* As auth_jwt_verify, also returning the token's exp claim in *exp. */
int auth_jwt_verify_exp(const char *secret, const char *token, time_t now, char *uuid_out,
                        size_t cap, long *exp, lb_err *err);

/* bcrypt-hash password with cost into out (AUTH_HASH_MAX bytes). 0 or -1. */
int auth_bcrypt_hash(const char *password, int cost, char *out, lb_err *err);

/* True when password (first 72 bytes) matches hash. */
bool auth_bcrypt_check(const char *password, const char *hash);

/* Extract the token from an "Authorization: Bearer <t>" value; NULL when the
 * value is not a Bearer credential. Points into header. */
const char *auth_bearer(const char *header);

#endif
