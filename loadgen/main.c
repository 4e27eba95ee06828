/* main.c — placeholder until the loadgen issue lands: prints help, refuses real use. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        printf("usage: loadgen [options]\n\nloadgen is not implemented yet in this build.\n");
        return 0;
    }
    fprintf(stderr, "loadgen: not implemented yet in this build (see --help)\n");
    return 2;
}
