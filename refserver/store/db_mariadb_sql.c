/* db_mariadb_sql.c — translate the store's SQL for MariaDB (see db_mariadb_sql.h). */
#include "db_mariadb_sql.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LIKE_COLLATE " COLLATE utf8mb4_general_ci"

/* Is "LIKE" the last word of out[0..n), with only spaces after it? */
static int after_like(const char *out, size_t n)
{
    while (n && out[n - 1] == ' ')
        n--;
    return n >= 5 && !strncmp(out + n - 4, "LIKE", 4) &&
           !(isalnum((unsigned char)out[n - 5]) || out[n - 5] == '_');
}

int my_sql_translate(const char *in, my_sql *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(in), markers = 0;
    for (size_t i = 0; i < n; i++)
        markers += in[i] == '?';
    /* every marker may gain the collation */
    out->text = malloc(n + markers * sizeof LIKE_COLLATE + 1);
    out->map = malloc((markers ? markers : 1) * sizeof *out->map);
    if (!out->text || !out->map) {
        my_sql_free(out);
        return -1;
    }
    size_t o = 0;
    int next = 0;   /* a bare "?" is the highest number so far + 1, as in SQLite */
    for (size_t i = 0; i < n;) {
        char c = in[i];
        if (c == '\'') {   /* a literal, '' inside it included */
            size_t j = i + 1;
            while (j < n && !(in[j] == '\'' && in[j + 1] != '\''))
                j += in[j] == '\'' ? 2 : 1;
            j = j < n ? j + 1 : n;
            memcpy(out->text + o, in + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        if (c != '?') {
            out->text[o++] = c;
            i++;
            continue;
        }
        int like = after_like(out->text, o);
        int num = 0;
        i++;
        if (isdigit((unsigned char)in[i])) {
            while (isdigit((unsigned char)in[i]) && num < 100000)
                num = num * 10 + (in[i++] - '0');
        }
        if (num < 1)   /* "?" (or a "?0" SQLite would refuse) */
            num = next + 1;
        if (num > next)
            next = num;
        out->map[out->npos++] = num - 1;
        out->text[o++] = '?';
        if (like) {
            memcpy(out->text + o, LIKE_COLLATE, sizeof LIKE_COLLATE - 1);
            o += sizeof LIKE_COLLATE - 1;
        }
    }
    out->text[o] = '\0';
    out->nlogical = next;
    return 0;
}

void my_sql_free(my_sql *s)
{
    free(s->text);
    free(s->map);
    memset(s, 0, sizeof *s);
}
