/* test_report_html.c — the report's Markdown subset as HTML: tables (alignment, \| in
 * cells), inline code/bold/links, escaping, lists, quotes, charts inlined with unique
 * ids, a missing chart as a note, and a line no block claims (no endless loop). */
#include "aztest.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "report_html.h"

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_convert(void **state)
{
    (void)state;
    char dir[] = "/tmp/az_html_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], plots[256];
    snprintf(plots, sizeof plots, "%s/plots", dir);
    assert_int_equal(mkdir(plots, 0755), 0);
    snprintf(path, sizeof path, "%s/plots/rps.svg", dir);
    put(path, "<?xml version=\"1.0\"?>\n<svg width=\"10\" height=\"10\"><defs><path id='gpPt0'/>"
              "</defs><use xlink:href='#gpPt0'/></svg>\n");
    snprintf(path, sizeof path, "%s/r.md", dir);
    put(path, "# Story <b>\n\nText with `a<b` and **bold** and [SVG](plots/rps.svg).\n"
              "second line\n\n| Name | N |\n|---|---:|\n| `x\\|y` | 1,234 |\n\n"
              "- one\n  more\n- two\n\n> quoted\n\n![RPS per profile](plots/rps.png) ([SVG](plots/rps.svg))\n\n"
              "![gone](plots/missing.png)\n\n|not a table\n");
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    lb_err err = {0};
    assert_int_equal(report_html_write(f, path, dir, &err), 0);
    fclose(f);
    assert_non_null(strstr(out, "<title>Story &lt;b&gt;</title>"));
    assert_non_null(strstr(out, "<h1>Story &lt;b&gt;</h1>"));
    assert_non_null(strstr(out, "<code>a&lt;b</code>"));
    assert_non_null(strstr(out, "<strong>bold</strong>"));
    assert_non_null(strstr(out, "<a href=\"#fig-rps\">SVG</a>"));
    assert_non_null(strstr(out, "<th>Name</th><th class=\"n\">N</th>"));
    assert_non_null(strstr(out, "<td><code>x|y</code></td><td class=\"n\">1,234</td>"));
    assert_non_null(strstr(out, "<li>one\nmore</li>"));
    assert_non_null(strstr(out, "<blockquote><p>quoted"));
    assert_non_null(strstr(out, "<figure id=\"fig-rps\">"));
    assert_non_null(strstr(out, "<path id='f1_gpPt0'/>"));          /* ids unique per chart */
    assert_non_null(strstr(out, "xlink:href='#f1_gpPt0'"));
    assert_null(strstr(out, "<?xml"));                               /* prolog dropped */
    assert_non_null(strstr(out, "<figcaption>RPS per profile</figcaption>"));
    assert_non_null(strstr(out, "(chart missing.svg not available)"));
    assert_non_null(strstr(out, "<p>|not a table</p>"));
    assert_null(strstr(out, "<script"));
    assert_non_null(strstr(out, "</html>"));
    free(out);
    /* an unreadable input is an error naming it */
    assert_int_equal(report_html_write(stdout, "/nonexistent/r.md", dir, &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/r.md"));
    remove(path);
    snprintf(path, sizeof path, "%s/plots/rps.svg", dir);
    remove(path);
    rmdir(plots);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_convert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
