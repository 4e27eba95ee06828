/* stats_replay.c — test helper for stats_fuzz.sh: replays a request script
 * through the stats core and writes what the CSV writer makes of it.
 *
 * Input lines (TAB-separated), as written by stats_fuzz.sh's Python side:
 *   R now method name rt|None content_length error|""   record a request
 *   X now                                               reset
 *   S                                                   write _stats.csv body
 *   F                                                   write _failures.csv body
 *   H now full(0|1)                                     write history rows
 *   W k now method name rt|None content_length error    record on worker k (1, 2)
 *   M now                                               merge both workers into the
 *                                                       main set, then reset them
 * The main set starts at the first line's time with snapshots on; workers
 * (plain sets) at the same time. Output goes to stdout. Exit 0 ok, 2 bad
 * input (message names the line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "locust_csv.h"

static char *field(char **p)
{
    char *f = *p, *tab = strchr(f, '\t');
    if (tab) {
        *tab = '\0';
        *p = tab + 1;
    } else {
        *p = f + strlen(f);
    }
    return f;
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        printf("usage: stats_replay < SCRIPT  (see the comment in stats_replay.c)\n");
        return strcmp(argv[1], "--help") ? 2 : 0;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    stats_set *s = NULL, *w[3] = {NULL, NULL, NULL};
    while ((n = getline(&line, &cap, stdin)) > 0) {
        lineno++;
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        char *p = line, *cmd = field(&p);
        if (!s) {
            double start = strtod(cmd[0] == 'S' ? "0" : p, NULL);
            s = stats_set_new(start, true);
            w[1] = stats_set_new(start, false);
            w[2] = stats_set_new(start, false);
        }
        stats_set *target = s;
        if (!strcmp(cmd, "W")) {
            int k = atoi(field(&p));
            target = w[k == 2 ? 2 : 1];
            cmd = (char *)"R";
        }
        if (!strcmp(cmd, "M")) {
            double now = strtod(field(&p), NULL);
            for (int k = 1; k <= 2; k++) {
                stats_set_merge(s, w[k]);
                stats_set_reset(w[k], now);   /* get_stripped_report's reset */
            }
        } else if (!strcmp(cmd, "R")) {
            double now = strtod(field(&p), NULL);
            char *method = field(&p), *name = field(&p), *rt = field(&p);
            unsigned long long len = strtoull(field(&p), NULL, 10);
            char *error = field(&p);
            stats_entry *e = stats_set_entry(target, method, name);
            stats_set_record(target, e, now, strcmp(rt, "None") ? strtod(rt, NULL) : -1, len,
                             *error != '\0', error);
        } else if (!strcmp(cmd, "X")) {
            stats_set_reset(s, strtod(field(&p), NULL));
        } else if (!strcmp(cmd, "S")) {
            lc_write_stats(stdout, s);
        } else if (!strcmp(cmd, "F")) {
            lc_write_failures(stdout, s);
        } else if (!strcmp(cmd, "H")) {
            double now = strtod(field(&p), NULL);
            lc_write_history_rows(stdout, s, now, 0, atoi(field(&p)) != 0);
        } else {
            fprintf(stderr, "stats_replay: stdin:%ld: unknown command \"%s\"\n", lineno, cmd);
            free(line);
            stats_set_free(s);
            stats_set_free(w[1]);
            stats_set_free(w[2]);
            return 2;
        }
    }
    free(line);
    stats_set_free(s);
    stats_set_free(w[1]);
    stats_set_free(w[2]);
    return 0;
}
