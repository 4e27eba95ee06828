/* duration.c — Locust's --run-time parser (locust/util/timespan.py at 2.12.1).
 *
 * Locust matches `((\d+?)h)?((\d+?)m)?((\d+?)s)?` at the start of the string
 * and silently ignores anything after the match ("1h30mfoo" is 1h30m). We
 * accept exactly the same forms but reject trailing text: a typo in a run
 * length should stop the run, not shorten it. */
#include "duration.h"
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#define DURATION_FORMS "Valid --run-time formats are: 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc."

/* Reads the decimal digits at *p into *out (advancing p); false when there
 * are none or the number is absurdly large (more than ~30 years). */
static bool read_number(const char **p, uint64_t *out)
{
    const char *s = *p;
    uint64_t v = 0;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s)) {
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > 1000000000ull)
            return false;
        s++;
    }
    *p = s;
    *out = v;
    return true;
}

int duration_parse(const char *s, double *out_seconds, lb_err *err)
{
    static const char units[3] = {'h', 'm', 's'};
    static const uint64_t mult[3] = {3600, 60, 1};
    const char *p = s;
    uint64_t total = 0, v;
    int next_unit = 0;
    bool any = false;

    if (!s || !*s)
        return lb_err_set(err, "invalid run time \"\": " DURATION_FORMS);
    /* Plain integer: seconds. */
    if (read_number(&p, &v) && *p == '\0') {
        *out_seconds = (double)v;
        return 0;
    }
    p = s;
    while (*p) {
        const char *start = p;
        if (!read_number(&p, &v))
            break;
        int u = next_unit;
        while (u < 3 && *p != units[u])
            u++;
        if (u == 3) {
            p = start;
            break;
        }
        total += v * mult[u];
        next_unit = u + 1;
        any = true;
        p++;
    }
    if (!any || *p != '\0')
        return lb_err_set(err, "invalid run time \"%s\": " DURATION_FORMS, s);
    *out_seconds = (double)total;
    return 0;
}
