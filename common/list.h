/* list.h — an intrusive doubly linked list, the one the programs share.
 *
 * A node is embedded in its owner (a connection, a socket record, a parked
 * request), so linking and unlinking never allocate and an owner can remove
 * itself in O(1) knowing nothing but its node. The list keeps its head, tail
 * and length. lb_container_of gets the owner back from its node. A zeroed
 * list is empty and a zeroed node is not linked, so owners from calloc or
 * {0} need no init call.
 *
 * Written by hand: no Debian C library offers a small intrusive list (BSD
 * <sys/queue.h> macros do, but glibc's copy lacks the TAILQ safety macros
 * and spreads the links over each owner's own field names). */
#ifndef LB_LIST_H
#define LB_LIST_H
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct lb_node {
    struct lb_node *prev, *next;
    bool linked;
} lb_node;

typedef struct lb_list {
    lb_node *head, *tail;
    size_t n;
} lb_list;

#define lb_container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* Append nd (not linked) at the tail. */
static inline void lb_list_push(lb_list *l, lb_node *nd)
{
    assert(!nd->linked);
    nd->next = NULL;
    nd->prev = l->tail;
    if (l->tail)
        l->tail->next = nd;
    else
        l->head = nd;
    l->tail = nd;
    nd->linked = true;
    l->n++;
}

/* Unlink nd from l; a no-op when nd is not linked. */
static inline void lb_list_remove(lb_list *l, lb_node *nd)
{
    if (!nd->linked)
        return;
    if (nd->prev)
        nd->prev->next = nd->next;
    else
        l->head = nd->next;
    if (nd->next)
        nd->next->prev = nd->prev;
    else
        l->tail = nd->prev;
    nd->prev = nd->next = NULL;
    nd->linked = false;
    l->n--;
}

/* Unlink and return the head, or NULL when empty. */
static inline lb_node *lb_list_shift(lb_list *l)
{
    lb_node *nd = l->head;
    if (nd)
        lb_list_remove(l, nd);
    return nd;
}

static inline bool lb_list_empty(const lb_list *l)
{
    return l->head == NULL;
}

#endif
