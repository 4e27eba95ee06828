/* table.c — rendering the headline table in Markdown and CSV. */
#include "table.h"

const char TABLE_CSV_HEADER[] =
    "profile,users,config,requests,fails,p50_ms,p95_ms,p99_ms,avg_ms,rps";

static void cell_num(FILE *f, const model_metrics *m, int metric, fmt_kind k)
{
    char buf[FMT_NUM_MAX];
    bool has;
    double v = model_metric(m, metric, &has);
    int dec = metric == MODEL_REQUESTS || metric == MODEL_FAILS ? 0 : 2;
    if (has)
        fputs(fmt_num(buf, sizeof buf, v, dec, k == FMT_MD), f);
    else if (k == FMT_MD)
        fputs("—", f);
}

int table_write(FILE *f, const model_profile *ps, size_t n, fmt_kind k)
{
    if (k == FMT_CSV)
        fprintf(f, "%s\n", TABLE_CSV_HEADER);
    else
        fputs("| Profile | Users | Config | Requests | Fails | p50 (ms) | p95 (ms) | "
              "p99 (ms) | Avg (ms) | RPS |\n"
              "|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n", f);
    for (size_t i = 0; i < n; i++) {
        const model_profile *p = &ps[i];
        const char *text[3] = { p->name, p->users ? p->users : "",
                                p->config ? p->config : "" };
        if (k == FMT_CSV) {
            for (int c = 0; c < 3; c++) {
                if (c)
                    fputc(',', f);
                lc_put_field(f, text[c]);
            }
        } else {
            fputs("| `", f);
            fmt_md_cell(f, text[0]);
            fputs("` | ", f);
            fmt_md_cell(f, text[1]);
            fputs(" | ", f);
            fmt_md_cell(f, text[2]);
        }
        for (int m = 0; m < MODEL_NMETRICS; m++) {
            fputs(k == FMT_CSV ? "," : " | ", f);
            cell_num(f, &p->head, m, k);
        }
        fputs(k == FMT_CSV ? "\n" : " |\n", f);
    }
    return ferror(f) ? -1 : 0;
}
