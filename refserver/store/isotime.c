/* isotime.c — strict ISO 8601 timestamps for ingest (see isotime.h).
 * Hand-written: glibc's strptime accepts single-digit fields and leaves
 * range checks (February 31st) to the caller, which is how "2026-1-2T3:4:5"
 * came to be stored as "2026-01-02 03:". */
#include "isotime.h"
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Exactly n digits at *p into *v; advances *p. */
static bool digits(const char **p, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return false;
        x = x * 10 + (c - '0');
    }
    *p += n;
    *v = x;
    return true;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* Seconds since 1970 as a plain number ("1713387791", "1713387791.5"). */
static bool unix_number(const char *s, long long *secs)
{
    const char *p = s;
    long long v = 0;
    int n = 0;
    for (; *p >= '0' && *p <= '9' && n < 18; p++, n++)
        v = v * 10 + (*p - '0');
    if (n == 0)
        return false;
    if (*p == '.') {
        int f = 0;
        for (p++; *p >= '0' && *p <= '9'; p++)
            f++;
        if (f == 0)
            return false;
    }
    if (*p)
        return false;
    *secs = v > 20000000000LL ? v / 1000 : v;   /* pydantic: above 2e10 it is ms */
    return true;
}

static int fail(lb_err *err, const char *in, const char *why)
{
    return lb_err_set(err, "field 'timestamp': '%.40s' %s", in, why);
}

int isotime_normalise(const char *in, char out[ISOTIME_LEN], lb_err *err)
{
    struct tm tm = {0};
    long long secs;
    if (unix_number(in, &secs)) {
        time_t t = (time_t)secs;
        if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999)
            return fail(err, in, "is out of range");
    } else {
        const char *p = in;
        int y, mo, d, h = 0, mi = 0, s = 0;
        if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
            !digits(&p, 2, &d))
            return fail(err, in, "is not YYYY-MM-DD[THH:MM[:SS[.ffffff]][Z|+HH:MM]]");
        if (mo < 1 || mo > 12 || d < 1 || d > days_in(y, mo))
            return fail(err, in, "is not a date");
        int off = 0;   /* minutes east of UTC */
        if (*p) {
            if (*p != 'T' && *p != 't' && *p != ' ' && *p != '_')
                return fail(err, in, "has junk after the date");
            p++;
            if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
                return fail(err, in, "has no HH:MM time");
            if (*p == ':') {
                p++;
                if (!digits(&p, 2, &s))
                    return fail(err, in, "has bad seconds");
            }
            if (*p == '.') {
                int f = 0;
                for (p++; *p >= '0' && *p <= '9'; p++)
                    f++;
                if (f < 1 || f > 6)
                    return fail(err, in, "has a fraction of 1 to 6 digits only");
            }
            if (h > 23 || mi > 59 || s > 59)
                return fail(err, in, "is not a time of day");
            if (*p == 'Z' || *p == 'z') {
                p++;
            } else if (*p == '+' || *p == '-') {
                int sign = *p++ == '-' ? -1 : 1, oh, om;
                if (!digits(&p, 2, &oh))
                    return fail(err, in, "has a bad UTC offset");
                if (*p == ':')
                    p++;
                if (!digits(&p, 2, &om))
                    return fail(err, in, "has a bad UTC offset");
                if (oh > 23 || om > 59)
                    return fail(err, in, "has a UTC offset out of range");
                off = sign * (oh * 60 + om);
            }
            if (*p)
                return fail(err, in, "has junk after the time");
        }
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi - off;   /* timegm normalises the carry */
        tm.tm_sec = s;
        time_t t = timegm(&tm);
        if (!gmtime_r(&t, &tm))
            return fail(err, in, "is out of range");
    }
    if (tm.tm_year + 1900 < 1970 || tm.tm_year + 1900 > 9999)
        return fail(err, in, "is outside 1970..9999");
    char buf[64];   /* room for any int, so the compiler sees no truncation */
    snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    memcpy(out, buf, ISOTIME_LEN - 1);   /* 19 characters: every field is in range */
    out[ISOTIME_LEN - 1] = '\0';
    return 0;
}
