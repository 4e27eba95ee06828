/* fmt.h — number formatting for analyze's tables.
 *
 * One fixed rule for every number analyze prints, so the same inputs give the
 * same bytes: at most `decimals` decimals, trailing zeros dropped ("690",
 * "1773.51", "880.4"). Markdown output groups thousands with commas
 * ("232,648") for people; CSV output never does, for scripts. */
#ifndef AZ_FMT_H
#define AZ_FMT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Output flavour of a table: Markdown for people, CSV for scripts. */
typedef enum fmt_kind { FMT_MD, FMT_CSV } fmt_kind;

/* Size that always holds a formatted number (doubles up to 1e300, grouped). */
#define FMT_NUM_MAX 448

/* Parse "md" or "csv" into *out. Returns 0, or -1 for any other string. */
int fmt_parse_kind(const char *s, fmt_kind *out);

/* Write v into buf (cap >= FMT_NUM_MAX) rounded to `decimals` (0..6)
 * decimals with trailing zeros and a bare point removed, thousands grouped
 * with ',' when `grouped`. Negative zero prints as "0"; nan/inf print as
 * "nan"/"inf"/"-inf". Returns buf. */
char *fmt_num(char *buf, size_t cap, double v, int decimals, bool grouped);

/* A percent change for a table cell. Markdown: signed with one decimal and a
 * percent sign ("+19.2%", "-50.7%", "0.0%"); CSV: two decimals, no sign for
 * positives, no percent sign ("19.16", "-50.72"). When !defined (change from
 * zero) the cell is "n/a" in Markdown and empty in CSV. Returns buf. */
char *fmt_delta(char *buf, size_t cap, double pct, bool defined, fmt_kind k);

/* Write s as a Markdown table cell: '|' escaped, newlines as spaces. */
void fmt_md_cell(FILE *f, const char *s);

#endif
