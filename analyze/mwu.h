/* mwu.h — the Mann-Whitney U test (Wilcoxon rank-sum), two-sided.
 *
 * The gate uses it as benchstat does: is the candidate's sample (runs or
 * per-second windows) drawn from a different distribution than the
 * baseline's? Normal approximation with tie correction and continuity
 * correction, the same as scipy.stats.mannwhitneyu(method="asymptotic",
 * use_continuity=True, alternative="two-sided").
 *
 * Hand-written: no Debian-packaged C library offers this test (GSL has no
 * rank tests), and it is forty lines. */
#ifndef AZ_MWU_H
#define AZ_MWU_H
#include <stddef.h>

typedef struct mwu_result {
    double u;      /* U statistic of x: pairs (xi, yj) with xi > yj, ties 1/2 */
    double z;      /* continuity-corrected |z|, 0 when there is no spread */
    double p;      /* two-sided p-value in [0, 1] */
} mwu_result;

/* Test x[0..nx) against y[0..ny). Both samples need at least one value;
 * NaNs are not allowed. When every value is tied the p-value is 1. Returns
 * 0, or -1 when a sample is empty or memory runs out (out untouched). */
int mwu_test(const double *x, size_t nx, const double *y, size_t ny,
             mwu_result *out);

#endif
