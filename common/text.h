/* text.h — small in-place string helpers the programs share (loadgen's
 * locust.conf reader and refserver's INI reader both parse "key = value"
 * lines). */
#ifndef LB_TEXT_H
#define LB_TEXT_H

/* Strip leading and trailing white space (isspace) from s in place: the
 * trailing run is cut with a NUL, the returned pointer skips the leading
 * one. s must be writable and NUL-terminated. */
char *lb_trim(char *s);

#endif
