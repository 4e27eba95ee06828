/* html.h — writing HTML, SVG and XML text safely, and the page frame shared
 * by analyze's report page and loadgen's --html page (one look, one CSS).
 *
 * Hand-written: the output is a handful of fixed elements, and escaping five
 * characters needs no library. Pages are self-contained: inline CSS, no
 * JavaScript, no fonts or other requests. */
#ifndef LB_HTML_H
#define LB_HTML_H
#include <stddef.h>
#include <stdio.h>

/* Write s with & < > " ' replaced by entities, so it is safe as element text
 * and inside a quoted attribute (HTML, SVG and XML alike). Control bytes
 * other than TAB and LF, which XML 1.0 forbids, become U+FFFD. */
void html_escape(FILE *f, const char *s);

/* The first n bytes of s, escaped as html_escape does. */
void html_escape_n(FILE *f, const char *s, size_t n);

/* <!DOCTYPE html> ... <body>: the shared inline stylesheet and the escaped
 * title as <title> (the page's <h1> is the caller's). */
void html_page_begin(FILE *f, const char *title);

/* </body></html> */
void html_page_end(FILE *f);

#endif
