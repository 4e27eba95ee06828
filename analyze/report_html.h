/* report_html.h — Performance-Story.html: the report's Markdown as one
 * self-contained web page, its charts inlined as SVG.
 *
 * The page is made from the Markdown report_md.c wrote, so tables and text
 * cannot drift apart between the two. Only the Markdown that report writes
 * is understood: ATX headings, paragraphs, pipe tables (with their alignment
 * row), "- " lists, "> " quotes, and inline `code`, **bold** and
 * [text](target) links. An image line ![alt](plots/NAME.png) becomes a
 * <figure> holding plots/NAME.svg inline (its ids made unique per chart, its
 * XML prolog dropped); a link to plots/NAME.svg points at that figure. No
 * JavaScript, no external fonts, nothing fetched: readable offline. */
#ifndef AZ_REPORT_HTML_H
#define AZ_REPORT_HTML_H
#include <stdio.h>
#include "lberr.h"

/* Convert the Markdown file md_path to HTML on out; charts are read from
 * dir/plots/. A chart whose SVG is missing is shown as a note. Returns 0, or
 * -1 with err (unreadable input, write error). */
int report_html_write(FILE *out, const char *md_path, const char *dir, lb_err *err);

#endif
