/* test_manifest.c — the manifest format: sections, labels, errors with lines. */
#include "aztest.h"
#include <string.h>
#include "manifest.h"

static const char GOOD[] =
    "# two profiles and a comparison\r\n"
    "[profile on]\n"
    "file   = data/profile_on.csv\n"
    "users  = 1500\n"
    "config = tracing ON, 1 worker\n"
    "commit = fb69a06\n"
    "tags   = tracing=on workers=1\n"
    "\n"
    "[profile off]\n"
    "file = profile_off.csv\n"
    "original = profile_1500_notracing_fb69a06\n"
    "; another comment style\n"
    "[compare tracing]\n"
    "a = on\n"
    "b = off\n"
    "note = 2 CPUs only\n";

static void test_good(void **state)
{
    (void)state;
    manifest m;
    lb_err err = {0};
    assert_int_equal(manifest_parse(GOOD, "cfg/x.manifest", &m, &err), 0);
    assert_string_equal(m.dir, "cfg");
    assert_int_equal(m.nprofiles, 2);
    assert_string_equal(m.profiles[0].name, "on");
    assert_string_equal(m.profiles[0].config, "tracing ON, 1 worker");
    assert_string_equal(m.profiles[0].tags, "tracing=on workers=1");
    assert_int_equal(m.profiles[0].line, 2);
    assert_string_equal(m.profiles[1].users, "");       /* absent labels are empty */
    assert_int_equal(m.ncompares, 1);
    assert_string_equal(m.compares[0].title, "tracing");   /* defaults to the name */
    assert_string_equal(m.profiles[0].original, "");       /* absent: empty */
    assert_string_equal(m.profiles[1].original, "profile_1500_notracing_fb69a06");
    assert_string_equal(m.compares[0].note, "2 CPUs only");
    assert_ptr_equal(manifest_find(&m, "off"), &m.profiles[1]);
    assert_ptr_equal(manifest_find(&m, "profile_on"), &m.profiles[0]);  /* by file name */
    assert_null(manifest_find(&m, "nope"));
    manifest_free(&m);
    assert_int_equal(manifest_parse("[profile a]\nfile=a.csv\n", "a.manifest", &m, &err), 0);
    assert_string_equal(m.dir, ".");
    manifest_free(&m);
}

static void bad(const char *text, const char *want)
{
    manifest m;
    lb_err err = {0};
    assert_int_equal(manifest_parse(text, "bad.manifest", &m, &err), -1);
    if (!strstr(err.msg, want))
        fail_msg("error '%s' lacks '%s'", err.msg, want);
    assert_null(m.profiles);
}

static void test_errors(void **state)
{
    (void)state;
    bad("", "no [profile NAME] section");
    bad("file = x.csv\n", "bad.manifest:1: key 'file' outside");
    bad("[profile a]\nfile = a.csv\ncolour = red\n", "bad.manifest:3: unknown key 'colour'");
    bad("[profile a]\nfile = a.csv\noriginal = x\noriginal = y\n",
        "bad.manifest:4: key 'original' given twice");
    bad("[profile a]\nfile = a.csv\n[compare c]\na = a\nb = a\nnote = x\nnote = y\n",
        "bad.manifest:7: key 'note' given twice");
    bad("[profile a]\nusers = 5\n", "bad.manifest:1: profile 'a' has no 'file ='");
    bad("[profile a]\nfile=a\n[profile a]\nfile=b\n", "bad.manifest:3: profile 'a' already defined at line 1");
    bad("[profile a]\nfile=a\n[compare c]\na = a\nb = zz\n", "bad.manifest:3: compare 'c' names unknown profile 'zz'");
    bad("[profile a]\nfile=a\n[compare c]\na = a\n", "needs both");
    bad("[profile a]\nfile=a\ntags = tracing\n", "bad.manifest:3: tag 'tracing' is not key=value");
    bad("[widget a]\n", "bad.manifest:1: unknown section kind 'widget'");
    bad("[profile a b]\n", "bad.manifest:1: section needs one name");
    bad("[profile a\n", "bad.manifest:1: section header");
    bad("[profile a]\nfile=a\njunk\n", "bad.manifest:3: expected 'key = value'");
    bad("[profile a]\nfile=a\nfile=b\n", "bad.manifest:3: key 'file' given twice");
}

static void test_read_missing(void **state)
{
    (void)state;
    manifest m;
    lb_err err = {0};
    assert_int_equal(manifest_read("/nonexistent/x.manifest", &m, &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/x.manifest"));
}

/* 3000 deterministic mutants of a good manifest (byte flips, insertions of
 * the format's own punctuation, truncations): each either parses or fails
 * with a message naming the file; under ASan this also proves no overrun. */
static void test_mutants(void **state)
{
    (void)state;
    static const char punct[] = "[]=#;\n\r \t\0ab";
    unsigned seed = 12345;
    size_t len = strlen(GOOD);
    char text[sizeof GOOD + 8];
    for (int i = 0; i < 3000; i++) {
        memcpy(text, GOOD, len + 1);
        for (int k = 0; k < 1 + i % 4; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t pos = (seed >> 8) % len;
            seed = seed * 1103515245u + 12345u;
            text[pos] = punct[(seed >> 8) % (sizeof punct - 1)];
        }
        if (i % 7 == 0)
            text[(seed >> 4) % len] = '\0';
        manifest m;
        lb_err err = {0};
        if (manifest_parse(text, "mut.manifest", &m, &err) == 0) {
            assert_true(m.nprofiles > 0);
            for (size_t j = 0; j < m.nprofiles; j++)
                assert_true(m.profiles[j].file[0] != '\0');
            manifest_free(&m);
        } else {
            assert_non_null(strstr(err.msg, "mut.manifest"));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_read_missing),
        cmocka_unit_test(test_mutants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
