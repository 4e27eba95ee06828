/* html.h — writing HTML, SVG and XML text safely (analyze's report page and
 * JUnit verdict, loadgen's --html page).
 *
 * Hand-written: the output is a handful of fixed elements, and escaping five
 * characters needs no library. */
#ifndef LB_HTML_H
#define LB_HTML_H
#include <stdio.h>

/* Write s with & < > " ' replaced by entities, so it is safe as element text
 * and inside a quoted attribute (HTML, SVG and XML alike). Control bytes
 * other than TAB and LF, which XML 1.0 forbids, become U+FFFD. */
void html_escape(FILE *f, const char *s);

#endif
