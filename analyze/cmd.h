/* cmd.h — analyze's subcommands and the helpers they share.
 *
 * Each cmd_* function takes the subcommand's own argv (argv[0] is the
 * subcommand name), prints to stdout/stderr, and returns the exit status:
 * 0 success, 1 the measured thing failed (a regression), 2 bad usage or
 * bad input. */
#ifndef AZ_CMD_H
#define AZ_CMD_H
#include <stdbool.h>
#include <stddef.h>
#include "fmt.h"
#include "manifest.h"
#include "model.h"

int cmd_table(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_gate(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_profile(int argc, char **argv);

/* "analyze SUB: message" on stderr. */
void cmd_error(const char *sub, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse a non-negative number option; on error print a message naming the
 * option and return -1. */
int cmd_parse_nonneg(const char *sub, const char *opt, const char *s, double *out);

/* Parse a count option (0 allowed). */
int cmd_parse_count(const char *sub, const char *opt, const char *s, size_t *out);

/* Parse --format (md or csv) into *out; on error print a message and return -1. */
int cmd_parse_format(const char *sub, const char *s, fmt_kind *out);

/* Load the run at path into *p, fold names when group, and take labels from
 * m (by profile or file base name) when m is not NULL. Prints the error and
 * returns -1 on failure. When warn_names and not grouping, warns (stderr)
 * about high cardinality. *names_before (may be NULL) receives the unique
 * names before grouping. */
int cmd_load(const char *sub, const char *path, const manifest *m, bool group,
             bool warn_names, model_profile *p, size_t *names_before);

/* DIR/FILE, or FILE when it is absolute (freshly allocated; NULL on OOM). */
char *cmd_join(const char *dir, const char *file);

#endif
