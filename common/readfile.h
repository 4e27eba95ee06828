/* readfile.h — a whole file in memory, for the small text inputs the
 * programs parse in one piece (loadgen's scenario files, analyze's
 * manifests). Reads to EOF, so pipes and /dev/stdin work too. */
#ifndef LB_READFILE_H
#define LB_READFILE_H
#include <stddef.h>
#include "lberr.h"

/* The contents of path, NUL-terminated (malloc'd; the caller frees), with
 * *len the byte count (NUL bytes inside are kept and counted). NULL with err
 * "PATH: cannot open (what): reason", "PATH: read error" or "PATH: out of
 * memory"; `what` names the file's role in the open error ("manifest"). */
char *lb_read_file(const char *path, const char *what, size_t *len, lb_err *err);

#endif
