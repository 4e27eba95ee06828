/* text.c — small in-place string helpers (text.h). */
#include "text.h"
#include <ctype.h>
#include <string.h>

char *lb_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}
