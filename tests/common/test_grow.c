/* test_grow.c — what grows by doubling: lb_grow (first allocation, doubling,
 * room left, overflow), lb_buf (reserve, append/puts/printf, consume,
 * pending, compact, clear, free; always NUL-terminated) and lb_oaindex
 * (rehash on growth, at most half full, colliding hashes all found). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "buf.h"
#include "grow.h"
#include "oaindex.h"

static void test_fill_and_double(void **state)
{
    (void)state;
    int *a = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 100; i++) {
        int *na = lb_grow(a, &cap, n, sizeof *a, 4);
        assert_non_null(na);
        a = na;
        assert_true(cap > n);
        a[n++] = i;
    }
    assert_int_equal(cap, 128); /* 4, 8, ..., 128 */
    for (int i = 0; i < 100; i++)
        assert_int_equal(a[i], i);
    free(a);
}

static void test_room_left_keeps_array(void **state)
{
    (void)state;
    size_t cap = 8;
    int *a = malloc(cap * sizeof *a);
    assert_non_null(a);
    assert_ptr_equal(lb_grow(a, &cap, 7, sizeof *a, 4), a);
    assert_int_equal(cap, 8);
    free(a);
}

static void test_overflow_fails_unchanged(void **state)
{
    (void)state;
    size_t cap = SIZE_MAX / 16 + 1, n = cap;
    char dummy;
    assert_null(lb_grow(&dummy, &cap, n, 16, 4));
    assert_int_equal(cap, SIZE_MAX / 16 + 1);
}

static void test_buf_reserve_append(void **state)
{
    (void)state;
    lb_buf b = {0};
    assert_int_equal(lb_buf_reserve(&b, 10), 0);
    assert_int_equal(b.cap, 256);             /* first allocation */
    assert_int_equal(b.len, 0);
    assert_int_equal(lb_buf_reserve(&b, 1000), 0);
    assert_int_equal(b.cap, 1024);            /* doubled until 1000 + NUL fit */
    char *data = b.data;
    assert_int_equal(lb_buf_reserve(&b, 1023), 0);
    assert_ptr_equal(b.data, data);           /* room enough: untouched */
    assert_int_equal(lb_buf_append(&b, "abc", 3), 0);
    assert_int_equal(lb_buf_append(&b, "", 0), 0);
    assert_int_equal(lb_buf_puts(&b, "def"), 0);
    assert_int_equal(b.len, 6);
    assert_string_equal(b.data, "abcdef");    /* NUL after every append */
    assert_int_equal(lb_buf_pending(&b), 6);
    lb_buf_free(&b);

    lb_buf e = {0};                           /* an empty append still gives a C string */
    assert_int_equal(lb_buf_append(&e, NULL, 0), 0);
    assert_string_equal(e.data, "");
    lb_buf_free(&e);
}

static void test_buf_printf(void **state)
{
    (void)state;
    lb_buf b = {0};
    assert_int_equal(lb_buf_printf(&b, "%d-%s", 42, "x"), 0);
    assert_string_equal(b.data, "42-x");
    /* longer than the first allocation: measured, grown, then written */
    assert_int_equal(lb_buf_printf(&b, "%600s|", "y"), 0);
    assert_int_equal(b.len, 4 + 601);
    assert_true(b.cap > b.len);
    assert_int_equal(b.data[4 + 599], 'y');
    assert_string_equal(b.data + 4 + 600, "|");
    lb_buf_free(&b);
}

static void test_buf_consume_compact_clear_free(void **state)
{
    (void)state;
    lb_buf b = {0};
    assert_int_equal(lb_buf_puts(&b, "hello world"), 0);
    lb_buf_consume(&b, 6);
    assert_int_equal(b.off, 6);
    assert_int_equal(lb_buf_pending(&b), 5);
    assert_memory_equal(b.data + b.off, "world", 5);
    size_t cap = b.cap;
    lb_buf_compact(&b);                       /* unconsumed bytes to the front */
    assert_int_equal(b.off, 0);
    assert_int_equal(b.len, 5);
    assert_int_equal(b.cap, cap);
    assert_string_equal(b.data, "world");
    lb_buf_compact(&b);                       /* nothing consumed: a no-op */
    assert_string_equal(b.data, "world");
    lb_buf_consume(&b, 5);                    /* everything: back to empty */
    assert_int_equal(b.off, 0);
    assert_int_equal(b.len, 0);
    assert_int_equal(lb_buf_pending(&b), 0);

    assert_int_equal(lb_buf_puts(&b, "again"), 0);
    char *data = b.data;
    lb_buf_clear(&b);                         /* empty, memory kept */
    assert_int_equal(b.len, 0);
    assert_int_equal(lb_buf_pending(&b), 0);
    assert_ptr_equal(b.data, data);
    assert_int_equal(b.cap, cap);
    assert_string_equal(b.data, "");

    lb_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.cap, 0);
    assert_int_equal(b.len + b.off, 0);
    lb_buf_clear(&b);                         /* safe on a freed buffer */
    lb_buf_compact(&b);
    assert_int_equal(lb_buf_puts(&b, "reused"), 0);
    assert_string_equal(b.data, "reused");
    lb_buf_free(&b);
}

typedef struct rec {
    uint64_t hash;
    int id;
} rec;

static uint64_t rec_hash(const void *r) { return ((const rec *)r)->hash; }

static rec *oa_find(const lb_oaindex *ix, uint64_t h, int id)
{
    if (!ix->cap)
        return NULL;
    for (size_t j = lb_oa_first(ix, h); ix->slot[j]; j = lb_oa_next(ix, j)) {
        rec *r = ix->slot[j];
        if (r->hash == h && r->id == id)
            return r;
    }
    return NULL;
}

static void test_oaindex_grows_and_finds(void **state)
{
    (void)state;
    enum { N = 1000 };
    static rec recs[N];
    lb_oaindex ix = {0};
    assert_null(oa_find(&ix, 0, 0));
    for (int i = 0; i < N; i++) {
        /* long probe runs that must survive each rehash: a third share one
         * hash, a third start in the last slots (and wrap around), a third
         * differ only above the bits any capacity here uses */
        uint64_t h = i % 3 == 0 ? 42 : i % 3 == 1 ? UINT64_MAX - (uint64_t)(i & 3)
                                                  : (uint64_t)i << 40 | (uint64_t)(i & 7);
        recs[i] = (rec){.hash = h, .id = i};
        assert_int_equal(lb_oa_reserve(&ix, rec_hash), 0);
        lb_oa_insert(&ix, &recs[i], recs[i].hash);
        assert_int_equal(ix.n, (size_t)i + 1);
        assert_true(ix.n * 2 <= ix.cap);
        if (i == 0)
            assert_int_equal(ix.cap, 64);
    }
    assert_int_equal(ix.cap, 2048);   /* 64 doubled until 1000 fit at half */
    for (int i = 0; i < N; i++)
        assert_ptr_equal(oa_find(&ix, recs[i].hash, i), &recs[i]);
    assert_null(oa_find(&ix, 42, N));
    lb_oa_free(&ix);
    assert_true(ix.slot == NULL && ix.cap == 0 && ix.n == 0);
    assert_null(oa_find(&ix, 42, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill_and_double),
        cmocka_unit_test(test_room_left_keeps_array),
        cmocka_unit_test(test_overflow_fails_unchanged),
        cmocka_unit_test(test_buf_reserve_append),
        cmocka_unit_test(test_buf_printf),
        cmocka_unit_test(test_buf_consume_compact_clear_free),
        cmocka_unit_test(test_oaindex_grows_and_finds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
