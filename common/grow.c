/* grow.c — see grow.h. */
#include "grow.h"
#include <stdint.h>
#include <stdlib.h>

void *lb_grow(void *arr, size_t *cap, size_t n, size_t elem, size_t first)
{
    if (n < *cap)
        return arr;
    size_t per = elem ? elem : 1;
    if (*cap > SIZE_MAX / 2 / per || (!*cap && first > SIZE_MAX / per))
        return NULL;
    size_t ncap = *cap ? *cap * 2 : first;
    void *na = realloc(arr, ncap * elem);
    if (na)
        *cap = ncap;
    return na;
}
