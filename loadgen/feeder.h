/* feeder.h — a data feeder: a CSV file whose first row names variables and
 * whose other rows are handed out one per user, in order (the next user
 * takes the next row, wrapping around), as Locust users do with a queue of
 * credentials or ids. Read once at load through common's CSV row engine. */
#ifndef LG_FEEDER_H
#define LG_FEEDER_H
#include <stddef.h>
#include "lberr.h"
#include "template.h"

typedef struct lg_feeder {
    char *path;                  /* the CSV file as opened */
    int *slots;                  /* variable slot of each column */
    size_t ncols;
    char **cells;                /* row r, column c at cells[r * ncols + c] (owned) */
    size_t nrows;
} lg_feeder;

/* Read path into f, naming its columns in vars. -1 with err ("FILE:LINE:
 * problem") for a missing file, no rows, a bad column name or a row whose
 * field count differs from the header's. */
int feeder_load(lg_feeder *f, const char *path, lg_vars *vars, lb_err *err);

/* Row i's value for column c (i wraps around the rows). */
const char *feeder_cell(const lg_feeder *f, size_t i, size_t c);

void feeder_free(lg_feeder *f);

#endif
