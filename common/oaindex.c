/* oaindex.c — see oaindex.h. */
#include "oaindex.h"
#include <stdlib.h>

static void place(void **slot, size_t cap, void *rec, uint64_t h)
{
    size_t j = (size_t)h & (cap - 1);
    while (slot[j])
        j = (j + 1) & (cap - 1);
    slot[j] = rec;
}

int lb_oa_reserve(lb_oaindex *ix, lb_oa_hash_fn hash)
{
    if ((ix->n + 1) * 2 <= ix->cap)
        return 0;
    size_t cap = ix->cap ? ix->cap * 2 : 64;
    void **slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->slot[i])
            place(slot, cap, ix->slot[i], hash(ix->slot[i]));
    free(ix->slot);
    ix->slot = slot;
    ix->cap = cap;
    return 0;
}

void lb_oa_insert(lb_oaindex *ix, void *rec, uint64_t h)
{
    place(ix->slot, ix->cap, rec, h);
    ix->n++;
}

void lb_oa_free(lb_oaindex *ix)
{
    free(ix->slot);
    *ix = (lb_oaindex){NULL, 0, 0};
}
