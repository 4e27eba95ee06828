/* fuzz_locust_csv.c — libFuzzer target: the Locust CSV reader (common/
 * locust_csv_read.c on libcsv) on arbitrary bytes, through both entry
 * points analyze uses: lc_read_file and lc_read_stream.
 *
 * The reader reads paths, so each input is written to one temporary file.
 * Properties beyond the sanitizers: an error names the file (file:line),
 * both entry points agree, and a loaded table keeps its promises (the
 * Aggregated index is in range, no row has more failures than requests). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "locust_csv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void cleanup(void)
{
    unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(path, sizeof path, "/tmp/lbfuzz-csv-%d.csv", (int)getpid());
    atexit(cleanup);
    return 0;
}

static int count_rows(void *ctx, const lc_row *row, lb_err *err)
{
    (void)row;
    (void)err;
    (*(size_t *)ctx)++;
    return 0;
}

static void check(bool ok, const char *what, const char *msg)
{
    if (!ok) {
        fprintf(stderr, "fuzz_locust_csv: %s (%s)\n", what, msg);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f))
        abort();
    lc_table t;
    lb_err err = {0};
    int rc = lc_read_file(path, &t, &err);
    if (rc == 0) {
        check(t.aggregated < (long)t.nrows, "Aggregated index out of range", path);
        for (size_t i = 0; i < t.nrows; i++)
            check(t.rows[i].failures <= t.rows[i].requests, "failures above requests", path);
    } else {
        check(!strncmp(err.msg, path, strlen(path)), "error without the file name", err.msg);
    }
    size_t rows = 0;
    lc_layout layout;
    lb_err err2 = {0};
    int rc2 = lc_read_stream(path, &layout, count_rows, &rows, &err2);
    if (rc2 == 0) {
        check(rc == 0 && rows == t.nrows, "stream loaded what the file reader refused", path);
    } else if (rc == 0) {
        /* only a failures/exceptions file streams no rows */
        check(t.layout == LC_LAYOUT_FAILURES || t.layout == LC_LAYOUT_EXCEPTIONS,
              "stream refused what the file reader loaded", err2.msg);
    } else if (!strstr(err2.msg, "has no statistics rows to stream")) {
        /* (a failures/exceptions file stops the stream at its header) */
        check(!strcmp(err.msg, err2.msg), "the two readers disagree", err2.msg);
    }
    if (rc == 0)
        lc_table_free(&t);
    return 0;
}
