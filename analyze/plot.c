/* plot.c — writing gnuplot scripts, running gnuplot, and checking its images. */
#include "plot.h"
#include "svgchart.h"
#include <errno.h>
#include <stdbool.h>
#include <math.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define PLOT_W 1000
#define PLOT_H 560

void plot_name(char *out, size_t cap, const char *prefix, const char *name)
{
    size_t o = (size_t)snprintf(out, cap, "%s", prefix);
    for (const char *s = name; *s && o + 1 < cap; s++) {
        char c = *s;
        int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '-';
        out[o++] = keep ? c : '_';
    }
    out[o] = '\0';
}

/* Run gnuplot with args, stdout/stderr to /dev/null (errors are detected by
 * the exit status and by the images' sizes). Returns the exit status, or -1
 * when it could not be started. */
static int run_gnuplot(const char *gnuplot, char *const argv[])
{
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa))
        return -1;
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, gnuplot, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc)
        return -1;
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int plot_probe(plot_ctx *ctx, const char *gnuplot, const char *dir, lb_err *err)
{
    ctx->gnuplot = gnuplot;
    ctx->dir = dir;
    ctx->pngcairo = false;
    char *v[] = { (char *)gnuplot, "-e", "exit", NULL };
    if (run_gnuplot(gnuplot, v) != 0)
        return lb_err_set(err, "gnuplot ('%s') not found or not working", gnuplot);
    char *c[] = { (char *)gnuplot, "-e", "set terminal pngcairo", NULL };
    ctx->pngcairo = run_gnuplot(gnuplot, c) == 0;
    return 0;
}

static void put_quoted(FILE *f, const char *s)
{
    /* gnuplot double-quoted strings: escape backslash and quote; '@' and '&'
     * are harmless, '_' would be subscript in enhanced text (we disable it). */
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Open DIR/NAME.gp and write the common preamble. */
static FILE *script_open(const plot_ctx *ctx, const char *name, char *path, size_t cap,
                         lb_err *err)
{
    snprintf(path, cap, "%s/%s.gp", ctx->dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        lb_err_set(err, "%s: cannot write: %s", path, strerror(errno));
    else
        fprintf(f, "# %s.gp — written by analyze report; run `gnuplot %s.gp` in this folder.\n"
                "set encoding utf8\nset termoption noenhanced\n", name, name);
    return f;
}

/* The same plot commands rendered to PNG and to SVG, then run and checked. */
static int script_finish(const plot_ctx *ctx, FILE *f, const char *path, const char *name,
                         const char *body, lb_err *err)
{
    fprintf(f, "set terminal %s size %d,%d\nset output '%s.png'\n%s\n",
            ctx->pngcairo ? "pngcairo noenhanced" : "png", PLOT_W, PLOT_H, name, body);
    fprintf(f, "set terminal svg noenhanced size %d,%d\nset output '%s.svg'\n%s\nset output\n",
            PLOT_W, PLOT_H, name, body);
    if (fclose(f))
        return lb_err_set(err, "%s: write error", path);
    /* gnuplot resolves output names against its working directory: cd there
     * through gnuplot's own `cd` so no shell is involved. */
    char cd[8200];
    size_t o = (size_t)snprintf(cd, sizeof cd, "cd '");
    for (const char *s = ctx->dir; *s && o + 4 < sizeof cd; s++) {
        if (*s == '\'')
            cd[o++] = '\'';   /* '' is a quote inside a single-quoted gnuplot string */
        cd[o++] = *s;
    }
    snprintf(cd + o, sizeof cd - o, "'");
    char gp[4200];
    snprintf(gp, sizeof gp, "%s.gp", name);
    char *argv[] = { (char *)ctx->gnuplot, "-e", cd, gp, NULL };
    int rc = run_gnuplot(ctx->gnuplot, argv);
    if (rc != 0)
        return lb_err_set(err, "%s: gnuplot failed (exit %d)", path, rc);
    static const char *const ext[] = { "png", "svg" };
    for (int i = 0; i < 2; i++) {
        char img[4200];
        struct stat st;
        snprintf(img, sizeof img, "%s/%s.%s", ctx->dir, name, ext[i]);
        if (stat(img, &st) != 0 || st.st_size == 0)
            return lb_err_set(err, "%s: gnuplot produced no %s image", img, ext[i]);
    }
    return 0;
}

/* A chart label as a gnuplot string: the lines chart_label_lines gives
 * (common/svgchart.h, the same as loadgen's page), joined by "\n"; quotes
 * and backslashes become ' so the string stays closed. */
static void put_label(FILE *f, const char *s)
{
    const char *start[CHART_LABEL_LINES];
    size_t len[CHART_LABEL_LINES];
    bool cut;
    size_t n = chart_label_lines(s, start, len, &cut);
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs("\\n", f);
        for (size_t k = 0; k < len[i]; k++)
            fputc(start[i][k] == '"' || start[i][k] == '\\' ? '\'' : start[i][k], f);
    }
    fputs(cut ? "...\"" : "\"", f);
}

/* set xtics ("label" 0, ...): labels as commands, where "\n" breaks a line.
 * A prefix every label shares up to a '/' ("GET /api/v1/" on an endpoint
 * chart) is said once in the x label instead of under every bar, where it
 * would leave no room for what differs. */
static void put_xtics(FILE *f, const char *const *labels, size_t n)
{
    size_t common = 0;
    if (n > 1) {
        size_t k = 0;
        for (; labels[0][k]; k++) {
            size_t i = 1;
            while (i < n && labels[i][k] == labels[0][k])
                i++;
            if (i < n)
                break;
            if (labels[0][k] == '/')
                common = k + 1;
        }
        for (size_t i = 0; i < n; i++)
            if (!labels[i][common])
                common = 0;   /* a label would be left empty */
    }
    if (common) {
        fputs("set xlabel \"", f);
        for (size_t k = 0; k < common; k++)
            fputc(labels[0][k] == '"' || labels[0][k] == '\\' ? '\'' : labels[0][k], f);
        fputs("...\" font ',9'\n", f);
    }
    fputs("set xtics (", f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        put_label(f, labels[i] + common);
        fprintf(f, " %zu", i);
    }
    fputs(") font ',8' nomirror\n", f);
}

/* The decade at or below the smallest positive value in v[0..n) of each
 * column (1 when there is none): a log axis starting there shows them all. */
static double log_floor(const double *const *cols, size_t ncols, size_t n)
{
    double lo = 0;
    for (size_t c = 0; c < ncols; c++)
        for (size_t i = 0; i < n; i++)
            if (cols[c][i] > 0 && (lo == 0 || cols[c][i] < lo))
                lo = cols[c][i];
    return lo > 0 ? pow(10, floor(log10(lo))) : 1.0;
}

static void data_labels(FILE *f, const char *const *labels, const double *const *cols,
                        size_t ncols, size_t n)
{
    fputs("$data << EOD\n", f);
    for (size_t i = 0; i < n; i++) {
        put_quoted(f, labels[i]);
        for (size_t c = 0; c < ncols; c++)
            fprintf(f, " %.6g", cols[c][i]);
        fputc('\n', f);
    }
    fputs("EOD\n", f);
}

int plot_bars(const plot_ctx *ctx, const char *name, const char *title, const char *ylabel,
              const char *const *labels, const double *values, size_t n, lb_err *err)
{
    char path[4200];
    FILE *f = script_open(ctx, name, path, sizeof path, err);
    if (!f)
        return -1;
    const double *cols[] = { values };
    data_labels(f, labels, cols, 1, n);
    /* Values spanning more than two decades (5.5 vs 1,585 RPS) make the small
     * bars invisible on a linear axis: switch to a log axis then. */
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        if (values[i] > 0 && (lo == 0 || values[i] < lo))
            lo = values[i];
        if (values[i] > hi)
            hi = values[i];
    }
    bool logy = lo > 0 && hi / lo > 100;
    char yl[300];
    snprintf(yl, sizeof yl, "%s%s", ylabel, logy ? " (log scale)" : "");
    fputs("set title ", f);
    put_quoted(f, title);
    fputs("\nset ylabel ", f);
    put_quoted(f, yl);
    if (logy)
        fprintf(f, "\nset logscale y\nset yrange [%g:*]\n", log_floor(cols, 1, n));
    else
        fputs("\nset yrange [0:*]\n", f);
    put_xtics(f, labels, n);
    fputs("set style data histograms\nset style fill solid 0.8 border -1\n"
          "set boxwidth 0.7\nset grid ytics\n"
          "set offsets 0,0,graph 0.08,0\nset bmargin 6\nset rmargin 16\n", f);
    /* Value labels: small bars next to big ones would otherwise read as zero. */
    return script_finish(ctx, f, path, name,
                         "plot $data using 2 notitle lc rgb '#4472c4', "
                         "'' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 "
                         "font ',9' notitle", err);
}

int plot_latency(const plot_ctx *ctx, const char *name, const char *title,
                 const char *const *labels, const double *p50, const double *p95,
                 const double *p99, size_t n, lb_err *err)
{
    char path[4200];
    FILE *f = script_open(ctx, name, path, sizeof path, err);
    if (!f)
        return -1;
    const double *cols[] = { p50, p95, p99 };
    data_labels(f, labels, cols, 3, n);
    fputs("set title ", f);
    put_quoted(f, title);
    /* Log axes cannot show 0: the axis starts at the decade below the
     * smallest value (0.01 ms for a 40 us p50 from _hdr.csv), and a 0 is drawn
     * at that floor. */
    double lo = log_floor(cols, 3, n);
    if (lo > 1)
        lo = 1;
    fprintf(f, "\nset ylabel 'ms (log scale)'\nset logscale y\nset yrange [%g:*]\n"
            "set style data histograms\nset style histogram clustered gap 1\n"
            "set style fill solid 0.8 border -1\n"
            "set grid ytics\nset key outside right top\nset bmargin 6\nset rmargin 16\n"
            "atfloor(x) = x < %g ? %g : x\n", lo, lo, lo);
    put_xtics(f, labels, n);
    return script_finish(ctx, f, path, name,
                         "plot $data using (atfloor($2)) title 'p50', "
                         "'' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'",
                         err);
}

int plot_history(const plot_ctx *ctx, const char *name, const char *title,
                 const int64_t *t, const double *users, const double *rps,
                 const double *p95, size_t n, lb_err *err)
{
    char path[4200];
    FILE *f = script_open(ctx, name, path, sizeof path, err);
    if (!f)
        return -1;
    fputs("$data << EOD\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%lld %.6g %.6g %.6g\n", (long long)(t[i] - t[0]), users[i], rps[i], p95[i]);
    fputs("EOD\nset xlabel 's since start'\nset grid\nunset key\n", f);
    char body[2048];
    char qtitle[600];
    snprintf(qtitle, sizeof qtitle, "%s", title);
    for (char *q = qtitle; *q; q++)
        if (*q == '"' || *q == '\\')
            *q = '\'';
    snprintf(body, sizeof body,
             "set multiplot layout 3,1 title \"%s\"\n"
             "set ylabel 'users'\nplot $data using 1:2 with lines lw 2\n"
             "set ylabel 'RPS'\nplot $data using 1:3 with lines lw 2\n"
             "set ylabel 'p95 (ms)'\nplot $data using 1:4 with lines lw 2\n"
             "unset multiplot", qtitle);
    return script_finish(ctx, f, path, name, body, err);
}
