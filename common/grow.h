/* grow.h — room for one more element in an array that doubles as it fills.
 * The one copy of the pattern that the CSV reader, the stats tables,
 * loadgen's template variables and analyze's row lists all need. */
#ifndef LB_GROW_H
#define LB_GROW_H
#include <stddef.h>

/* arr holds n elements of elem bytes in *cap slots. When n == *cap, realloc
 * it to twice *cap (first slots when empty) and update *cap. Returns the
 * array to store back (arr itself when there was room), or NULL when out of
 * memory; arr and *cap are then unchanged and arr is still the caller's. */
void *lb_grow(void *arr, size_t *cap, size_t n, size_t elem, size_t first);

#endif
