/* cmd_gate.c — `analyze gate`: load runs with their meta and history, judge, exit 0/1/2. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "gate.h"
#include "gate_rules.h"
#include "hdrfile.h"
#include "meta.h"
#include "runfiles.h"

static const char GATE_HELP[] =
"usage: analyze gate --baseline A [--baseline A2...] --candidate B [--candidate B2...]\n"
"                    [--max-rps-drop PCT] [--max-p95-rise PCT] [--max-p99-rise PCT]\n"
"                    [--max-fail-ratio R] [--alpha A] [--allow-new-failures]\n"
"                    [--endpoint RULE...] [--thresholds FILE] [--format md|json]\n"
"                    [--junit FILE]\n"
"\n"
"The CI regression gate. Each run is the path of its _stats.csv (or a web-UI\n"
"table); PREFIX_stats_history.csv, PREFIX_meta.json and PREFIX_hdr.csv beside\n"
"it are used when present. Repeat --baseline/--candidate to give several runs\n"
"per side; point estimates are the median over a side's runs.\n"
"\n"
"  --baseline FILE       a baseline run (at least one; repeatable)\n"
"  --candidate FILE      a candidate run (at least one; repeatable)\n"
"  --max-rps-drop PCT    fail when RPS drops by more than PCT percent (default: 10)\n"
"  --max-p95-rise PCT    fail when p95 rises by more than PCT percent (default: 20)\n"
"  --max-p99-rise PCT    fail when p99 rises by more than PCT percent (default: 30)\n"
"  --max-fail-ratio R    fail when more than R of the candidate's requests failed,\n"
"                        as a fraction (default: 0.01 = 1%)\n"
"  --alpha A             significance level (default: 0.05)\n"
"  --allow-new-failures  do not fail a candidate that has failures where the\n"
"                        baseline had none (default: such a candidate fails)\n"
"  --endpoint RULE       also check one endpoint (repeatable): NAME:KEY=VALUE,...\n"
"                        with NAME as in _stats.csv, optionally 'METHOD NAME', and\n"
"                        KEY max-rps-drop, max-p95-rise or max-p99-rise (percent),\n"
"                        e.g. '/api/v1/logs:max-p95-rise=25,max-rps-drop=15'.\n"
"                        NAME Aggregated sets the headline limits (and takes\n"
"                        max-fail-ratio) (default: no endpoint checks)\n"
"  --thresholds FILE     rules as for --endpoint, one per line; '#' comments;\n"
"                        options apply in order, so a later --max-* overrides\n"
"                        the file's Aggregated line (default: none)\n"
"  --format md|json      the verdict as a Markdown table (default) or one JSON\n"
"                        object on stdout\n"
"  --junit FILE          also write the verdict as JUnit XML to FILE, one\n"
"                        testcase per check (default: none)\n"
"  -h, --help            this help\n"
"\n"
"A change exactly at its limit passes. A check fails only when its change\n"
"crosses the limit and a two-sided Mann-Whitney U test gives p < alpha. With\n"
"two or more runs per side the test compares the runs' values (independent\n"
"runs; 5 per side can reach p = 0.012, 2 or 3 cannot reach 0.05 and the\n"
"output says so). With one run per side and histories on both, it falls back\n"
"to the per-second windows and prints a CAVEAT: those p-values are optimistic\n"
"(windows are autocorrelated). With neither, the limits alone decide.\n"
"Percentiles come from PREFIX_hdr.csv (exact, microseconds) when a run has\n"
"one, else from Locust's rounded columns; the output says which.\n"
"\n"
"The gate refuses (exit 2) runs whose _meta.json files disagree on\n"
"scenario_hash, users, rate or run_time_s, and warns about runs whose meta says\n"
"the load generator was saturated.\n"
"\n"
"Exit status: 0 pass, 1 regression (each failing check is named), 2 bad usage\n"
"or bad input.\n";

typedef struct side {
    const char **paths;
    size_t n;
} side;

typedef struct loaded {
    model_profile prof;
    run_history hist;
    bool has_hist;
    run_meta meta;
} loaded;

static int push(side *s, const char *path)
{
    const char **np = realloc(s->paths, (s->n + 1) * sizeof *np);
    if (!np)
        return -1;
    np[s->n++] = path;
    s->paths = np;
    return 0;
}

static void free_run(loaded *l)
{
    model_free(&l->prof);
    runfiles_history_free(&l->hist);
    meta_free(&l->meta);
}

/* want_hist: read the history (only a one-run-per-side gate tests over it;
 * histories can hold a million rows). */
static int load_run(const char *path, loaded *l, bool want_hist)
{
    lb_err err = {0};
    memset(l, 0, sizeof *l);
    if (cmd_load("gate", path, NULL, false, false, &l->prof, NULL))
        return -1;
    bool exact;
    if (hdrfile_apply_sibling(path, &l->prof, &exact, &err)) {
        cmd_error("gate", "%s", err.msg);
        model_free(&l->prof);
        return -1;
    }
    char *meta = runfiles_sibling(path, "_meta.json");
    char *hist = runfiles_sibling(path, "_stats_history.csv");
    int rc = 0;
    if (meta && meta_read(meta, &l->meta, &err)) {
        cmd_error("gate", "%s", err.msg);
        rc = -1;
    } else if (want_hist && hist && runfiles_exists(hist)) {
        /* Histories can hold a million rows: say what is being read. */
        fprintf(stderr, "analyze gate: reading %s\n", hist);
        if (runfiles_load_history(hist, &l->hist, &err)) {
            cmd_error("gate", "%s", err.msg);
            rc = -1;
        } else {
            l->has_hist = true;
        }
    }
    free(meta);
    free(hist);
    if (rc)
        free_run(l);
    return rc;
}

/* Every run with metadata must agree with the first run that has some. */
static int check_comparable(const loaded *runs, const char *const *paths, size_t n)
{
    size_t ref = n;
    for (size_t i = 0; i < n; i++)
        if (runs[i].meta.present) {
            ref = i;
            break;
        }
    for (size_t i = 0; ref < n && i < n; i++) {
        lb_err err = {0};
        if (i != ref && meta_comparable(&runs[ref].meta, &runs[i].meta, &err)) {
            cmd_error("gate", "runs are not comparable: %s and %s: %s", paths[ref], paths[i],
                      err.msg);
            return -1;
        }
    }
    return 0;
}

int cmd_gate(int argc, char **argv)
{
    static const struct option opts[] = {
        { "baseline", required_argument, NULL, 'b' },
        { "candidate", required_argument, NULL, 'c' },
        { "max-rps-drop", required_argument, NULL, 'r' },
        { "max-p95-rise", required_argument, NULL, '5' },
        { "max-p99-rise", required_argument, NULL, '9' },
        { "max-fail-ratio", required_argument, NULL, 'f' },
        { "alpha", required_argument, NULL, 'a' },
        { "allow-new-failures", no_argument, NULL, 'n' },
        { "endpoint", required_argument, NULL, 'e' },
        { "thresholds", required_argument, NULL, 't' },
        { "format", required_argument, NULL, 'F' },
        { "junit", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    gate_limits lim;
    gate_limits_default(&lim);
    side base = { NULL, 0 }, cand = { NULL, 0 };
    gate_rules rules = { NULL, 0, 0 };
    const char *junit = NULL;
    bool json = false;
    lb_err err = {0};
    int c, rc = 2;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        int bad = 0;
        switch (c) {
        case 'b': bad = push(&base, optarg); break;
        case 'c': bad = push(&cand, optarg); break;
        case 'r': bad = cmd_parse_nonneg("gate", "--max-rps-drop", optarg, &lim.max_rps_drop); break;
        case '5': bad = cmd_parse_nonneg("gate", "--max-p95-rise", optarg, &lim.max_p95_rise); break;
        case '9': bad = cmd_parse_nonneg("gate", "--max-p99-rise", optarg, &lim.max_p99_rise); break;
        case 'f': bad = cmd_parse_nonneg("gate", "--max-fail-ratio", optarg, &lim.max_fail_ratio); break;
        case 'a': bad = cmd_parse_nonneg("gate", "--alpha", optarg, &lim.alpha); break;
        case 'n': lim.allow_new_failures = true; break;
        case 'e':
            if ((bad = gate_rules_add(&rules, &lim, optarg, &err)))
                cmd_error("gate", "option --endpoint: %s", err.msg);
            break;
        case 't':   /* options apply in order: a later --max-* overrides the file */
            if ((bad = gate_rules_read(&rules, &lim, optarg, &err)))
                cmd_error("gate", "%s", err.msg);
            break;
        case 'F':
            if (strcmp(optarg, "md") && strcmp(optarg, "json")) {
                cmd_error("gate", "option --format: '%s' is not md or json", optarg);
                bad = -1;
            }
            json = !strcmp(optarg, "json");
            break;
        case 'j': junit = optarg; break;
        case 'h': fputs(GATE_HELP, stdout); rc = 0; goto out;
        default: fputs("see analyze gate --help\n", stderr); goto out;
        }
        if (bad)
            goto out;
    }
    lim.rules = rules.v;
    lim.nrules = rules.n;
    if (lim.max_fail_ratio > 1.0 || lim.alpha > 1.0) {
        cmd_error("gate", "--max-fail-ratio and --alpha are fractions between 0 and 1");
        goto out;
    }
    if (optind < argc) {
        cmd_error("gate", "unexpected argument '%s' (runs are given with --baseline and "
                  "--candidate)", argv[optind]);
        goto out;
    }
    if (!base.n || !cand.n) {
        cmd_error("gate", "needs at least one --baseline and one --candidate; see --help");
        goto out;
    }
    size_t n = base.n + cand.n;
    loaded *runs = calloc(n, sizeof *runs);
    const char **paths = malloc(n * sizeof *paths);
    gate_run *gr = calloc(n, sizeof *gr);
    size_t nloaded = 0;
    if (!runs || !paths || !gr)
        goto free_runs;
    for (size_t i = 0; i < n; i++) {
        paths[i] = i < base.n ? base.paths[i] : cand.paths[i - base.n];
        if (load_run(paths[i], &runs[i], base.n < 2 || cand.n < 2))
            goto free_runs;
        nloaded++;
        gr[i] = (gate_run){ paths[i], &runs[i].prof.head,
                            runs[i].has_hist ? &runs[i].hist : NULL, runs[i].meta.saturated,
                            &runs[i].prof };
    }
    if (check_comparable(runs, paths, n))
        goto free_runs;
    gate_verdict v;
    if (gate_evaluate(gr, base.n, gr + base.n, cand.n, &lim, &v, &err)) {
        cmd_error("gate", "%s", err.msg);
        goto free_runs;
    }
    if (json)
        gate_write_json(stdout, &v, &lim, gr, base.n, gr + base.n, cand.n);
    else
        gate_write(stdout, &v, &lim, gr, base.n, gr + base.n, cand.n);
    rc = v.regression ? 1 : 0;
    if (junit) {
        FILE *jf = fopen(junit, "w");
        if (!jf || gate_write_junit(jf, &v, &lim, gr, base.n, gr + base.n, cand.n) ||
            fclose(jf)) {
            cmd_error("gate", "%s: cannot write the JUnit file", junit);
            rc = 2;
        }
    }
    gate_verdict_free(&v);
free_runs:
    for (size_t i = 0; i < nloaded; i++)
        free_run(&runs[i]);
    free(runs);
    free(paths);
    free(gr);
out:
    gate_rules_free(&rules);
    free(base.paths);
    free(cand.paths);
    return rc;
}
