/* gate_out.c — the gate's verdict as Markdown (people), JSON (scripts) and
 * JUnit XML (CI systems that show test results). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "gate.h"
#include "html.h"

static const char *pct_source(const gate_verdict *v)
{
    size_t n = v->nbase + v->ncand;
    return v->nexact == n ? "exact (us, from _hdr.csv)"
         : v->nexact == 0 ? "Locust's (_stats.csv, rounded)"
         : "mixed: exact (_hdr.csv) where present, else Locust's rounded";
}

/* Visit every check: the Aggregated ones, then the per-endpoint ones. */
#define FOR_EACH_CHECK(v, ck)                                                           \
    for (size_t ck##_i = 0; ck##_i < GATE_NCHECKS + (v)->neps; ck##_i++)                 \
        for (const gate_check *ck = ck##_i < GATE_NCHECKS ? &(v)->checks[ck##_i]         \
                                                          : &(v)->eps[ck##_i - GATE_NCHECKS]; \
             ck; ck = NULL)

static void md_check(FILE *f, const gate_check *ck, const gate_verdict *v, const gate_limits *l)
{
    char b[FMT_NUM_MAX], d[FMT_NUM_MAX], lim[FMT_NUM_MAX];
    fputs("| ", f);
    if (ck->endpoint) {
        fmt_md_cell(f, ck->endpoint);
        fputc(' ', f);
    }
    fprintf(f, "%s | ", ck->metric);
    if (ck->kind == GATE_FAIL_RATIO) {
        fprintf(f, "%s%% | ", fmt_num(b, sizeof b, ck->base * 100.0, 3, true));
        fprintf(f, "%s%% | — | > %s%% | — |", fmt_num(b, sizeof b, ck->cand * 100.0, 3, true),
                fmt_num(lim, sizeof lim, ck->limit * 100.0, 3, true));
    } else if (ck->kind == GATE_NEW_FAILS) {
        fprintf(f, "%s | ", fmt_num(b, sizeof b, ck->base, 0, true));
        fprintf(f, "%s | — | %s | — |", fmt_num(b, sizeof b, ck->cand, 0, true),
                l->allow_new_failures ? "allowed" : "any where baseline had none");
    } else {
        fprintf(f, "%s | ", fmt_num(b, sizeof b, ck->base, 3, true));
        fprintf(f, "%s | %s | %s %s%% | ", fmt_num(b, sizeof b, ck->cand, 3, true),
                fmt_delta(d, sizeof d, ck->change_pct, ck->has_change, FMT_MD),
                ck->kind == GATE_RPS ? "drop >" : "rise >",
                fmt_num(lim, sizeof lim, ck->limit, 2, true));
        if (ck->tested)
            fprintf(f, "%.4g (n=%zu/%zu)%s |", ck->p, ck->nb, ck->nc, v->caveat ? " *" : "");
        else
            fputs("— |", f);
    }
    fprintf(f, " %s |\n", gate_check_verdict(ck));
}

static void md_reason(FILE *f, const gate_check *ck, const gate_limits *l)
{
    char a[FMT_NUM_MAX], b[FMT_NUM_MAX];
    switch (ck->kind) {
    case GATE_FAIL_RATIO:
        fprintf(f, "FAIL fail_ratio: %s%% of candidate requests failed (limit %s%%)\n",
                fmt_num(a, sizeof a, ck->cand * 100.0, 3, false),
                fmt_num(b, sizeof b, ck->limit * 100.0, 3, false));
        return;
    case GATE_NEW_FAILS:
        fprintf(f, "FAIL new_fails: candidate has %s failures, baseline had none "
                "(--allow-new-failures to accept)\n", fmt_num(a, sizeof a, ck->cand, 0, false));
        return;
    default:
        fputs("FAIL ", f);
        if (ck->endpoint)
            fprintf(f, "%s ", ck->endpoint);
        fprintf(f, "%s: %s %s%% (limit %s%%)", ck->metric,
                ck->kind == GATE_RPS ? "dropped" : "rose",
                fmt_num(a, sizeof a, fabs(ck->change_pct), 2, false),
                fmt_num(b, sizeof b, ck->limit, 2, false));
        if (ck->tested)
            fprintf(f, ", significant (p=%.4g < alpha %g)", ck->p, l->alpha);
        fputc('\n', f);
    }
}

static void warn_saturated(FILE *f, const char *side, const gate_run *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].saturated)
            fprintf(f, "WARNING %s run %s: the load generator was saturated (its _meta.json "
                    "says so); its latencies include client-side queueing\n", side, r[i].path);
}

int gate_write(FILE *f, const gate_verdict *v, const gate_limits *l,
               const gate_run *base, size_t nb, const gate_run *cand, size_t nc)
{
    fprintf(f, "gate: %zu baseline run(s), %zu candidate run(s); significance: %s "
            "(alpha %g); percentiles: %s\n\n", v->nbase, v->ncand,
            gate_samples_text(v->samples), l->alpha, pct_source(v));
    fputs("| Check | Baseline | Candidate | Change | Limit | p-value | Verdict |\n"
          "|---|---:|---:|---:|---|---|---|\n", f);
    FOR_EACH_CHECK(v, ck)
        md_check(f, ck, v, l);
    fputc('\n', f);
    if (v->caveat)
        fprintf(f, "* CAVEAT: %s\n", v->caveat);
    warn_saturated(f, "baseline", base, nb);
    warn_saturated(f, "candidate", cand, nc);
    FOR_EACH_CHECK(v, ck)
        if (ck->regression)
            md_reason(f, ck, l);
    fprintf(f, "verdict: %s\n", v->regression ? "REGRESSION" : "PASS");
    return ferror(f) ? -1 : 0;
}

/* ---------------------------------------------------------------- JSON */

static json_t *num_or_null(double x, bool has)
{
    return has && isfinite(x) ? json_real(x) : json_null();
}

static json_t *json_check(const gate_check *ck)
{
    bool sampled = ck->kind <= GATE_P99;
    json_t *o = json_object();
    json_object_set_new(o, "endpoint", json_string(gate_check_where(ck)));
    json_object_set_new(o, "metric", json_string(ck->metric));
    json_object_set_new(o, "baseline", json_real(ck->base));
    json_object_set_new(o, "candidate", json_real(ck->cand));
    json_object_set_new(o, "change_pct", num_or_null(ck->change_pct, sampled && ck->has_change));
    json_object_set_new(o, "limit", ck->kind == GATE_NEW_FAILS ? json_null()
                                                               : json_real(ck->limit));
    json_object_set_new(o, "limit_kind", json_string(ck->kind == GATE_RPS ? "max_drop_pct"
                                                   : ck->kind <= GATE_P99 ? "max_rise_pct"
                                                   : ck->kind == GATE_FAIL_RATIO ? "max_ratio"
                                                   : "none_where_baseline_had_none"));
    json_object_set_new(o, "crossed", json_boolean(ck->crossed));
    json_object_set_new(o, "p_value", num_or_null(ck->p, ck->tested));
    json_object_set_new(o, "n_baseline", ck->tested ? json_integer((json_int_t)ck->nb) : json_null());
    json_object_set_new(o, "n_candidate", ck->tested ? json_integer((json_int_t)ck->nc) : json_null());
    json_object_set_new(o, "verdict", json_string(gate_check_verdict(ck)));
    json_object_set_new(o, "regression", json_boolean(ck->regression));
    return o;
}

static json_t *json_runs(const gate_run *r, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(r[i].path));
        json_object_set_new(o, "exact_percentiles",
                            json_boolean(r[i].prof && r[i].prof->exact_pct));
        json_object_set_new(o, "saturated", json_boolean(r[i].saturated));
        json_array_append_new(a, o);
    }
    return a;
}

int gate_write_json(FILE *f, const gate_verdict *v, const gate_limits *l,
                    const gate_run *base, size_t nb, const gate_run *cand, size_t nc)
{
    json_t *o = json_object();
    if (!o)
        return -1;
    json_object_set_new(o, "verdict", json_string(v->regression ? "REGRESSION" : "PASS"));
    json_object_set_new(o, "regression", json_boolean(v->regression));
    json_object_set_new(o, "test", json_string(gate_samples_text(v->samples)));
    json_object_set_new(o, "samples", json_string(v->samples == GATE_SAMPLES_RUNS ? "runs"
                                                : v->samples == GATE_SAMPLES_WINDOWS ? "windows"
                                                : "none"));
    json_object_set_new(o, "alpha", json_real(l->alpha));
    json_object_set_new(o, "caveat", v->caveat ? json_string(v->caveat) : json_null());
    json_object_set_new(o, "percentiles", json_string(pct_source(v)));
    json_object_set_new(o, "baseline_runs", json_runs(base, nb));
    json_object_set_new(o, "candidate_runs", json_runs(cand, nc));
    json_t *checks = json_array();
    FOR_EACH_CHECK(v, ck)
        json_array_append_new(checks, json_check(ck));
    json_object_set_new(o, "checks", checks);
    int rc = json_dumpf(o, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(o);
    fputc('\n', f);
    return rc || ferror(f) ? -1 : 0;
}

/* ---------------------------------------------------------------- JUnit */

int gate_write_junit(FILE *f, const gate_verdict *v, const gate_limits *l,
                     const gate_run *base, size_t nb, const gate_run *cand, size_t nc)
{
    size_t n = GATE_NCHECKS + v->neps, failed = 0;
    FOR_EACH_CHECK(v, ck)
        failed += ck->regression;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"analyze gate\" tests=\"%zu\" failures=\"%zu\">\n"
            "  <testsuite name=\"analyze gate\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
            n, failed, n, failed);
    FOR_EACH_CHECK(v, ck) {
        fputs("    <testcase classname=\"gate.", f);
        html_escape(f, gate_check_where(ck));
        fprintf(f, "\" name=\"%s\"", ck->metric);
        /* the check's own row, the same text people read in the table */
        char *row = NULL, *why = NULL;
        size_t rlen = 0, wlen = 0;
        FILE *m = open_memstream(&row, &rlen);
        if (m) {
            md_check(m, ck, v, l);
            fclose(m);
        }
        if (!ck->regression) {
            fputs("/>\n", f);
            free(row);
            continue;
        }
        m = open_memstream(&why, &wlen);
        if (m) {
            md_reason(m, ck, l);
            fclose(m);
        }
        if (why && wlen && why[wlen - 1] == '\n')
            why[wlen - 1] = '\0';
        fputs(">\n      <failure message=\"", f);
        html_escape(f, why ? why : "regression");
        fputs("\" type=\"regression\">", f);
        html_escape(f, row ? row : "");
        fputs("</failure>\n    </testcase>\n", f);
        free(row);
        free(why);
    }
    char *table = NULL;
    size_t tlen = 0;
    FILE *m = open_memstream(&table, &tlen);
    if (m) {
        gate_write(m, v, l, base, nb, cand, nc);
        fclose(m);
    }
    fputs("    <system-out>", f);
    html_escape(f, table ? table : "");
    fputs("</system-out>\n  </testsuite>\n</testsuites>\n", f);
    free(table);
    return ferror(f) ? -1 : 0;
}
