/* cmd_report.c — `analyze report`: load the manifest's profiles, write the report. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "report.h"
#include "runfiles.h"

static const char REPORT_HELP[] =
"usage: analyze report --manifest FILE --out DIR [--data-dir DIR] [--group-names]\n"
"                      [--top N] [--gnuplot PROG]\n"
"\n"
"Regenerate the performance report: DIR/Performance-Story.md with the headline\n"
"table, the manifest's comparisons with deltas and throughput ratios, the share\n"
"of response time per endpoint, per-endpoint tables, and gnuplot charts in\n"
"DIR/plots (PNG and SVG): RPS per profile, p50/p95/p99 per profile (log scale),\n"
"per-endpoint latency and, where PREFIX_stats_history.csv exists beside a\n"
"_stats.csv, users/RPS/p95 over time. Every number is computed from the files.\n"
"The report is built in a temporary folder beside DIR and swapped in at the\n"
"end: bad input never leaves a partial report over a good one. DIR is replaced\n"
"as a whole.\n"
"\n"
"  --manifest FILE   the profiles and comparisons (required; format: docs/analyze.md)\n"
"  --out DIR         the report folder (required; its parent must exist)\n"
"  --data-dir DIR    where the manifest's files are looked up (default: the\n"
"                    manifest's folder)\n"
"  --group-names     fold request names that differ only in query values\n"
"                    (default: off); folded percentiles are marked approximate\n"
"  --top N           endpoints per table and per chart (default: 10; 0 = all)\n"
"  --gnuplot PROG    the gnuplot program (default: gnuplot from PATH); when it\n"
"                    cannot run, tables are still written and a warning says the\n"
"                    plots were skipped\n"
"  -h, --help        this help\n"
"\n"
"Progress goes to stderr. Exit status: 0 ok (also when plots were skipped),\n"
"1 gnuplot ran but failed to make an image, 2 bad usage or bad input.\n";

static void print_progress(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "analyze report: %s\n", msg);
}

static void print_warning(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "analyze report: warning: %s\n", msg);
}

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "manifest", required_argument, NULL, 'm' },
        { "out", required_argument, NULL, 'o' },
        { "data-dir", required_argument, NULL, 'd' },
        { "group-names", no_argument, NULL, 'g' },
        { "top", required_argument, NULL, 't' },
        { "gnuplot", required_argument, NULL, 'p' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *mpath = NULL, *out = NULL, *data_dir = NULL, *gnuplot = "gnuplot";
    bool group = false;
    size_t top = 10;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'm': mpath = optarg; break;
        case 'o': out = optarg; break;
        case 'd': data_dir = optarg; break;
        case 'g': group = true; break;
        case 't': if (cmd_parse_count("report", "--top", optarg, &top)) return 2; break;
        case 'p': gnuplot = optarg; break;
        case 'h': fputs(REPORT_HELP, stdout); return 0;
        default: fputs("see analyze report --help\n", stderr); return 2;
        }
    }
    if (!mpath || !out || optind < argc) {
        cmd_error("report", optind < argc ? "unexpected argument '%s'; see --help"
                                          : "--manifest and --out are required%s; see --help",
                  optind < argc ? argv[optind] : "");
        return 2;
    }
    manifest m;
    lb_err err = { "" };
    if (manifest_read(mpath, &m, &err)) {
        cmd_error("report", "%s", err.msg);
        return 2;
    }
    size_t n = m.nprofiles;
    model_profile *ps = calloc(n, sizeof *ps);
    run_history *hs = calloc(n, sizeof *hs);
    const run_history **hp = calloc(n, sizeof *hp);
    size_t *names = calloc(n, sizeof *names);
    int rc = 2;
    if (!ps || !hs || !hp || !names)
        goto out;
    for (size_t i = 0; i < n; i++) {
        char *path = cmd_join(data_dir ? data_dir : m.dir, m.profiles[i].file);
        if (!path)
            goto out;
        fprintf(stderr, "analyze report: [%zu/%zu] reading %s\n", i + 1, n, path);
        int bad = cmd_load("report", path, &m, group, true, &ps[i], &names[i]);
        if (!bad) {
            /* The manifest names the report's profiles (section names are
             * unique, so chart files cannot collide); labels by position. */
            char *name = strdup(m.profiles[i].name);
            if (!name) {
                free(path);
                goto out;
            }
            free(ps[i].name);
            ps[i].name = name;
            ps[i].users = m.profiles[i].users;
            ps[i].config = m.profiles[i].config;
            ps[i].commit = m.profiles[i].commit;
            ps[i].tags = m.profiles[i].tags;
            char *hist = runfiles_sibling(path, "_stats_history.csv");
            if (hist && runfiles_exists(hist)) {
                if (runfiles_load_history(hist, &hs[i], &err)) {
                    cmd_error("report", "%s", err.msg);
                    bad = 1;
                } else {
                    hp[i] = &hs[i];
                }
            }
            free(hist);
        }
        free(path);
        if (bad)
            goto out;
    }
    report_input in = { &m, ps, n, hp, names };
    report_opts o = { gnuplot, top, group, print_progress, print_warning, NULL };
    int wr = report_write(out, &in, &o, &err);
    if (wr < 0) {
        cmd_error("report", "%s (report not written; %s left as it was)", err.msg, out);
        rc = wr == -2 ? 1 : 2;
        goto out;
    }
    fprintf(stderr, "analyze report: wrote %s/Performance-Story.md (%zu profiles)%s\n", out, n,
            wr == 1 ? " without plots" : "");
    rc = 0;
out:
    for (size_t i = 0; ps && i < n; i++)
        model_free(&ps[i]);
    for (size_t i = 0; hs && i < n; i++)
        runfiles_history_free(&hs[i]);
    free(ps);
    free(hs);
    free(hp);
    free(names);
    manifest_free(&m);
    return rc;
}
