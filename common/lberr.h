/* lberr.h — caller-owned error buffers (the redis anet.c pattern).
 *
 * Library code in common/ never prints and never exits: it fills an lb_err
 * the caller owns and returns -1 (or NULL). Programs decide what to print
 * and which exit code to use (0 ok, 1 measured failure, 2 bad usage/input). */
#ifndef LB_ERR_H
#define LB_ERR_H

#define LB_ERR_LEN 512

typedef struct lb_err {
    char msg[LB_ERR_LEN];
    int code;   /* 0, or a class the caller tests (refserver: RS_DB_UNAVAILABLE) */
} lb_err;

/* Format a message into err and clear its code (no-op when err is NULL).
 * Always returns -1 so callers can write `return lb_err_set(err, "...")`. */
int lb_err_set(lb_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
