/* report.h — the regenerated performance report: Markdown plus gnuplot charts.
 *
 * report_write builds DIR/Performance-Story.md and DIR/plots/ in a fresh
 * temporary folder beside DIR and only then swaps it in (rename), so a
 * failure never leaves a partial report over a good one. DIR is owned by the
 * report: whatever was there before is replaced. Same inputs, same bytes: no
 * timestamps, no absolute paths, fixed number formatting. */
#ifndef AZ_REPORT_H
#define AZ_REPORT_H
#include "lberr.h"
#include "report_input.h"

/* Write the report into outdir (whose parent must exist). Returns 0; 1 when
 * the report was written but plots were skipped because gnuplot is missing;
 * -2 when gnuplot ran but failed to make an image, -1 on any other failure
 * (both with err filled and outdir untouched). */
int report_write(const char *outdir, const report_input *in, const report_opts *o,
                 lb_err *err);

#endif
