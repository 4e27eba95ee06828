/* svgchart.c — clustered bars with a linear or log axis, written as SVG. */
#include "svgchart.h"
#include <math.h>
#include <string.h>
#include "html.h"

#define W 1000
#define H 520
#define LEFT 80
#define RIGHT 120
#define TOP 40
#define BOTTOM 90

static const char *const COLOURS[SVG_MAX_SERIES] = { "#9400d3", "#009e73", "#56b4e9", "#e69f00" };

size_t chart_label_lines(const char *s, const char *start[CHART_LABEL_LINES],
                         size_t len[CHART_LABEL_LINES], bool *cut)
{
    if (!strncmp(s, "profile_", 8) && s[8])
        s += 8;
    size_t n = 0;
    *cut = false;
    while (*s && n < CHART_LABEL_LINES) {
        size_t rest = strlen(s), take = rest;
        if (rest > CHART_LABEL_WIDTH) {
            take = CHART_LABEL_WIDTH;
            for (size_t k = CHART_LABEL_WIDTH; k > CHART_LABEL_WIDTH / 2; k--)
                if (strchr(" _/?&", s[k - 1])) {
                    take = k;
                    break;
                }
        }
        if (n == CHART_LABEL_LINES - 1 && take < rest) {
            take = CHART_LABEL_WIDTH - 3;   /* room for "..." */
            *cut = true;
        }
        start[n] = s;
        len[n++] = take;
        s += take;
        while (*s == ' ')
            s++;
    }
    return n;
}

/* One label under its group. */
static void label(FILE *f, const char *s, double x)
{
    const char *start[CHART_LABEL_LINES];
    size_t len[CHART_LABEL_LINES];
    bool cut;
    size_t n = chart_label_lines(s, start, len, &cut);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "<text x=\"%.1f\" y=\"%zu\" font-size=\"11\" text-anchor=\"middle\">", x,
                H - BOTTOM + 16 + 13 * i);
        html_escape_n(f, start[i], len[i]);
        fputs(cut && i + 1 == n ? "...</text>\n" : "</text>\n", f);
    }
}

static void fmt_tick(char *buf, size_t cap, double v)
{
    if (v >= 1e6 || (v > 0 && v < 1e-3))
        snprintf(buf, cap, "%g", v);
    else
        snprintf(buf, cap, "%.10g", v);
}

void svg_bars_write(FILE *f, const svg_bars *c)
{
    double lo = 0, hi = 0;
    for (size_t s = 0; s < c->nseries; s++)
        for (size_t i = 0; i < c->n; i++) {
            double v = c->values[s][i];
            if (v > 0 && (lo == 0 || v < lo))
                lo = v;
            if (v > hi)
                hi = v;
        }
    bool logy = c->log || (lo > 0 && hi / lo > 100);
    double y0, y1;                  /* axis range: decades on a log axis */
    if (logy) {
        y0 = lo > 0 ? floor(log10(lo)) : 0;
        y1 = hi > 0 ? ceil(log10(hi)) : y0 + 1;
        if (y1 <= y0)
            y1 = y0 + 1;
    } else {
        double step = hi > 0 ? pow(10, floor(log10(hi))) : 1;
        y0 = 0;
        y1 = hi > 0 ? ceil(hi / step) * step : 1;
    }
    const double ph = H - TOP - BOTTOM, pw = W - LEFT - RIGHT;
#define YPOS(v) (TOP + ph - ph * ((logy ? log10((v) > 0 ? (v) : pow(10, y0)) : (v)) - y0) / (y1 - y0))
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n"
            "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>\n"
            "<text x=\"%d\" y=\"22\" font-size=\"15\" text-anchor=\"middle\">", W, H, W, H, W, H,
            W / 2);
    html_escape(f, c->title);
    fprintf(f, "</text>\n<text transform=\"translate(18,%d) rotate(-90)\" font-size=\"12\" "
            "text-anchor=\"middle\">", TOP + (int)ph / 2);
    html_escape(f, c->ylabel);
    fputs(logy ? " (log scale)</text>\n" : "</text>\n", f);
    /* grid and ticks: each decade on a log axis, five steps on a linear one */
    int nt = logy ? (int)(y1 - y0) : 5;
    for (int t = 0; t <= nt; t++) {
        double v = logy ? pow(10, y0 + t) : y0 + (y1 - y0) * t / nt;
        double y = YPOS(v);
        char tick[64];
        fmt_tick(tick, sizeof tick, v);
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                LEFT, y, W - RIGHT, y, LEFT - 6, y + 4, tick);
    }
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
            "stroke=\"#333\"/>\n", LEFT, TOP, pw, ph);
    double gw = c->n ? pw / (double)c->n : pw, bw = gw * 0.8 / (double)(c->nseries ? c->nseries : 1);
    for (size_t i = 0; i < c->n; i++) {
        double gx = LEFT + gw * (double)i + gw * 0.1;
        for (size_t s = 0; s < c->nseries; s++) {
            double v = c->values[s][i], y = YPOS(v);
            if (y < TOP)
                y = TOP;
            fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                    "stroke=\"#333\" stroke-width=\"0.5\"><title>", gx + bw * (double)s, y,
                    bw, TOP + ph - y, c->nseries > 1 ? COLOURS[s] : "#4472c4");
            if (c->series[s]) {
                html_escape(f, c->series[s]);
                fputs(" ", f);
            }
            fprintf(f, "%.6g</title></rect>\n", v);
        }
        label(f, c->labels[i], gx + gw * 0.4);
    }
    for (size_t s = 0; c->nseries > 1 && s < c->nseries; s++) {
        fprintf(f, "<rect x=\"%d\" y=\"%zu\" width=\"14\" height=\"10\" fill=\"%s\"/>"
                "<text x=\"%d\" y=\"%zu\" font-size=\"12\">", W - RIGHT + 14, TOP + 18 * s,
                COLOURS[s], W - RIGHT + 34, TOP + 18 * s + 10);
        html_escape(f, c->series[s] ? c->series[s] : "");
        fputs("</text>\n", f);
    }
#undef YPOS
    fputs("</svg>\n", f);
}
