/* html_run.h — one run's statistics as a self-contained web page: what
 * `loadgen --html FILE` writes (Locust's --html flag), in the look of
 * `analyze report --html` (html.h's frame).
 *
 * The page holds the run's settings, the statistics table (requests, fails,
 * p50/p95/p99 from each entry's precise histogram in microseconds, shown in
 * ms, average, max, RPS), the failures, and two inline SVG charts
 * (svgchart.h): p50/p95/p99 per endpoint and requests per endpoint. No
 * JavaScript, nothing fetched. */
#ifndef LB_HTML_RUN_H
#define LB_HTML_RUN_H
#include <stddef.h>
#include "lberr.h"
#include "stats.h"

typedef struct html_run_info {
    const char *title;           /* "loadgen run: http://127.0.0.1:8080" */
    const char *const *keys;     /* settings shown in a small table */
    const char *const *values;
    size_t nkv;
} html_run_info;

/* Write the page to path. 0, or -1 with err naming the file. */
int html_run_write(const char *path, const stats_set *s, const html_run_info *info,
                   lb_err *err);

#endif
