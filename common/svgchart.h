/* svgchart.h — a clustered bar chart as inline SVG, for pages that cannot
 * run gnuplot (loadgen --html writes its page at the end of a run).
 *
 * The y axis is logarithmic when the values span more than two decades (or
 * when asked), starting at the decade below the smallest positive value, so
 * a 5 RPS bar beside a 1,585 RPS one and a 0.04 ms p50 beside a 30 s p99
 * both stay visible; otherwise it is linear from 0. Labels are wrapped under
 * their bars (chart_label_lines below). Colours are the
 * gnuplot report's (bars #4472c4; p50/p95/p99 #9400d3 #009e73 #56b4e9). */
#ifndef LB_SVGCHART_H
#define LB_SVGCHART_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { SVG_MAX_SERIES = 4 };

typedef struct svg_bars {
    const char *title;
    const char *ylabel;                       /* "ms", "requests" */
    const char *const *labels;                /* one per group */
    size_t n;                                 /* groups */
    const char *series[SVG_MAX_SERIES];       /* series names ("p50"); NULL: one unnamed */
    const double *values[SVG_MAX_SERIES];     /* values[s][i] */
    size_t nseries;
    bool log;                                 /* force a log axis */
} svg_bars;

/* Write the chart as one <svg> element (no XML prolog). Values <= 0 are
 * drawn at the axis floor on a log axis. */
void svg_bars_write(FILE *f, const svg_bars *c);

/* How a chart label is shown under its bar, here and in analyze's gnuplot
 * charts: without a leading "profile_" (the original profiles' names), in
 * at most CHART_LABEL_LINES lines of at most CHART_LABEL_WIDTH bytes, broken
 * after ' ', '_', '/', '?' or '&' where one is near. Fills start[i]/len[i]
 * (pointing into label) and returns the line count; *cut is true when the
 * label did not fit (the last line should then end in "..."; its len leaves
 * room for the three dots). */
enum { CHART_LABEL_LINES = 3, CHART_LABEL_WIDTH = 12 };
size_t chart_label_lines(const char *label, const char *start[CHART_LABEL_LINES],
                         size_t len[CHART_LABEL_LINES], bool *cut);

#endif
