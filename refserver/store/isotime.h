/* isotime.h — an ingest timestamp parsed strictly and normalised.
 *
 * Accepted as pydantic v2 (lax mode) accepts a datetime string, the way
 * DECNET's models take one:
 *   YYYY-MM-DD
 *   YYYY-MM-DD{T|t| |_}HH:MM[:SS[.f{1,6}]][Z|z|{+|-}HH[:]MM]
 *   a plain number of seconds since 1970 (milliseconds above 2e10)
 * Every field must be in range (the day for its month, 2024-02-29 yes,
 * 2026-02-29 no; seconds 0..59), nothing may follow. The result is UTC
 * "YYYY-MM-DD HH:MM:SS" (an offset applied, a fraction dropped), years
 * 1970..9999: the stored form every query and the histogram compare. */
#ifndef RS_ISOTIME_H
#define RS_ISOTIME_H
#include "lberr.h"

#define ISOTIME_LEN 20   /* "YYYY-MM-DD HH:MM:SS" + NUL */

/* 0 with out filled, or -1 with err saying what is wrong. */
int isotime_normalise(const char *in, char out[ISOTIME_LEN], lb_err *err);

#endif
