/* bodycheck.h — a request's response-body checks (expect_body, expect_json),
 * Locust's `with client.get(..., catch_response=True) as r: ... r.failure()`
 * written as data. The body is the one captured for the request (up to
 * 1 MiB, the same capture `save:` uses). */
#ifndef LG_BODYCHECK_H
#define LG_BODYCHECK_H
#include <stdbool.h>
#include <stddef.h>
#include "plan.h"

/* True when r has body checks (its response must be captured). */
bool bodycheck_wanted(const lg_request *r);

/* Run r's checks on body[0..len). True when all hold; else why receives the
 * failure (e.g. `Response body lacks "ok"`, `JSON status is "down", expected
 * "ok"`), without the URL. */
bool bodycheck_run(const lg_request *r, const char *body, size_t len, char *why, size_t cap);

#endif
