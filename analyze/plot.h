/* plot.h — charts drawn by the external gnuplot program, as PNG and SVG.
 *
 * Each chart is a gnuplot script with its data inline (a here-document), kept
 * beside the images so a reader can re-run or tweak it. gnuplot runs as a
 * child process (posix_spawnp, no shell); PNG uses the pngcairo terminal
 * when this gnuplot has it, else the libgd png terminal. After each run the
 * images are checked to exist and be non-empty. */
#ifndef AZ_PLOT_H
#define AZ_PLOT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lberr.h"

typedef struct plot_ctx {
    const char *gnuplot;     /* program name or path */
    const char *dir;         /* folder that receives NAME.gp, NAME.png, NAME.svg */
    bool pngcairo;           /* probed: pngcairo available */
} plot_ctx;

/* Probe that `gnuplot` runs and which PNG terminal it has; fills ctx.
 * Returns 0, or -1 with err saying gnuplot is missing or broken. */
int plot_probe(plot_ctx *ctx, const char *gnuplot, const char *dir, lb_err *err);

/* PREFIX + a name as a chart's base file name in out: anything but
 * [A-Za-z0-9._-] becomes '_', so names from a manifest cannot reach outside
 * the plots folder. */
void plot_name(char *out, size_t cap, const char *prefix, const char *name);

/* One bar per label (e.g. RPS per profile), linear y axis. */
int plot_bars(const plot_ctx *ctx, const char *name, const char *title, const char *ylabel,
              const char *const *labels, const double *values, size_t n, lb_err *err);

/* Clustered p50/p95/p99 bars per label on a log y axis (values <= 0 are
 * drawn at the axis floor). Used per profile and per endpoint. */
int plot_latency(const plot_ctx *ctx, const char *name, const char *title,
                 const char *const *labels, const double *p50, const double *p95,
                 const double *p99, size_t n, lb_err *err);

/* Users, RPS and p95 over time (seconds since the first point), three
 * stacked panels. */
int plot_history(const plot_ctx *ctx, const char *name, const char *title,
                 const int64_t *t, const double *users, const double *rps,
                 const double *p95, size_t n, lb_err *err);

#endif
