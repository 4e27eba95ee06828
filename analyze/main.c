/* main.c — analyze: subcommand dispatch and the top-level --help. */
#include <stdio.h>
#include <string.h>
#include "cmd.h"

static const char HELP[] =
"usage: analyze SUBCOMMAND [options] (analyze SUBCOMMAND --help for each)\n"
"\n"
"Turns Locust CSV files (--csv _stats.csv files, ours or Locust's, and the\n"
"web-UI tables of the reference profiles) into performance-story tables,\n"
"gnuplot charts, a report and a CI regression gate.\n"
"\n"
"  table     the headline table, one row per profile (md or csv)\n"
"  compare   two runs side by side with deltas, then per endpoint\n"
"  gate      CI regression gate: exit 0 pass, 1 regression, 2 bad input\n"
"  report    regenerate Performance-Story.md and its charts from a manifest\n"
"  profile   roll up refserver's per-request phase profiles (--profile-requests\n"
"            DIR) per endpoint: count, share, p50/p95 per phase, top phases\n"
"\n"
"  -h, --help     this help\n"
"  --version      print the version\n"
"\n"
"Exit status: 0 ok, 1 the measured thing failed (a regression), 2 bad usage\n"
"or bad input; messages on stderr name the file, line or option at fault.\n"
"Formats and defaults: docs/analyze.md.\n";

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        char *prog;          /* argv[0] for the subcommand: getopt's messages use it */
        int (*fn)(int, char **);
    } subs[] = {
        { "table", "analyze table", cmd_table },
        { "compare", "analyze compare", cmd_compare },
        { "gate", "analyze gate", cmd_gate },
        { "report", "analyze report", cmd_report },
        { "profile", "analyze profile", cmd_profile },
    };
    if (argc < 2) {
        fputs(HELP, stderr);
        return 2;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(HELP, stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("analyze %s\n", LB_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (!strcmp(argv[1], subs[i].name)) {
            argv[1] = subs[i].prog;
            return subs[i].fn(argc - 1, argv + 1);
        }
    fprintf(stderr, "analyze: unknown subcommand '%s' (table, compare, gate, report, profile; "
            "see analyze --help)\n", argv[1]);
    return 2;
}
