/* cmd_table.c — `analyze table` and `analyze compare`: option parsing and output. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "compare.h"
#include "fmt.h"
#include "hdrfile.h"
#include "runfiles.h"
#include "table.h"

static const char TABLE_HELP[] =
"usage: analyze table [--manifest FILE] [--data-dir DIR] [--format md|csv] [FILE...]\n"
"\n"
"The headline table: one row per profile from its Aggregated row, with columns\n"
"profile, users, config, requests, fails, p50, p95, p99, average and RPS.\n"
"A FILE is a Locust _stats.csv or a web-UI table (TSV); profile is its base name\n"
"without .csv. Rows are printed in the order the files are given.\n"
"\n"
"  --manifest FILE   take users/config labels from this manifest (default: none,\n"
"                    labels blank); without FILE arguments, list every profile of\n"
"                    the manifest in manifest order\n"
"  --data-dir DIR    where manifest files are looked up (default: the manifest's\n"
"                    folder)\n"
"  --format md|csv   md (default): Markdown with thousands separators; csv: exactly\n"
"                    profile,users,config,requests,fails,p50_ms,p95_ms,p99_ms,avg_ms,rps\n"
"                    with plain numbers\n"
"  -h, --help        this help\n"
"\n"
"Exit status: 0 ok, 2 bad usage or bad input (the message names file and line).\n";

static const char COMPARE_HELP[] =
"usage: analyze compare [--format md|csv] [--group-names] [--top N] A B\n"
"\n"
"Two runs side by side (two commits, tracing on/off...): every headline metric\n"
"of A and B with the change from A to B in percent, then per-endpoint rows.\n"
"A and B are Locust _stats.csv files or web-UI tables. Headers name each run by\n"
"its file and, when PREFIX_meta.json has one, its tag (loadgen --tag). When both\n"
"runs have a PREFIX_hdr.csv (loadgen writes it), p50/p95/p99 are its exact\n"
"microsecond values instead of Locust's rounded milliseconds, and the Markdown\n"
"says so (not with --group-names).\n"
"\n"
"  --format md|csv   md (default): headline table, then the top N endpoints;\n"
"                    csv: header metric,a,b,delta_pct, the metrics requests,fails,\n"
"                    p50_ms,p95_ms,p99_ms,avg_ms,rps, then every endpoint's metrics as\n"
"                    \"METHOD NAME:metric\" sorted by name then method; a percentile\n"
"                    merged approximately by --group-names is named \"...:p95_ms_approx\".\n"
"                    delta_pct is empty when A is 0 and B is not.\n"
"  --group-names     fold names that differ only in query values into one row\n"
"                    (default: off); percentiles of folded rows are approximate\n"
"  --top N           endpoints shown in Markdown, most requests first (default: 20;\n"
"                    0 = all)\n"
"  -h, --help        this help\n"
"\n"
"Exit status: 0 ok, 2 bad usage or bad input.\n";

int cmd_table(int argc, char **argv)
{
    static const struct option opts[] = {
        { "manifest", required_argument, NULL, 'm' },
        { "data-dir", required_argument, NULL, 'd' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *mpath = NULL, *data_dir = NULL;
    fmt_kind k = FMT_MD;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'm': mpath = optarg; break;
        case 'd': data_dir = optarg; break;
        case 'f': if (cmd_parse_format("table", optarg, &k)) return 2; break;
        case 'h': fputs(TABLE_HELP, stdout); return 0;
        default: fputs("see analyze table --help\n", stderr); return 2;
        }
    }
    manifest m;
    lb_err err = {0};
    if (mpath && manifest_read(mpath, &m, &err)) {
        cmd_error("table", "%s", err.msg);
        return 2;
    }
    size_t n = (size_t)(argc - optind);
    if (n == 0 && !mpath) {
        cmd_error("table", "no profile files given (and no --manifest); see --help");
        return 2;
    }
    if (n == 0)
        n = m.nprofiles;
    model_profile *ps = calloc(n, sizeof *ps);
    int rc = ps ? 0 : 2;
    for (size_t i = 0; i < n && !rc; i++) {
        char *path = optind < argc ? strdup(argv[optind + (int)i])
                                   : cmd_join(data_dir ? data_dir : m.dir, m.profiles[i].file);
        if (!path || cmd_load("table", path, mpath ? &m : NULL, false, false, &ps[i], NULL))
            rc = 2;
        free(path);
    }
    if (!rc && table_write(stdout, ps, n, k))
        rc = 2;
    for (size_t i = 0; ps && i < n; i++)
        model_free(&ps[i]);
    free(ps);
    if (mpath)
        manifest_free(&m);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {
        { "format", required_argument, NULL, 'f' },
        { "group-names", no_argument, NULL, 'g' },
        { "top", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    fmt_kind k = FMT_MD;
    bool group = false;
    size_t top = 20;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': if (cmd_parse_format("compare", optarg, &k)) return 2; break;
        case 'g': group = true; break;
        case 't': if (cmd_parse_count("compare", "--top", optarg, &top)) return 2; break;
        case 'h': fputs(COMPARE_HELP, stdout); return 0;
        default: fputs("see analyze compare --help\n", stderr); return 2;
        }
    }
    if (argc - optind != 2) {
        cmd_error("compare", "needs exactly two runs, A and B (got %d); see --help",
                  argc - optind);
        return 2;
    }
    model_profile a, b;
    if (cmd_load("compare", argv[optind], NULL, group, true, &a, NULL))
        return 2;
    if (cmd_load("compare", argv[optind + 1], NULL, group, true, &b, NULL)) {
        model_free(&a);
        return 2;
    }
    compare_result r;
    lb_err err = {0};
    int rc = 0;
    /* exact percentiles when both runs have a _hdr.csv (one side alone would
     * compare exact values with rounded ones) */
    char *ha = runfiles_sibling(argv[optind], "_hdr.csv");
    char *hb = runfiles_sibling(argv[optind + 1], "_hdr.csv");
    if (!group && ha && hb && runfiles_exists(ha) && runfiles_exists(hb) &&
        (hdrfile_apply(ha, &a, &err) || hdrfile_apply(hb, &b, &err)))
        rc = 2;
    free(ha);
    free(hb);
    if (rc || compare_build(&a, &b, &r, &err)) {
        cmd_error("compare", "%s", err.msg);
        rc = 2;
    } else {
        if (compare_write(stdout, &a, &b, &r, k, top))
            rc = 2;
        compare_free(&r);
    }
    model_free(&a);
    model_free(&b);
    return rc;
}
