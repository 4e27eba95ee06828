/* report_story.h — the report sections that exist only with our reruns
 * (report_story.c), written by report_md_write. */
#ifndef AZ_REPORT_STORY_H
#define AZ_REPORT_STORY_H
#include <stdio.h>
#include "report_input.h"

/* Both headline tables side by side (each run next to its `original =`), the
 * comparisons that both manifests define, as deltas side by side with both
 * throughput ratios and the notes; and the server-side view from in->server.
 * Each returns 0, or -1 on OOM or a write error. */
int report_story_side_by_side(FILE *f, const report_input *in);
int report_story_compares(FILE *f, const report_input *in);
int report_story_server(FILE *f, const report_input *in);

#endif
