/* html.c — entity escaping for HTML, SVG and XML text. */
#include "html.h"

void html_escape(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
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
