/* locust_csv_read.c — layout detection and row conversion for Locust's files.
 *
 * The header row decides everything: it is matched against the exact
 * headers of _stats.csv, _stats_history.csv, _failures.csv (4 or 6 columns)
 * and _exceptions.csv, or recognised as the web-UI table (TAB-separated,
 * "Type, Name, # Requests, ..." with any "NN%ile (ms)" columns). Each column
 * gets a meaning (a slot); every data row must have exactly the header's
 * field count, and every numeric cell must be a non-negative number (ints
 * where Locust writes ints), with N/A accepted only in percentile cells. */
#include "locust_csv.h"
#include "grow.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "locust_csv_parse.h"

typedef enum slot {
    S_IGNORE, S_METHOD, S_NAME, S_REQUESTS, S_FAILURES, S_MEDIAN, S_AVG, S_MIN, S_MAX,
    S_AVG_SIZE, S_RPS, S_FAILPS, S_TIMESTAMP, S_USERS, S_ERROR, S_OCCURRENCES,
    S_MESSAGE, S_TRACEBACK, S_PCT0 /* S_PCT0 + i for stats_pcts[i] */
} slot;

typedef struct col {
    const char *name;
    int slot;
} col;

#define PCT_COLS(suffix)                                                              \
    {"50" suffix, S_PCT0 + 0}, {"66" suffix, S_PCT0 + 1}, {"75" suffix, S_PCT0 + 2},  \
    {"80" suffix, S_PCT0 + 3}, {"90" suffix, S_PCT0 + 4}, {"95" suffix, S_PCT0 + 5},  \
    {"98" suffix, S_PCT0 + 6}, {"99" suffix, S_PCT0 + 7}, {"99.9" suffix, S_PCT0 + 8}, \
    {"99.99" suffix, S_PCT0 + 9}, {"100" suffix, S_PCT0 + 10}

static const col stats_cols[] = {
    {"Type", S_METHOD}, {"Name", S_NAME}, {"Request Count", S_REQUESTS},
    {"Failure Count", S_FAILURES}, {"Median Response Time", S_MEDIAN},
    {"Average Response Time", S_AVG}, {"Min Response Time", S_MIN},
    {"Max Response Time", S_MAX}, {"Average Content Size", S_AVG_SIZE},
    {"Requests/s", S_RPS}, {"Failures/s", S_FAILPS}, PCT_COLS("%"), {NULL, 0}};
static const col history_cols[] = {
    {"Timestamp", S_TIMESTAMP}, {"User Count", S_USERS}, {"Type", S_METHOD},
    {"Name", S_NAME}, {"Requests/s", S_RPS}, {"Failures/s", S_FAILPS}, PCT_COLS("%"),
    {"Total Request Count", S_REQUESTS}, {"Total Failure Count", S_FAILURES},
    {"Total Median Response Time", S_MEDIAN}, {"Total Average Response Time", S_AVG},
    {"Total Min Response Time", S_MIN}, {"Total Max Response Time", S_MAX},
    {"Total Average Content Size", S_AVG_SIZE}, {NULL, 0}};
static const col failures_cols[] = {
    {"Method", S_METHOD}, {"Name", S_NAME}, {"Error", S_ERROR},
    {"Occurrences", S_OCCURRENCES}, {NULL, 0}};
static const col failures_latest_cols[] = {
    {"Method", S_METHOD}, {"Name", S_NAME}, {"Error", S_ERROR},
    {"Occurrences", S_OCCURRENCES}, {"First Seen", S_IGNORE}, {"Last Seen", S_IGNORE},
    {NULL, 0}};
static const col exceptions_cols[] = {
    {"Count", S_OCCURRENCES}, {"Message", S_MESSAGE}, {"Traceback", S_TRACEBACK},
    {"Nodes", S_IGNORE}, {NULL, 0}};
/* Web-UI columns may come in any order and subset (users re-sort, older
 * UIs show 90%ile); Type, Name, # Requests and # Fails are required. */
static const col webui_cols[] = {
    {"Type", S_METHOD}, {"Name", S_NAME}, {"# Requests", S_REQUESTS},
    {"# Fails", S_FAILURES}, {"Median (ms)", S_MEDIAN}, {"Average (ms)", S_AVG},
    {"Min (ms)", S_MIN}, {"Max (ms)", S_MAX}, {"Average size (bytes)", S_AVG_SIZE},
    {"Current RPS", S_RPS}, {"Current Failures/s", S_FAILPS}, PCT_COLS("%ile (ms)"),
    {NULL, 0}};

/* Which numeric slots hold ints in the files (counts, timestamps). */
static bool slot_is_int(int s)
{
    return s == S_REQUESTS || s == S_FAILURES || s == S_TIMESTAMP || s == S_USERS ||
           s == S_OCCURRENCES;
}

typedef struct reader {
    const char *path;
    lc_layout layout;
    bool have_header;
    int *slots;             /* per column */
    char **names;           /* header cells, for messages */
    size_t ncols;
    /* sink: a row callback (stream) or a table (load) */
    lc_row_fn fn;
    void *ctx;
    lc_table *table;
    size_t rowcap, failcap;
    bool stream;
    long agg_line;          /* stats/webui: line of the Aggregated row, 0 if none yet */
} reader;

const char *lc_layout_name(lc_layout l)
{
    switch (l) {
    case LC_LAYOUT_STATS: return "stats";
    case LC_LAYOUT_HISTORY: return "history";
    case LC_LAYOUT_FAILURES: return "failures";
    case LC_LAYOUT_EXCEPTIONS: return "exceptions";
    case LC_LAYOUT_WEBUI: return "webui";
    }
    return "unknown";
}

/* True when the header row is exactly the columns of cols, in order. */
static bool header_is(const lcp_row *row, const col *cols)
{
    size_t n = 0;
    while (cols[n].name)
        n++;
    if (row->nfields != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (strcmp(row->fields[i], cols[i].name))
            return false;
    return true;
}

static int slot_of(const col *cols, const char *name)
{
    for (size_t i = 0; cols[i].name; i++)
        if (!strcmp(cols[i].name, name))
            return cols[i].slot;
    return -1;
}

static int take_header(reader *r, const lcp_row *row, lb_err *err)
{
    /* A spreadsheet that re-saved the file may have prefixed a UTF-8 BOM. */
    if (row->nfields && !strncmp(row->fields[0], "\xef\xbb\xbf", 3))
        memmove(row->fields[0], row->fields[0] + 3, strlen(row->fields[0] + 3) + 1);
    static const struct { lc_layout layout; const col *cols; } exact[] = {
        {LC_LAYOUT_STATS, stats_cols}, {LC_LAYOUT_HISTORY, history_cols},
        {LC_LAYOUT_FAILURES, failures_cols}, {LC_LAYOUT_FAILURES, failures_latest_cols},
        {LC_LAYOUT_EXCEPTIONS, exceptions_cols}};
    const col *cols = NULL;
    for (size_t i = 0; i < sizeof exact / sizeof exact[0] && !cols; i++) {
        if (header_is(row, exact[i].cols)) {
            cols = exact[i].cols;
            r->layout = exact[i].layout;
        }
    }
    bool webui = !cols && row->nfields >= 4 && slot_of(webui_cols, row->fields[0]) >= 0;
    if (!cols && !webui)
        return lb_err_set(err, "%s:%ld: unknown header \"%s\": not a Locust stats, history, "
                          "failures, exceptions or web-UI table", r->path, row->line,
                          row->nfields ? row->fields[0] : "");
    if (webui) {
        cols = webui_cols;
        r->layout = LC_LAYOUT_WEBUI;
    }
    r->ncols = row->nfields;
    r->slots = calloc(r->ncols, sizeof *r->slots);
    r->names = calloc(r->ncols, sizeof *r->names);
    if (!r->slots || !r->names)
        return lb_err_set(err, "%s: out of memory", r->path);
    unsigned seen = 0;
    for (size_t i = 0; i < r->ncols; i++) {
        r->names[i] = strdup(row->fields[i]);
        if (!r->names[i])
            return lb_err_set(err, "%s: out of memory", r->path);
        int s = slot_of(cols, row->fields[i]);
        if (s < 0)
            return lb_err_set(err, "%s:%ld:%zu: unknown header column \"%s\" in a web-UI table",
                              r->path, row->line, i + 1, row->fields[i]);
        if (s < 32 && s != S_IGNORE && (seen & (1u << s)))
            return lb_err_set(err, "%s:%ld:%zu: duplicate header column \"%s\"", r->path,
                              row->line, i + 1, row->fields[i]);
        if (s < 32)
            seen |= 1u << s;
        r->slots[i] = s;
    }
    if (webui) {
        static const int need[] = {S_METHOD, S_NAME, S_REQUESTS, S_FAILURES};
        for (size_t i = 0; i < 4; i++)
            if (!(seen & (1u << need[i])))
                return lb_err_set(err, "%s:%ld: web-UI table lacks a \"%s\" column", r->path,
                                  row->line, webui_cols[i].name);
    }
    r->have_header = true;
    return 0;
}

static const double pow10_exact[23] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                       1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
                                       1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* A plain decimal ("123", "0.5", "1e-05"; no sign, no spaces, no hex, no
 * inf/nan) into *out. Most cells have <= 15 digits, so the mantissa and the
 * power of ten are both exact doubles and one division is correctly rounded
 * (Clinger's fast path) — strtod, which the rest falls back to, dominated
 * the time of reading a 1M-row history file. 0, or -1 when not a number. */
static int parse_decimal(const char *s, bool want_int, double *out)
{
    uint64_t m = 0;
    int digits = 0, frac = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++, digits++)
        m = digits < 19 ? m * 10 + (uint64_t)(*p - '0') : m;
    if (*p == '.' && !want_int) {
        for (p++; *p >= '0' && *p <= '9'; p++, digits++, frac++)
            m = digits < 19 ? m * 10 + (uint64_t)(*p - '0') : m;
    }
    if (digits == 0)
        return -1;
    if (*p == '\0' && digits <= 15 && frac <= 22) {
        *out = (double)m / pow10_exact[frac];
        return 0;
    }
    if (*p != '\0' && (want_int || (*p != 'e' && *p != 'E')))
        return -1;
    if (*p == 'e' || *p == 'E') {
        const char *x = p + 1;
        if (*x == '+' || *x == '-')
            x++;
        if (*x < '0' || *x > '9' || x[strspn(x, "0123456789")] != '\0')
            return -1;
    }
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end != '\0' || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

/* Parse cell i of row as a non-negative number (an integer when want_int).
 * *na receives whether it was "N/A" (allowed only when na != NULL). */
static int number(const reader *r, const lcp_row *row, size_t i, bool want_int, double *out,
                  bool *na, lb_err *err)
{
    const char *s = row->fields[i];
    if (na)
        *na = false;
    if (na && s[0] == 'N' && !strcmp(s, "N/A")) {
        *na = true;
        *out = 0;
        return 0;
    }
    char *end = NULL;
    if (*s == '-') {
        double neg = strtod(s, &end);
        if (end != s && *end == '\0' && isfinite(neg))
            return lb_err_set(err, "%s:%ld:%zu: negative number in column \"%s\": \"%s\"",
                              r->path, row->line, i + 1, r->names[i], s);
    }
    double v = 0;
    bool ok = parse_decimal(s, want_int, &v) == 0;
    if (!ok)
        return lb_err_set(err, "%s:%ld:%zu: expected %s in column \"%s\", got \"%s\"", r->path,
                          row->line, i + 1, want_int ? "a whole number" : "a number",
                          r->names[i], s);
    /* counts and timestamps are cast to 64-bit integers: beyond 2^53 they
     * are no count Locust writes, and beyond 2^63 the cast is undefined */
    if (want_int && v > 9007199254740992.0)
        return lb_err_set(err, "%s:%ld:%zu: whole number too large in column \"%s\": \"%.40s\"",
                          r->path, row->line, i + 1, r->names[i], s);
    *out = v;
    return 0;
}

/* Rules a row must keep beyond its cells: failures are a subset of the
 * requests, and a stats table or web-UI table has one Aggregated row
 * (history files have one per tick). */
static int check_row(reader *r, const lc_row *row, lb_err *err)
{
    if (row->failures > row->requests)
        return lb_err_set(err, "%s:%ld: failure count %llu exceeds request count %llu",
                          r->path, row->line, (unsigned long long)row->failures,
                          (unsigned long long)row->requests);
    bool table = r->layout == LC_LAYOUT_STATS || r->layout == LC_LAYOUT_WEBUI;
    if (table && !strcmp(row->name, "Aggregated") && !strcmp(row->method, "")) {
        if (r->agg_line)
            return lb_err_set(err, "%s:%ld: second Aggregated row (the first is on line %ld)",
                              r->path, row->line, r->agg_line);
        r->agg_line = row->line;
    }
    return 0;
}

static int fill_row(const reader *r, const lcp_row *row, lc_row *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    out->line = row->line;
    out->method = (char *)"";
    out->name = (char *)"";
    for (size_t i = 0; i < r->ncols; i++) {
        int s = r->slots[i];
        double v = 0;
        bool na = false;
        if (s == S_METHOD) {
            out->method = row->fields[i];
            continue;
        }
        if (s == S_NAME) {
            out->name = row->fields[i];
            continue;
        }
        if (s == S_IGNORE)
            continue;
        if (number(r, row, i, slot_is_int(s), &v, s >= S_PCT0 ? &na : NULL, err) < 0)
            return -1;
        switch (s) {
        case S_REQUESTS: out->requests = (uint64_t)v; break;
        case S_FAILURES: out->failures = (uint64_t)v; break;
        case S_MEDIAN: out->median = v; break;
        case S_AVG: out->avg = v; break;
        case S_MIN: out->min = v; break;
        case S_MAX: out->max = v; break;
        case S_AVG_SIZE: out->avg_size = v; break;
        case S_RPS: out->rps = v; out->has_rps = true; break;
        case S_FAILPS: out->fail_per_s = v; break;
        case S_TIMESTAMP: out->timestamp = (int64_t)v; break;
        case S_USERS: out->user_count = (long)v; break;
        default:
            out->pct[s - S_PCT0] = v;
            out->has_pct[s - S_PCT0] = !na;
        }
    }
    return 0;
}

static int fill_failure(const reader *r, const lcp_row *row, lc_failure *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    out->line = row->line;
    for (size_t i = 0; i < r->ncols; i++) {
        double v;
        switch (r->slots[i]) {
        case S_METHOD: out->method = row->fields[i]; break;
        case S_NAME: out->name = row->fields[i]; break;
        case S_ERROR: case S_MESSAGE: out->error = row->fields[i]; break;
        case S_TRACEBACK: out->traceback = row->fields[i]; break;
        case S_OCCURRENCES:
            if (number(r, row, i, true, &v, NULL, err) < 0)
                return -1;
            out->occurrences = (uint64_t)v;
            break;
        default: break;
        }
    }
    return 0;
}

static char *dup_or_null(const char *s, bool *oom)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *oom = true;
    return d;
}

/* Append copies to the table. */
static int keep_row(reader *r, const lc_row *row, lb_err *err)
{
    lc_table *t = r->table;
    lc_row *nr = lb_grow(t->rows, &r->rowcap, t->nrows, sizeof *nr, 64);
    if (!nr)
        return lb_err_set(err, "%s: out of memory", r->path);
    t->rows = nr;
    bool oom = false;
    lc_row *d = &t->rows[t->nrows];
    *d = *row;
    d->method = dup_or_null(row->method, &oom);
    d->name = dup_or_null(row->name, &oom);
    t->nrows++;
    if (oom)
        return lb_err_set(err, "%s: out of memory", r->path);
    if (!strcmp(row->name, "Aggregated") && !strcmp(row->method, ""))
        t->aggregated = (long)(t->nrows - 1);
    return 0;
}

static int keep_failure(reader *r, const lc_failure *f, lb_err *err)
{
    lc_table *t = r->table;
    lc_failure *nf = lb_grow(t->failures, &r->failcap, t->nfailures, sizeof *nf, 16);
    if (!nf)
        return lb_err_set(err, "%s: out of memory", r->path);
    t->failures = nf;
    bool oom = false;
    lc_failure *d = &t->failures[t->nfailures++];
    *d = *f;
    d->method = dup_or_null(f->method, &oom);
    d->name = dup_or_null(f->name, &oom);
    d->error = dup_or_null(f->error, &oom);
    d->traceback = dup_or_null(f->traceback, &oom);
    return oom ? lb_err_set(err, "%s: out of memory", r->path) : 0;
}

static int on_row(void *vr, const lcp_row *row, lb_err *err)
{
    reader *r = vr;
    if (!r->have_header) {
        if (take_header(r, row, err) < 0)
            return -1;
        if (r->stream && (r->layout == LC_LAYOUT_FAILURES || r->layout == LC_LAYOUT_EXCEPTIONS))
            return lb_err_set(err, "%s:%ld: a %s file has no statistics rows to stream "
                              "(use lc_read_file)", r->path, row->line,
                              lc_layout_name(r->layout));
        return 0;
    }
    if (row->nfields != r->ncols)
        return lb_err_set(err, "%s:%ld: expected %zu fields like the header, got %zu", r->path,
                          row->line, r->ncols, row->nfields);
    if (r->layout == LC_LAYOUT_FAILURES || r->layout == LC_LAYOUT_EXCEPTIONS) {
        lc_failure f;
        return fill_failure(r, row, &f, err) < 0 ? -1 : keep_failure(r, &f, err);
    }
    lc_row out;
    if (fill_row(r, row, &out, err) < 0 || check_row(r, &out, err) < 0)
        return -1;
    if (r->stream)
        return r->fn(r->ctx, &out, err);
    return keep_row(r, &out, err);
}

static void reader_fini(reader *r)
{
    for (size_t i = 0; i < r->ncols; i++)
        if (r->names)
            free(r->names[i]);
    free(r->names);
    free(r->slots);
}

static int run(reader *r, lb_err *err)
{
    unsigned char delim;
    if (lcp_sniff_delim(r->path, &delim, err) < 0)
        return -1;
    int rc = lcp_parse(r->path, delim, on_row, r, err);
    if (rc == 0 && !r->have_header)
        rc = lb_err_set(err, "%s:1: empty file (no header row)", r->path);
    return rc;
}

int lc_read_stream(const char *path, lc_layout *layout, lc_row_fn fn, void *ctx, lb_err *err)
{
    reader r = {.path = path, .fn = fn, .ctx = ctx, .stream = true};
    int rc = run(&r, err);
    if (rc == 0 && layout)
        *layout = r.layout;
    reader_fini(&r);
    return rc;
}

int lc_read_file(const char *path, lc_table *out, lb_err *err)
{
    memset(out, 0, sizeof *out);
    out->aggregated = -1;
    reader r = {.path = path, .table = out};
    int rc = run(&r, err);
    reader_fini(&r);
    if (rc == 0) {
        out->layout = r.layout;
        out->path = strdup(path);
        if (!out->path)
            rc = lb_err_set(err, "%s: out of memory", path);
    }
    if (rc < 0)
        lc_table_free(out);
    return rc;
}

void lc_table_free(lc_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows; i++) {
        free(t->rows[i].method);
        free(t->rows[i].name);
    }
    for (size_t i = 0; i < t->nfailures; i++) {
        free(t->failures[i].method);
        free(t->failures[i].name);
        free(t->failures[i].error);
        free(t->failures[i].traceback);
    }
    free(t->rows);
    free(t->failures);
    free(t->path);
    memset(t, 0, sizeof *t);
    t->aggregated = -1;
}
