/* console.h — Locust's headless console tables (locust-format.md §4.2-4.3),
 * byte for byte: the request table, the percentile table, the error report. */
#ifndef LG_CONSOLE_H
#define LG_CONSOLE_H
#include <stdbool.h>
#include <stdio.h>
#include "plan.h"
#include "stats.h"

/* Name column width Locust would use: 80 when stdout is not a terminal,
 * else terminal columns - 80 clamped to 0..80. */
int console_name_width(void);

/* The stats table; current=true uses current (windowed) rates, as the
 * periodic table does, false the total rates of the final table. Ends with
 * an empty line. */
void console_print_stats(FILE *f, const stats_set *s, bool current, int name_width);

/* "Response time percentiles (approximated)" table (entries with timed
 * requests only), ending with an empty line. */
void console_print_percentiles(FILE *f, const stats_set *s, int name_width);

/* loadgen's own table after Locust's: exact percentiles in ms (3 decimals)
 * from each entry's HDR histogram, entries with timed requests only. */
void console_print_exact(FILE *f, const stats_set *s, int name_width);

/* --show-task-ratio: Locust's "Task ratio per User class" and "Total task
 * ratio" listings, each class's share of `users` (0: Locust's default,
 * the total weight) by plan_ratio_counts (a scenario without `users:` is
 * one class; tasks are named "METHOD name-or-path", {rand:a:b} shown as a). */
void console_print_task_ratio(FILE *f, const lg_plan *plan, long users);

/* "Error report" table; prints nothing when there are no errors. */
void console_print_errors(FILE *f, const stats_set *s);

#endif
