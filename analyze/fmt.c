/* fmt.c — fixed, locale-independent number formatting for analyze's tables. */
#include "fmt.h"
#include <math.h>
#include <string.h>

int fmt_parse_kind(const char *s, fmt_kind *out)
{
    if (!strcmp(s, "md")) { *out = FMT_MD; return 0; }
    if (!strcmp(s, "csv")) { *out = FMT_CSV; return 0; }
    return -1;
}

/* Drop trailing zeros after a decimal point, then the point itself. */
static void strip_zeros(char *s)
{
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *end = s + strlen(s);
    while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == dot + 1)
        *dot = '\0';
}

/* Insert ',' every three digits of the integer part (s holds "-1234.5"). */
static void group_thousands(char *buf, size_t cap, const char *s)
{
    size_t o = 0;
    if (*s == '-')
        buf[o++] = *s++;
    size_t intlen = strcspn(s, ".");
    for (size_t i = 0; i < intlen && o + 2 < cap; i++) {
        buf[o++] = s[i];
        size_t left = intlen - i - 1;
        if (left > 0 && left % 3 == 0)
            buf[o++] = ',';
    }
    for (const char *p = s + intlen; *p && o + 1 < cap; p++)
        buf[o++] = *p;
    buf[o] = '\0';
}

char *fmt_num(char *buf, size_t cap, double v, int decimals, bool grouped)
{
    char tmp[FMT_NUM_MAX];
    if (isnan(v)) {
        snprintf(buf, cap, "nan");
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, cap, v < 0 ? "-inf" : "inf");
        return buf;
    }
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    strip_zeros(tmp);
    if (!strcmp(tmp, "-0"))
        strcpy(tmp, "0");
    if (grouped)
        group_thousands(buf, cap, tmp);
    else
        snprintf(buf, cap, "%s", tmp);
    return buf;
}

char *fmt_delta(char *buf, size_t cap, double pct, bool defined, fmt_kind k)
{
    char num[FMT_NUM_MAX];
    if (!defined) {
        snprintf(buf, cap, "%s", k == FMT_MD ? "n/a" : "");
        return buf;
    }
    if (k == FMT_CSV) {
        fmt_num(buf, cap, pct, 2, false);
        return buf;
    }
    /* Round first, then sign: a tiny drop that rounds to zero prints "0.0%",
     * never "-0.0%". */
    double r = round(pct * 10.0) / 10.0;
    if (r == 0.0)
        r = 0.0;
    snprintf(num, sizeof num, "%.1f", fabs(r));
    snprintf(buf, cap, "%s%s%%", r < 0 ? "-" : r > 0 ? "+" : "", num);
    return buf;
}

void fmt_md_cell(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else if (*s == '\n' || *s == '\r')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
}
