/* test_list.c — lb_list: push order, removal at the head, in the middle and
 * at the tail (links and length stay consistent), shift in FIFO order,
 * removing an unlinked node is a no-op, and lb_container_of finds the owner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "list.h"

typedef struct item {
    int id;
    lb_node node;   /* not first: lb_container_of must subtract its offset */
} item;

static int id_of(lb_node *nd) { return lb_container_of(nd, item, node)->id; }

/* l holds exactly the ids in want, in order, walked both ways. */
static void assert_ids(const lb_list *l, const int *want, size_t n)
{
    assert_int_equal(l->n, n);
    assert_int_equal(lb_list_empty(l), n == 0);
    size_t i = 0;
    for (lb_node *nd = l->head; nd; nd = nd->next, i++) {
        assert_true(i < n);
        assert_true(nd->linked);
        assert_int_equal(id_of(nd), want[i]);
    }
    assert_int_equal(i, n);
    for (lb_node *nd = l->tail; nd; nd = nd->prev)
        assert_int_equal(id_of(nd), want[--i]);
    assert_int_equal(i, 0);
}

static void fill(lb_list *l, item *it, int n)
{
    *l = (lb_list){0};
    for (int i = 0; i < n; i++) {
        it[i] = (item){.id = i};
        lb_list_push(l, &it[i].node);
        assert_int_equal(l->n, (size_t)i + 1);
    }
}

static void test_push_keeps_order(void **state)
{
    (void)state;
    lb_list l = {0};
    item it[3];
    assert_true(lb_list_empty(&l));
    assert_null(lb_list_shift(&l));
    fill(&l, it, 3);
    assert_ids(&l, (int[]){0, 1, 2}, 3);
}

static void test_remove_head_middle_tail(void **state)
{
    (void)state;
    lb_list l;
    item it[5];
    fill(&l, it, 5);
    lb_list_remove(&l, &it[2].node);   /* middle */
    assert_false(it[2].node.linked);
    assert_ids(&l, (int[]){0, 1, 3, 4}, 4);
    lb_list_remove(&l, &it[0].node);   /* head */
    assert_ids(&l, (int[]){1, 3, 4}, 3);
    lb_list_remove(&l, &it[4].node);   /* tail */
    assert_ids(&l, (int[]){1, 3}, 2);
    lb_list_remove(&l, &it[3].node);
    lb_list_remove(&l, &it[1].node);   /* the last one: head and tail both go */
    assert_ids(&l, NULL, 0);
    assert_null(l.head);
    assert_null(l.tail);
    lb_list_push(&l, &it[2].node);     /* a removed node can be pushed again */
    assert_ids(&l, (int[]){2}, 1);
}

static void test_shift_is_fifo(void **state)
{
    (void)state;
    lb_list l;
    item it[4];
    fill(&l, it, 4);
    for (int i = 0; i < 4; i++) {
        lb_node *nd = lb_list_shift(&l);
        assert_non_null(nd);
        assert_ptr_equal(lb_container_of(nd, item, node), &it[i]);
        assert_false(nd->linked);
        assert_int_equal(l.n, (size_t)(3 - i));
    }
    assert_true(lb_list_empty(&l));
    assert_null(lb_list_shift(&l));
}

static void test_remove_unlinked_is_noop(void **state)
{
    (void)state;
    lb_list l;
    item it[2], stray = {.id = 9};   /* zeroed node: never linked */
    fill(&l, it, 2);
    lb_list_remove(&l, &stray.node);
    assert_ids(&l, (int[]){0, 1}, 2);
    lb_list_remove(&l, &it[0].node);
    lb_list_remove(&l, &it[0].node);   /* twice: the second does nothing */
    assert_ids(&l, (int[]){1}, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_keeps_order),
        cmocka_unit_test(test_remove_head_middle_tail),
        cmocka_unit_test(test_shift_is_fifo),
        cmocka_unit_test(test_remove_unlinked_is_noop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
