/* locust_csv.h — Locust's CSV files: byte-exact writer and layout-detecting reader.
 *
 * Writer: the four `--csv PREFIX` files of Locust 2.12.1 (locust-format.md §1):
 * exact headers, (name, method) row order with Aggregated last, Python repr()
 * floats, "{:2f}" history rates, N/A percentiles, CRLF, QUOTE_MINIMAL.
 * Unlike 2.12.1 (§0), the final state is rewritten at close and history is
 * flushed every tick, so nothing is lost at exit.
 *
 * Reader (built on libcsv): detects the layout from the header row and the
 * delimiter (comma or TAB) and loads _stats.csv (2.12.1 and latest),
 * _stats_history.csv (with or without full history), _failures.csv (both
 * column sets), _exceptions.csv, and the web-UI table copied from a browser
 * (the nine reference profiles, §3.2). Errors name file, line and column. */
#ifndef LB_LOCUST_CSV_H
#define LB_LOCUST_CSV_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "lberr.h"
#include "stats.h"

extern const char LC_STATS_HEADER[];       /* without the CRLF */
extern const char LC_HISTORY_HEADER[];
extern const char LC_FAILURES_HEADER[];
extern const char LC_EXCEPTIONS_HEADER[];

/* ------------------------------------------------------------------ writer */

/* Write one CSV field with QUOTE_MINIMAL quoting (no separator, no CRLF). */
int lc_put_field(FILE *f, const char *s);

/* Whole _stats.csv body (header + rows + Aggregated) for set s. 0 or -1. */
int lc_write_stats(FILE *f, const stats_set *s);
/* History rows for one tick at wall time `now` (header not included):
 * Aggregated only, or every entry then Aggregated when full_history. */
int lc_write_history_rows(FILE *f, const stats_set *s, double now,
                          long user_count, bool full_history);
/* Whole _failures.csv (header + rows). */
int lc_write_failures(FILE *f, const stats_set *s);
/* Whole _exceptions.csv; loadgen has no Python exceptions, so header only
 * unless rows are added by a later caller. */
int lc_write_exceptions(FILE *f);

/* The four files of one run. */
typedef struct lc_writer lc_writer;

/* Create PREFIX_stats.csv, _stats_history.csv, _failures.csv and
 * _exceptions.csv (creating missing parent directories) and write headers.
 * NULL with err filled on failure. */
lc_writer *lc_writer_open(const char *prefix, bool full_history, lb_err *err);
/* One reporter tick: rewrite the snapshot files, append history rows, flush. */
int lc_writer_tick(lc_writer *w, const stats_set *s, double now, long user_count,
                   lb_err *err);
/* Final state of every file, then close and free (w may be NULL). */
int lc_writer_close(lc_writer *w, const stats_set *s, double now, long user_count,
                    lb_err *err);

/* ------------------------------------------------------------------ reader */

typedef enum lc_layout {
    LC_LAYOUT_STATS,      /* PREFIX_stats.csv */
    LC_LAYOUT_HISTORY,    /* PREFIX_stats_history.csv */
    LC_LAYOUT_FAILURES,   /* PREFIX_failures.csv */
    LC_LAYOUT_EXCEPTIONS, /* PREFIX_exceptions.csv */
    LC_LAYOUT_WEBUI       /* web-UI table (TSV) of Locust >= 2.21 */
} lc_layout;

/* One statistics row of any layout. Values absent from a layout are 0 with
 * their has_ flag false. */
typedef struct lc_row {
    char *method;                /* "" for Aggregated */
    char *name;
    long line;                   /* 1-based line in the file */
    uint64_t requests, failures;
    double median, avg, min, max, avg_size;
    double rps, fail_per_s;      /* stats: total rates; webui/history: current */
    double pct[STATS_NPCT];      /* indexed like stats_pcts */
    bool has_pct[STATS_NPCT];    /* false when absent from the layout or N/A */
    bool has_rps;                /* webui "Current RPS" / stats "Requests/s" */
    /* history layout only */
    int64_t timestamp;
    long user_count;
} lc_row;

/* One failures/exceptions row. */
typedef struct lc_failure {
    char *method, *name;         /* exceptions: NULL */
    char *error;                 /* failures: Error; exceptions: Message */
    char *traceback;             /* exceptions only, else NULL */
    uint64_t occurrences;        /* Occurrences / Count */
    long line;
} lc_failure;

typedef struct lc_table {
    char *path;
    lc_layout layout;
    lc_row *rows;                /* stats/webui/history rows in file order */
    size_t nrows;
    long aggregated;             /* index of the (last) Aggregated row, -1 if none */
    lc_failure *failures;        /* failures/exceptions layouts */
    size_t nfailures;
} lc_table;

/* Called per row while streaming; return non-zero to stop with an error
 * (fill err). The row's strings are only valid during the call. */
typedef int (*lc_row_fn)(void *ctx, const lc_row *row, lb_err *err);

/* Stream a stats/webui/history file row by row without keeping it in memory
 * (1M-row history files). *layout receives the detected layout. */
int lc_read_stream(const char *path, lc_layout *layout, lc_row_fn fn, void *ctx,
                   lb_err *err);
/* Load any of the layouts into *out. 0, or -1 with err naming file:line:column
 * (out is left empty). Empty file, a directory, unknown header, ragged row,
 * non-numeric, negative or N/A-where-required numbers, a failure count above
 * the request count, a second Aggregated row in a stats or web-UI table, a
 * NUL byte and invalid UTF-8 are errors. */
int lc_read_file(const char *path, lc_table *out, lb_err *err);
void lc_table_free(lc_table *t);
/* Human name of a layout ("stats", "history", "failures", "exceptions", "webui"). */
const char *lc_layout_name(lc_layout l);

#endif
