/* cmd_profile.c — `analyze profile`: options, reading DIR's per-request
 * profile files with progress, and printing the rollup. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "fmt.h"
#include "profile_rollup.h"
#include "profile_write.h"

static const char PROFILE_HELP[] =
"usage: analyze profile [--format md|csv] [--top N] DIR\n"
"\n"
"Rolls up refserver's per-request phase profiles (refserver --profile-requests\n"
"DIR) per endpoint, as the seed's aggregate_requests.py did for pyinstrument.\n"
"Reads every DIR/requests-*.csv (sorted by name; one per refserver worker),\n"
"whose first line is exactly\n"
"  timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us\n"
"and whose rows are one request each, times in whole microseconds (format:\n"
"docs/analyze.md, \"Per-request profiles\"). Endpoints (method + route) are\n"
"sorted by summed total time, largest first, with: requests, share of all\n"
"server time, total p50/p95, then p50/p95 of every phase, its share of the\n"
"endpoint's time, the time no phase accounts for (other), and the phases that\n"
"took the most time (Markdown names the top three).\n"
"Percentiles come from a precise histogram (exact below 2.048 ms, within 0.1%\n"
"above); times print in ms with up to three decimals.\n"
"\n"
"  --format md|csv   md (default): Markdown tables; csv: every endpoint, one row\n"
"                    each, under exactly the header\n"
"                    method,route,requests,share_pct,total_ms,p50_ms,p95_ms,\n"
"                    P_p50_ms,P_p95_ms,P_pct for P in parse,auth,cache,db,bcrypt,\n"
"                    serialize,write, then other_pct,top_phases (phases with\n"
"                    time, largest first, ';'-separated)\n"
"  --top N           endpoints shown in Markdown (default: 20; 0 = all); CSV\n"
"                    always lists every endpoint\n"
"  -h, --help        this help\n"
"\n"
"Exit status: 0 ok, 2 bad usage or bad input: no requests-*.csv in DIR, or a\n"
"file with an unknown header, a ragged row, a non-numeric or negative number\n"
"(the message names file, line and column).\n";

/* Where reading is: file i of n. */
typedef struct progress {
    size_t i, n;
    const char *path;
} progress;

static void show_progress(void *ctx, uint64_t rows)
{
    const progress *p = ctx;
    fprintf(stderr, "\ranalyze profile: reading %zu/%zu %s ...", p->i + 1, p->n, p->path);
    if (rows)
        fprintf(stderr, " %llu rows", (unsigned long long)rows);
    fputs("\033[K", stderr);
}

/* Read every file into r, telling a person at a terminal how far it got:
 * files can hold millions of rows (read at one or two million a second). */
static int read_all(pr_rollup *r, char **paths, size_t n)
{
    int tty = isatty(STDERR_FILENO);
    lb_err err = {0};
    for (size_t i = 0; i < n; i++) {
        progress p = { i, n, paths[i] };
        if (tty)
            show_progress(&p, 0);
        if (pr_read_file(r, paths[i], tty ? show_progress : NULL, &p, &err)) {
            if (tty)
                fputc('\n', stderr);
            cmd_error("profile", "%s", err.msg);
            return -1;
        }
    }
    if (tty)
        fprintf(stderr, "\ranalyze profile: read %zu file%s, %llu requests\033[K\n", n,
                n == 1 ? "" : "s", (unsigned long long)r->rows);
    return 0;
}

int cmd_profile(int argc, char **argv)
{
    static const struct option opts[] = {
        { "format", required_argument, NULL, 'f' },
        { "top", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    fmt_kind k = FMT_MD;
    size_t top = 20;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': if (cmd_parse_format("profile", optarg, &k)) return 2; break;
        case 't': if (cmd_parse_count("profile", "--top", optarg, &top)) return 2; break;
        case 'h': fputs(PROFILE_HELP, stdout); return 0;
        default: fputs("see analyze profile --help\n", stderr); return 2;
        }
    }
    if (argc - optind != 1) {
        cmd_error("profile", "needs exactly one DIR (got %d); see --help", argc - optind);
        return 2;
    }
    char **paths;
    size_t n;
    lb_err err = {0};
    if (pr_list_files(argv[optind], &paths, &n, &err)) {
        cmd_error("profile", "%s", err.msg);
        return 2;
    }
    pr_rollup r;
    pr_init(&r);
    int rc = read_all(&r, paths, n) ? 2 : 0;
    if (!rc && (pr_write(stdout, &r, n, k, top) || fflush(stdout))) {
        cmd_error("profile", "writing the output failed");
        rc = 2;
    }
    pr_free(&r);
    pr_paths_free(paths, n);
    return rc;
}
