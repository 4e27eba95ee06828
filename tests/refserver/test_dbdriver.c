/* test_dbdriver.c — the parts of the MariaDB driver that need no server
 * (issue 15): the SQL translation (?N markers, LIKE's collation, literals
 * untouched), the --db URL parser with its errors, the redacted form, and
 * that a SQLite connection reports its backend and is never "lost". The
 * driver against a live server: live_backends_contract.sh and friends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/db.h"
#include "store/db_mariadb_sql.h"
#include "store/db_url.h"

static void translated(const char *in, const char *want, int npos, const int *map, int nlogical)
{
    my_sql s;
    assert_int_equal(my_sql_translate(in, &s), 0);
    assert_string_equal(s.text, want);
    assert_int_equal(s.npos, npos);
    assert_int_equal(s.nlogical, nlogical);
    for (int i = 0; i < npos; i++)
        assert_int_equal(s.map[i], map[i]);
    my_sql_free(&s);
}

static void test_markers(void **state)
{
    (void)state;
    translated("SELECT 1", "SELECT 1", 0, NULL, 0);
    translated("a = ? AND b = ?", "a = ? AND b = ?", 2, (int[]){0, 1}, 2);
    /* a repeated ?N binds one logical parameter to several markers */
    translated("max(x, ?1), min(y, ?1), z = ?2 WHERE u = ?1", "max(x, ?), min(y, ?), z = ? WHERE u = ?",
               4, (int[]){0, 0, 1, 0}, 2);
    /* a bare ? after ?3 is ?4, as SQLite numbers it */
    translated("?3 ?", "? ?", 2, (int[]){2, 3}, 4);
    /* ?10 is one marker, not ?1 followed by 0 */
    translated("(?10, ?2)", "(?, ?)", 2, (int[]){9, 1}, 10);
}

static void test_literals_and_like(void **state)
{
    (void)state;
    /* a ? inside a literal (with '' in it) is text, not a marker */
    translated("x = 'why?' AND y = 'it''s ?' AND z = ?", "x = 'why?' AND y = 'it''s ?' AND z = ?",
               1, (int[]){0}, 1);
    translated("a.ip LIKE ? AND (services LIKE ?1 OR x = ?)",
               "a.ip REGEXP ? AND (services REGEXP ? OR x = ?)", 3, (int[]){0, 0, 1}, 2);
    my_sql s;
    assert_int_equal(my_sql_translate("a LIKE ? AND b = ? AND c LIKE ?", &s), 0);
    assert_true(s.like[0]);
    assert_false(s.like[1]);
    assert_true(s.like[2]);
    my_sql_free(&s);
    /* only a whole word LIKE: "UNLIKE" is a column name here */
    translated("UNLIKE = ?", "UNLIKE = ?", 1, (int[]){0}, 1);
    /* a LIKE over a literal is left alone */
    translated("s LIKE '%\"ssh\"%'", "s LIKE '%\"ssh\"%'", 0, NULL, 0);
    /* an unterminated literal is copied to the end, not read past it */
    translated("x = 'abc", "x = 'abc", 0, NULL, 0);
}

static void regexp_is(const char *like, const char *want)
{
    unsigned long n = 0;
    char *re = my_like_regexp(like, strlen(like), &n);
    assert_non_null(re);
    assert_string_equal(re, want);
    assert_int_equal(n, strlen(want));
    free(re);
}

/* SQLite's LIKE as a regular expression: anchored, % and _ wildcards, ASCII
 * letters either case, every regex metacharacter literal (a backslash too:
 * SQLite's LIKE has no escape), UTF-8 untouched, newlines matched by % */
static void test_like_regexp(void **state)
{
    (void)state;
    regexp_is("%ssh%", "(?s)^.*[sS][sS][hH].*$");
    regexp_is("a_c", "(?s)^[aA].{1}[cC]$");
    /* a run of wildcards is one quantifier, so no pattern nests .* in .* */
    regexp_is("%%%%%%", "(?s)^.*$");
    regexp_is("a%_%__b", "(?s)^[aA].{3,}[bB]$");
    regexp_is("__", "(?s)^.{2}$");
    regexp_is("%\\%", "(?s)^.*\\\\.*$");
    regexp_is("1.2(3)[x]{2}+*?|^$", "(?s)^1\\.2\\(3\\)\\[[xX]\\]\\{2\\}\\+\\*\\?\\|\\^\\$$");
    regexp_is("%\xc3\xa9%", "(?s)^.*\xc3\xa9.*$");
    regexp_is("", "(?s)^$");
}

static void test_url(void **state)
{
    (void)state;
    rs_db_url u;
    lb_err err = {0};
    assert_int_equal(db_url_parse("mysql://bob:s%40cret@127.0.0.1:3307/lb_1", &u, &err), 0);
    assert_string_equal(u.user, "bob");
    assert_string_equal(u.pass, "s@cret");
    assert_string_equal(u.host, "127.0.0.1");
    assert_int_equal(u.port, 3307);
    assert_string_equal(u.name, "lb_1");
    assert_int_equal(db_url_parse("mariadb://bob@[::1]/x", &u, &err), 0);
    assert_string_equal(u.host, "::1");
    assert_int_equal(u.port, 3306);
    static const char *const bad[][2] = {
        {"mysql://bob@127.0.0.1:3306/", "database name"},
        {"mysql://bob@127.0.0.1:3306/a;drop", "database name"},
        {"mysql://127.0.0.1/x", "user"},
        {"mysql://bob@127.0.0.1:99999/x", "port"},
        {"mysql://bob:pw@127.0.0.1:x/x", "port"},
        {"mysql://bob@127.0.0.1/x?ssl=1", "options"},
        {"mysql://", "URL"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.msg[0] = '\0';
        if (db_url_parse(bad[i][0], &u, &err) == 0)
            fail_msg("'%s' accepted", bad[i][0]);
        if (!strstr(err.msg, bad[i][1]))
            fail_msg("'%s': error '%s' does not name the %s", bad[i][0], err.msg, bad[i][1]);
    }
    assert_int_equal(db_target_check("./attackers.db", &err), 0);
    assert_int_equal(db_target_check("mysql://x", &err), -1);
}

static void test_redacted(void **state)
{
    (void)state;
    char out[200];
    db_target_redacted("mysql://bob:hunter2@127.0.0.1:3307/lb", out, sizeof out);
    assert_string_equal(out, "mysql://bob:***@127.0.0.1:3307/lb");
    db_target_redacted("mysql://bob@[::1]/lb", out, sizeof out);
    assert_string_equal(out, "mysql://bob@[::1]:3306/lb");
    db_target_redacted("/tmp/a.db", out, sizeof out);
    assert_string_equal(out, "/tmp/a.db");
}

static void test_sqlite_backend(void **state)
{
    (void)state;
    assert_int_equal(db_target_backend("mysql://a@b/c"), RS_BACKEND_MARIADB);
    assert_int_equal(db_target_backend("mariadb://a@b/c"), RS_BACKEND_MARIADB);
    assert_int_equal(db_target_backend("mysql.db"), RS_BACKEND_SQLITE);
    lb_err err = {0};
    rs_db *db = db_open(":memory:", RS_DB_POOLED, &err);
    assert_non_null(db);
    assert_int_equal(db_backend(db), RS_BACKEND_SQLITE);
    assert_false(db_lost(db));
    assert_int_equal(db_ready(db, &err), 0);
    /* json_unquote exists on SQLite too, as the identity */
    rs_stmt *st = db_stmt(db, "SELECT json_unquote(json_extract('{\"a\":\"x\",\"n\":2}', '$.\"a\"')), "
                              "json_unquote(json_extract('{\"n\":2}', '$.n')), ?2, ?1", &err);
    assert_non_null(st);
    db_bind_int(st, 1, 7);
    db_bind_text(st, 2, "t");
    assert_int_equal(db_step(st), RS_STEP_ROW);
    assert_string_equal(db_col_text(st, 0), "x");
    assert_int_equal(db_col_int(st, 1), 2);
    assert_string_equal(db_col_text(st, 2), "t");
    assert_int_equal(db_col_int(st, 3), 7);
    assert_int_equal(db_step(st), RS_STEP_DONE);
    db_reset(st);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markers),
        cmocka_unit_test(test_literals_and_like),
        cmocka_unit_test(test_like_regexp),
        cmocka_unit_test(test_url),
        cmocka_unit_test(test_redacted),
        cmocka_unit_test(test_sqlite_backend),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
