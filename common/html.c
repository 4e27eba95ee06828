/* html.c — entity escaping and the page frame for HTML, SVG and XML output. */
#include "html.h"

void html_escape_n(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n')
                fputs("\xEF\xBF\xBD", f);
            else
                fputc(c, f);
        }
    }
}

void html_escape(FILE *f, const char *s)
{
    html_escape_n(f, s, (size_t)-1);
}

/* System fonts only: a page must not fetch anything. */
static const char CSS[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;"
    "max-width:1100px;padding:0 1em;color:#1b1b1b;line-height:1.45}"
    "h1,h2,h3,h4{line-height:1.2}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;"
    "margin-top:2em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.9em;display:block;overflow-x:auto;"
    "max-width:100%}code{overflow-wrap:anywhere}"
    "th,td{border:1px solid #ccc;padding:.25em .6em;vertical-align:top}"
    "th{background:#f0f3f7}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
    "tr:nth-child(even) td{background:#fafafa}"
    "code{background:#f3f3f3;padding:0 .2em;border-radius:3px;font-size:.92em}"
    "figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;display:block}"
    "figcaption{font-size:.9em;color:#555}blockquote{border-left:4px solid #ddd;"
    "margin:1em 0;padding:.1em 1em;color:#444}.skipped{color:#a33}";

void html_page_begin(FILE *f, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>", f);
    html_escape(f, title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
}

void html_page_end(FILE *f)
{
    fputs("</body>\n</html>\n", f);
}
