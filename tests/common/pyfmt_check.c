/* pyfmt_check.c — test helper: reads lines "<C99 hex float> <Python repr>" on
 * stdin (made by /usr/bin/python3, see pyfmt_fuzz.sh) and reports every value
 * whose pyfmt_repr differs. Exit 0 all equal, 1 mismatches, 2 bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pyfmt.h"

int main(int argc, char **argv)
{
    if (argc > 1) {
        printf("usage: pyfmt_check < LINES\n"
               "Each line: a hex float (float.hex()) and Python's repr() of it.\n"
               "Prints mismatches; exit 0 all equal, 1 mismatches, 2 bad input.\n");
        return strcmp(argv[1], "--help") ? 2 : 0;
    }
    char hex[64], want[64], got[PYFMT_REPR_MAX];
    long n = 0, bad = 0;
    while (scanf("%63s %63s", hex, want) == 2) {
        char *end;
        double v = strtod(hex, &end);
        if (*end) {
            fprintf(stderr, "pyfmt_check: line %ld: bad hex float \"%s\"\n", n + 1, hex);
            return 2;
        }
        pyfmt_repr(got, sizeof got, v);
        if (strcmp(got, want)) {
            if (bad < 20)
                printf("MISMATCH %s: python %s, pyfmt %s\n", hex, want, got);
            bad++;
        }
        n++;
    }
    printf("%ld values, %ld mismatches\n", n, bad);
    return n == 0 ? 2 : bad ? 1 : 0;
}
