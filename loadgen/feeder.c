/* feeder.c — see feeder.h. */
#include "feeder.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "locust_csv_parse.h"

typedef struct load_ctx {
    lg_feeder *f;
    lg_vars *vars;
    const char *path;
    size_t cap;                  /* rows the cells array has room for */
} load_ctx;

static int on_row(void *vctx, const lcp_row *row, lb_err *err)
{
    load_ctx *c = vctx;
    lg_feeder *f = c->f;
    if (!f->slots) { /* the header: variable names */
        if (!(f->slots = calloc(row->nfields ? row->nfields : 1, sizeof *f->slots)))
            return lb_err_set(err, "out of memory");
        for (size_t i = 0; i < row->nfields; i++) {
            const char *n = row->fields[i];
            bool ok = *n != '\0';
            for (const char *p = n; *p; p++)
                ok &= isalnum((unsigned char)*p) || *p == '_';
            if (!ok)
                return lb_err_set(err, "%s:%ld: column '%s' is not a variable name (letters, "
                                       "digits, _)", c->path, row->line, n);
            for (size_t j = 0; j < i; j++)
                if (!strcmp(row->fields[j], n))
                    return lb_err_set(err, "%s:%ld: column '%s' twice", c->path, row->line, n);
            if ((f->slots[i] = vars_slot(c->vars, n)) < 0)
                return lb_err_set(err, "out of memory");
        }
        f->ncols = row->nfields;
        return 0;
    }
    if (row->nfields != f->ncols)
        return lb_err_set(err, "%s:%ld: %zu fields, the header has %zu", c->path, row->line,
                          row->nfields, f->ncols);
    if (f->nrows == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        char **n = realloc(f->cells, cap * f->ncols * sizeof *n);
        if (!n)
            return lb_err_set(err, "out of memory");
        f->cells = n;
        c->cap = cap;
    }
    for (size_t i = 0; i < f->ncols; i++)
        if (!(f->cells[f->nrows * f->ncols + i] = strdup(row->fields[i]))) {
            for (size_t k = 0; k < i; k++)
                free(f->cells[f->nrows * f->ncols + k]);
            return lb_err_set(err, "out of memory");
        }
    f->nrows++;
    return 0;
}

int feeder_load(lg_feeder *f, const char *path, lg_vars *vars, lb_err *err)
{
    memset(f, 0, sizeof *f);
    if (!(f->path = strdup(path)))
        return lb_err_set(err, "out of memory");
    load_ctx c = {f, vars, path, 0};
    if (lcp_parse(path, ',', on_row, &c, err) < 0)
        return -1;
    if (!f->ncols || !f->nrows)
        return lb_err_set(err, "%s: a feeder needs a header row and at least one row", path);
    return 0;
}

const char *feeder_cell(const lg_feeder *f, size_t i, size_t c)
{
    return f->cells[(i % f->nrows) * f->ncols + c];
}

void feeder_free(lg_feeder *f)
{
    for (size_t i = 0; f->cells && i < f->nrows * f->ncols; i++)
        free(f->cells[i]);
    free(f->cells);
    free(f->slots);
    free(f->path);
    memset(f, 0, sizeof *f);
}
