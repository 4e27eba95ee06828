/* report_md.h — the Markdown body of Performance-Story.md (report_md.c).
 * report.c calls it; it calls report_story.c and plot.c's chart names, never
 * report.c. */
#ifndef AZ_REPORT_MD_H
#define AZ_REPORT_MD_H
#include <stdbool.h>
#include <stdio.h>
#include "report_input.h"

/* Write the Markdown body of the report to f. plots_ok says whether the
 * charts were made, so the body links them or says they were skipped;
 * in->hist[i] non-NULL means profile i has an over-time chart.
 * Returns 0, or -1 on OOM or a write error. */
int report_md_write(FILE *f, const report_input *in, const report_opts *o, bool plots_ok);

#endif
