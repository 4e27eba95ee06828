/* cmd_report.c — `analyze report`: load the manifest's profiles, write the report. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "hdrfile.h"
#include "profile_rollup.h"
#include "report.h"
#include "runfiles.h"

static const char REPORT_HELP[] =
"usage: analyze report --manifest FILE --out DIR [--data-dir DIR] [--group-names]\n"
"                      [--top N] [--gnuplot PROG] [--compare-manifest FILE]\n"
"                      [--server-profile DIR] [--html]\n"
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
"  --compare-manifest FILE\n"
"                    a second manifest: our reruns of the same story, its files\n"
"                    looked up beside it (default: none). Adds their headline\n"
"                    table, a side-by-side table (each run next to the profile\n"
"                    its `original =` names), the comparisons both manifests\n"
"                    define computed for both, and every per-manifest section\n"
"                    for ours too (charts prefixed ours-)\n"
"  --server-profile DIR\n"
"                    refserver --profile-requests records (DIR/requests-*.csv):\n"
"                    adds the server-side view, time per phase over all requests\n"
"                    and the `analyze profile` rollup per endpoint (default: none)\n"
"  --html            also write DIR/Performance-Story.html: the same report as one\n"
"                    self-contained page, charts inline as SVG, no JavaScript,\n"
"                    nothing fetched (default: off)\n"
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

/* The profiles of one manifest, loaded. */
typedef struct loaded {
    manifest m;
    model_profile *ps;
    run_history *hs;
    const run_history **hp;
    size_t *names;
} loaded;

static void loaded_free(loaded *l)
{
    for (size_t i = 0; l->ps && i < l->m.nprofiles; i++)
        model_free(&l->ps[i]);
    for (size_t i = 0; l->hs && i < l->m.nprofiles; i++)
        runfiles_history_free(&l->hs[i]);
    free(l->ps);
    free(l->hs);
    free(l->hp);
    free(l->names);
    manifest_free(&l->m);
}

/* Read the manifest at mpath and every profile it names (files under data_dir,
 * default the manifest's folder), with their histories. Returns 0, or -1 after
 * printing the error (l is then freed). */
static int load_all(loaded *l, const char *mpath, const char *data_dir, bool group)
{
    lb_err err = {0};
    memset(l, 0, sizeof *l);
    if (manifest_read(mpath, &l->m, &err)) {
        cmd_error("report", "%s", err.msg);
        return -1;
    }
    size_t n = l->m.nprofiles;
    l->ps = calloc(n ? n : 1, sizeof *l->ps);
    l->hs = calloc(n ? n : 1, sizeof *l->hs);
    l->hp = calloc(n ? n : 1, sizeof *l->hp);
    l->names = calloc(n ? n : 1, sizeof *l->names);
    if (!l->ps || !l->hs || !l->hp || !l->names) {
        cmd_error("report", "out of memory%s", "");
        loaded_free(l);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char *path = cmd_join(data_dir ? data_dir : l->m.dir, l->m.profiles[i].file);
        if (!path) {
            loaded_free(l);
            return -1;
        }
        fprintf(stderr, "analyze report: [%zu/%zu] reading %s\n", i + 1, n, path);
        int bad = cmd_load("report", path, &l->m, group, true, &l->ps[i], &l->names[i]);
        bool exact = false;
        /* loadgen's exact percentiles where the run has them (charts then
         * reach below 1 ms); rows folded by --group-names keep their mixture */
        if (!bad && hdrfile_apply_sibling(path, &l->ps[i], &exact, &err)) {
            cmd_error("report", "%s", err.msg);
            model_free(&l->ps[i]);
            bad = 1;
        }
        if (!bad) {
            /* The manifest names the report's profiles (section names are
             * unique, so chart files cannot collide); labels by position. */
            char *name = strdup(l->m.profiles[i].name);
            if (!name) {
                free(path);
                loaded_free(l);
                return -1;
            }
            free(l->ps[i].name);
            l->ps[i].name = name;
            l->ps[i].users = l->m.profiles[i].users;
            l->ps[i].config = l->m.profiles[i].config;
            l->ps[i].commit = l->m.profiles[i].commit;
            l->ps[i].tags = l->m.profiles[i].tags;
            char *hist = runfiles_sibling(path, "_stats_history.csv");
            if (hist && runfiles_exists(hist)) {
                if (runfiles_load_history(hist, &l->hs[i], &err)) {
                    cmd_error("report", "%s", err.msg);
                    bad = 1;
                } else {
                    l->hp[i] = &l->hs[i];
                }
            }
            free(hist);
        }
        free(path);
        if (bad) {
            loaded_free(l);
            return -1;
        }
    }
    return 0;
}

/* Roll up refserver's per-request records in dir into r. Returns the number
 * of files read, or 0 after printing the error. */
static size_t load_server(pr_rollup *r, const char *dir)
{
    char **paths;
    size_t n;
    lb_err err = {0};
    if (pr_list_files(dir, &paths, &n, &err)) {
        cmd_error("report", "--server-profile: %s", err.msg);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        fprintf(stderr, "analyze report: server profile [%zu/%zu] reading %s\n", i + 1, n,
                paths[i]);
        if (pr_read_file(r, paths[i], NULL, NULL, &err)) {
            cmd_error("report", "%s", err.msg);
            pr_paths_free(paths, n);
            return 0;
        }
    }
    pr_paths_free(paths, n);
    return n;
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
        { "compare-manifest", required_argument, NULL, 'c' },
        { "server-profile", required_argument, NULL, 's' },
        { "html", no_argument, NULL, 'H' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *mpath = NULL, *out = NULL, *data_dir = NULL, *gnuplot = "gnuplot";
    const char *cpath = NULL, *sdir = NULL;
    bool group = false, html = false;
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
        case 'c': cpath = optarg; break;
        case 's': sdir = optarg; break;
        case 'H': html = true; break;
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
    loaded prim, ours = { 0 };
    if (load_all(&prim, mpath, data_dir, group))
        return 2;
    if (cpath && load_all(&ours, cpath, NULL, group)) {
        loaded_free(&prim);
        return 2;
    }
    pr_rollup sp;
    pr_init(&sp);
    size_t sfiles = 0;
    int rc = 2;
    if (sdir && !(sfiles = load_server(&sp, sdir)))
        goto out;
    report_input uin = { &ours.m, ours.ps, cpath ? ours.m.nprofiles : 0, ours.hp, ours.names,
                         "ours-", NULL, NULL, 0, NULL };
    report_input in = { &prim.m, prim.ps, prim.m.nprofiles, prim.hp, prim.names, NULL,
                        cpath ? &uin : NULL, sdir ? &sp : NULL, sfiles, sdir };
    report_opts o = { gnuplot, top, group, print_progress, print_warning, NULL, html };
    lb_err err = {0};
    int wr = report_write(out, &in, &o, &err);
    if (wr < 0) {
        cmd_error("report", "%s (report not written; %s left as it was)", err.msg, out);
        rc = wr == -2 ? 1 : 2;
        goto out;
    }
    fprintf(stderr, "analyze report: wrote %s/Performance-Story.md%s (%zu profiles%s)%s\n", out,
            html ? " and .html" : "", in.n, cpath ? " and our runs" : "",
            wr == 1 ? " without plots" : "");
    rc = 0;
out:
    pr_free(&sp);
    if (cpath)
        loaded_free(&ours);
    loaded_free(&prim);
    return rc;
}
