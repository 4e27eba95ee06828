/* report_html.c — the report's Markdown subset to one self-contained HTML page. */
#include "report_html.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "readfile.h"

typedef struct conv {
    FILE *f;
    const char *dir;
    int figures;             /* charts inlined so far: their ids get this prefix */
} conv;

/* Inline Markdown of s[0..n): `code`, **bold**, [text](target), \| escapes. */
static void inline_md(FILE *f, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == '|') {
            fputc('|', f);
            i += 2;
        } else if (s[i] == '`') {
            const char *end = memchr(s + i + 1, '`', n - i - 1);
            if (!end)
                goto plain;
            fputs("<code>", f);
            for (const char *q = s + i + 1; q < end; q++)   /* \| is a table's escape */
                if (!(*q == '\\' && q + 1 < end && q[1] == '|'))
                    html_escape_n(f, q, 1);
            fputs("</code>", f);
            i = (size_t)(end - s) + 1;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            const char *end = NULL;
            for (size_t k = i + 2; k + 1 < n; k++)
                if (s[k] == '*' && s[k + 1] == '*') {
                    end = s + k;
                    break;
                }
            if (!end)
                goto plain;
            fputs("<strong>", f);
            inline_md(f, s + i + 2, (size_t)(end - s - i - 2));
            fputs("</strong>", f);
            i = (size_t)(end - s) + 2;
        } else if (s[i] == '[') {
            const char *close = memchr(s + i, ']', n - i);
            if (!close || (size_t)(close - s) + 1 >= n || close[1] != '(')
                goto plain;
            const char *rp = memchr(close, ')', n - (size_t)(close - s));
            if (!rp)
                goto plain;
            const char *t = close + 2;
            size_t tl = (size_t)(rp - t);
            /* a chart's SVG is on this page: point at its figure */
            if (tl > 10 && !strncmp(t, "plots/", 6) && !strncmp(rp - 4, ".svg", 4)) {
                fputs("<a href=\"#fig-", f);
                html_escape_n(f, t + 6, tl - 10);
            } else {
                fputs("<a href=\"", f);
                html_escape_n(f, t, tl);
            }
            fputs("\">", f);
            inline_md(f, s + i + 1, (size_t)(close - s - i - 1));
            fputs("</a>", f);
            i = (size_t)(rp - s) + 1;
        } else {
plain:
            html_escape_n(f, s + i, 1);
            i++;
        }
    }
}

/* Cells of a pipe-table row; \| is not a separator. Returns the count. */
static size_t split_cells(const char *line, const char **cell, size_t *len, size_t cap)
{
    size_t n = 0;
    const char *p = line + 1;   /* after the leading '|' */
    while (*p && n < cap) {
        const char *q = p;
        while (*q && !(*q == '|' && q[-1] != '\\'))
            q++;
        if (!*q)
            break;
        const char *a = p, *b = q;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        cell[n] = a;
        len[n++] = (size_t)(b - a);
        p = q + 1;
    }
    return n;
}

enum { MAX_COLS = 64 };

/* A table: lines[0] header, lines[1] alignment, the rest body rows. */
static void table(conv *c, char **lines, size_t nl)
{
    const char *cell[MAX_COLS];
    size_t len[MAX_COLS];
    bool right[MAX_COLS] = { false };
    size_t na = split_cells(lines[1], cell, len, MAX_COLS);
    for (size_t k = 0; k < na; k++)
        right[k] = len[k] && cell[k][len[k] - 1] == ':';
    fputs("<table>\n<thead><tr>", c->f);
    size_t nh = split_cells(lines[0], cell, len, MAX_COLS);
    for (size_t k = 0; k < nh; k++) {
        fputs(right[k] ? "<th class=\"n\">" : "<th>", c->f);
        inline_md(c->f, cell[k], len[k]);
        fputs("</th>", c->f);
    }
    fputs("</tr></thead>\n<tbody>\n", c->f);
    for (size_t r = 2; r < nl; r++) {
        size_t nc = split_cells(lines[r], cell, len, MAX_COLS);
        fputs("<tr>", c->f);
        for (size_t k = 0; k < nc; k++) {
            fputs(right[k] ? "<td class=\"n\">" : "<td>", c->f);
            inline_md(c->f, cell[k], len[k]);
            fputs("</td>", c->f);
        }
        fputs("</tr>\n", c->f);
    }
    fputs("</tbody>\n</table>\n", c->f);
}

/* Write text with every "gp" id (gpPt0, gpDot, gnuplot_canvas) made unique. */
static void svg_body(FILE *f, const char *s, int fig)
{
    static const char *const ids[] = { "gpPt", "gpDot", "gnuplot_canvas" };
    while (*s) {
        bool hit = false;
        for (size_t k = 0; k < sizeof ids / sizeof ids[0] && !hit; k++)
            if (!strncmp(s, ids[k], strlen(ids[k]))) {
                fprintf(f, "f%d_%s", fig, ids[k]);
                s += strlen(ids[k]);
                hit = true;
            }
        if (!hit)
            fputc(*s++, f);
    }
}

/* ![alt](plots/NAME.png): the chart's SVG inline, or a note when missing. */
static void figure(conv *c, const char *alt, size_t altlen, const char *target, size_t tl)
{
    const char *name = target;
    size_t nl = tl;
    if (nl > 6 && !strncmp(name, "plots/", 6))
        name += 6, nl -= 6;
    const char *dot = memchr(name, '.', nl);
    if (dot)
        nl = (size_t)(dot - name);
    fputs("<figure id=\"fig-", c->f);
    html_escape_n(c->f, name, nl);
    fputs("\">\n", c->f);
    size_t plen = strlen(c->dir) + nl + 16;
    char *path = malloc(plen);
    char *svg = NULL;
    size_t svglen = 0;
    if (path) {
        snprintf(path, plen, "%s/plots/%.*s.svg", c->dir, (int)nl, name);
        lb_err ignored;
        svg = lb_read_file(path, "chart", &svglen, &ignored);
    }
    const char *start = svg ? strstr(svg, "<svg") : NULL;
    if (start) {
        svg_body(c->f, start, ++c->figures);
    } else {
        fputs("<p class=\"skipped\">(chart ", c->f);
        html_escape_n(c->f, name, nl);
        fputs(".svg not available)</p>", c->f);
    }
    fputs("\n<figcaption>", c->f);
    inline_md(c->f, alt, altlen);
    fputs("</figcaption>\n</figure>\n", c->f);
    free(svg);
    free(path);
}

static void heading(conv *c, const char *line)
{
    int level = 0;
    while (line[level] == '#')
        level++;
    const char *t = line + level + (line[level] == ' ');
    fprintf(c->f, "<h%d>", level);
    inline_md(c->f, t, strlen(t));
    fprintf(c->f, "</h%d>\n", level);
}

/* A line that starts with ![alt](target); what follows it (the Markdown's
 * "([SVG](plots/x.svg))") is dropped: the SVG is the figure itself. */
static bool is_image(const char *l, const char **alt, size_t *al, const char **t, size_t *tl)
{
    if (strncmp(l, "![", 2))
        return false;
    const char *close = strstr(l, "](");
    const char *rp = close ? strchr(close, ')') : NULL;
    if (!rp)
        return false;
    *alt = l + 2;
    *al = (size_t)(close - l - 2);
    *t = close + 2;
    *tl = (size_t)(rp - close - 2);
    return true;
}

int report_html_write(FILE *out, const char *md_path, const char *dir, lb_err *err)
{
    size_t len;
    char *md = lb_read_file(md_path, "report", &len, err);
    if (!md)
        return -1;
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += md[i] == '\n';
    char **lines = malloc((cap + 1) * sizeof *lines);
    if (!lines) {
        free(md);
        return lb_err_set(err, "out of memory");
    }
    size_t nl = 0;
    for (char *p = md; p && *p; ) {
        lines[nl++] = p;
        char *e = strchr(p, '\n');
        if (e)
            *e++ = '\0';
        p = e;
    }
    conv c = { out, dir, 0 };
    const char *title = nl && lines[0][0] == '#' ? lines[0] + strspn(lines[0], "# ")
                                                 : "Performance story";
    html_page_begin(out, title);
    for (size_t i = 0; i < nl; ) {
        const char *l = lines[i], *alt, *t;
        size_t al, tl, j = i + 1;
        if (!*l) {
            i++;
        } else if (l[0] == '#') {
            heading(&c, l);
            i++;
        } else if (is_image(l, &alt, &al, &t, &tl)) {
            figure(&c, alt, al, t, tl);
            i++;
        } else if (l[0] == '|' && i + 1 < nl && lines[i + 1][0] == '|' &&
                   strstr(lines[i + 1], "---")) {
            while (j < nl && lines[j][0] == '|')
                j++;
            table(&c, lines + i, j - i);
            i = j;
        } else if (!strncmp(l, "- ", 2) || !strncmp(l, "* ", 2)) {
            fputs("<ul>\n", out);
            while (i < nl && (!strncmp(lines[i], "- ", 2) || !strncmp(lines[i], "* ", 2))) {
                fputs("<li>", out);
                inline_md(out, lines[i] + 2, strlen(lines[i] + 2));
                /* continuation lines, indented */
                for (i++; i < nl && !strncmp(lines[i], "  ", 2) && lines[i][2] != '-'; i++) {
                    fputc('\n', out);
                    inline_md(out, lines[i] + 2, strlen(lines[i] + 2));
                }
                fputs("</li>\n", out);
            }
            fputs("</ul>\n", out);
        } else if (l[0] == '>') {
            fputs("<blockquote><p>", out);
            for (; i < nl && lines[i][0] == '>'; i++) {
                const char *q = lines[i] + 1 + (lines[i][1] == ' ');
                inline_md(out, q, strlen(q));
                fputc('\n', out);
            }
            fputs("</p></blockquote>\n", out);
        } else {
            /* a paragraph: its first line whatever it is (so the loop always
             * advances), then lines up to a blank line or another block */
            fputs("<p>", out);
            inline_md(out, l, strlen(l));
            for (i++; i < nl && lines[i][0] && !strchr("#|>", lines[i][0]) &&
                      strncmp(lines[i], "- ", 2) && strncmp(lines[i], "* ", 2) &&
                      strncmp(lines[i], "![", 2); i++) {
                fputc('\n', out);
                inline_md(out, lines[i], strlen(lines[i]));
            }
            fputs("</p>\n", out);
        }
    }
    html_page_end(out);
    free(lines);
    free(md);
    return ferror(out) ? lb_err_set(err, "write error") : 0;
}
