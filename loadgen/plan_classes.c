/* plan_classes.c — a plan's user classes (`users:`, Locust's User classes):
 * finding them, and how many users each gets, by Locust 2.12.1's rules so
 * that a port spawns the same mix (dispatch.py for a run, inspectuser.py for
 * --show-task-ratio; the two differ in Locust too). */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "plan.h"

size_t plan_nclasses(const lg_plan *plan)
{
    return plan->nclasses ? plan->nclasses : 1;
}

const lg_plan *plan_class(const lg_plan *plan, size_t i)
{
    return plan->nclasses ? &plan->classes[i] : plan;
}

int plan_class_index(const lg_plan *plan, const char *name)
{
    for (size_t i = 0; i < plan_nclasses(plan); i++) {
        const lg_plan *c = plan_class(plan, i);
        if (c->name && !strcmp(c->name, name))
            return (int)i;
    }
    return -1;
}

size_t plan_class_order(const lg_plan *plan, size_t *order)
{
    size_t nc = plan_nclasses(plan);
    for (size_t k = 0; k < nc; k++) {   /* insertion sort: a few classes */
        size_t j = k;
        for (; j > 0 && strcmp(plan_class(plan, order[j - 1])->name, plan_class(plan, k)->name) > 0; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
    return nc;
}

/* The `roundrobin` package's smooth weighted round robin, as Locust uses it
 * (smooth_rr.py): over one cycle of sum(weights) picks each item comes up
 * exactly `weight` times, spread out, and the state is back at its start. */
typedef struct srr_item {
    size_t cls;
    long weight, current, effective;
} srr_item;

static size_t srr_next(srr_item *it, size_t n)
{
    if (n == 1)
        return 0;
    long total = 0;
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        it[i].current += it[i].effective;
        total += it[i].effective;
        if (it[i].effective < it[i].weight)
            it[i].effective++;
        if (best == SIZE_MAX || it[best].current < it[i].current)
            best = i;
    }
    it[best].current -= total;
    return best;
}

/* Locust normalises the values (weights or fixed counts) of one group to
 * round(2 * value / smallest value), Python's round (half to even, which
 * nearbyint does in the default rounding mode), and takes the classes in
 * the order of their names (dispatch.py sorts them; ties go to the first).
 * Returns the cycle length. */
static long srr_init(const lg_plan *plan, bool fixed, srr_item *it, size_t *n)
{
    double v[LG_MAX_CLASSES], min = 0;
    size_t order[LG_MAX_CLASSES], nc = plan_class_order(plan, order);
    *n = 0;
    for (size_t o = 0; o < nc && o < LG_MAX_CLASSES; o++) {
        size_t i = order[o];
        const lg_plan *c = plan_class(plan, i);
        if ((c->fixed_count > 0) != fixed)
            continue;
        v[*n] = fixed ? (double)c->fixed_count : c->weight;
        if (*n == 0 || v[*n] < min)
            min = v[*n];
        it[(*n)++].cls = i;
    }
    long len = 0;
    for (size_t i = 0; i < *n; i++) {
        it[i].weight = it[i].effective = (long)nearbyint(2 * v[i] / min);
        it[i].current = 0;
        len += it[i].weight;
    }
    return len;
}

long plan_distribute(const lg_plan *plan, long total, long *counts)
{
    size_t nc = plan_nclasses(plan);
    memset(counts, 0, nc * sizeof *counts);
    if (!plan->nclasses) {
        counts[0] = total;
        return total;
    }
    srr_item it[LG_MAX_CLASSES];
    size_t n;
    long placed = 0;
    /* fixed_count classes first, each up to its count */
    srr_init(plan, true, it, &n);
    size_t full = 0;            /* fixed classes that have their count */
    while (placed < total && full < n) {
        const lg_plan *c = &plan->classes[it[srr_next(it, n)].cls];
        size_t k = (size_t)(c - plan->classes);
        if (counts[k] < c->fixed_count) {
            counts[k]++;
            placed++;
            full += counts[k] == c->fixed_count;
        }
    }
    /* then the weighted ones, whole cycles at once */
    long len = srr_init(plan, false, it, &n);
    if (!n || placed >= total)
        return placed;
    long left = total - placed, cycles = left / len;
    for (size_t i = 0; i < n; i++)
        counts[it[i].cls] += cycles * it[i].weight;
    for (long r = 0; r < left % len; r++)
        counts[it[srr_next(it, n)].cls]++;
    return total;
}

void plan_ratio_counts(const lg_plan *plan, long users, long *counts)
{
    size_t nc = plan_nclasses(plan);
    long fixed = 0;
    double weight = 0;
    for (size_t i = 0; i < nc; i++) {
        const lg_plan *c = plan_class(plan, i);
        if (c->fixed_count > 0)
            fixed += c->fixed_count;
        else
            weight += plan->nclasses ? c->weight : 1;
    }
    if (users <= 0)
        users = fixed ? 1 : (long)weight;
    long weighted = users - fixed > 0 ? users - fixed : 0;
    for (size_t i = 0; i < nc; i++) {
        const lg_plan *c = plan_class(plan, i);
        double w = plan->nclasses ? c->weight : 1;
        counts[i] = c->fixed_count > 0 ? c->fixed_count
                                       : (long)nearbyint(w / weight * (double)weighted);
    }
}
