/* setup.c — run the setup steps with curl_easy_perform, reusing request.c
 * for option setup, judging and saves, so they behave exactly like a user's
 * on_start steps (same retry and back-off rules). */
#include "setup.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "log.h"

static void sleep_s(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0) {
    }
}

int setup_run(const lg_plan *plan, const char *host, const lg_net *net, char **vals,
              lb_err *err)
{
    if (plan->nsetup == 0)
        return 0;
    CURL *e = curl_easy_init();
    lg_xfer x = {0};
    if (!e || request_init_handle(e, net, &x, NULL) < 0) {
        if (e)
            curl_easy_cleanup(e);
        return lb_err_set(err, "setup: cannot create a libcurl handle");
    }
    static char url[LG_MAX_URL], name[LG_MAX_NAME], body[LG_MAX_BODY], fail[2048];
    int rc = 0;
    for (size_t i = 0; i < plan->nsetup && rc == 0; i++) {
        const lg_step *s = &plan->setup[i];
        const lg_request *r = s->req;
        if (!plan_step_applies(s, (const char *const *)vals))
            continue;
        for (int attempt = 0;; attempt++) {
            const char *const *cv = (const char *const *)vals;
            if (!request_expand(r, host, NULL, cv, url, sizeof url, name, sizeof name)) {
                rc = lb_err_set(err, "setup step at line %d: URL too long", r->line);
                break;
            }
            size_t blen = r->body ? tmpl_expand(r->body, body, sizeof body, NULL, cv, NULL) : 0;
            struct curl_slist *h = request_headers(plan, r, cv);
            request_begin(&x, r, true);
            x.want_retry_after = (s->retry_on & LG_RETRY_429) != 0;
            if (request_apply(e, r, NULL, url, NULL, r->body ? body : NULL, blen, h) < 0) {
                curl_slist_free_all(h);
                rc = lb_err_set(err, "setup step at line %d: libcurl refused an option", r->line);
                break;
            }
            CURLcode cc = curl_easy_perform(e);
            long status = 0;
            bool ok = request_judge(e, r, cc, &x, &status, url, fail, sizeof fail);
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, (struct curl_slist *)NULL);
            curl_slist_free_all(h);
            if (ok) {
                int miss = request_save(s, &x, vals);
                if (miss != 0)
                    rc = lb_err_set(err, "setup step at line %d (%s %s): %s", r->line, r->method,
                                    name, miss < 0 ? "the response is not a JSON object"
                                                   : "a field to save is missing from the response");
                else
                    log_msg(LG_DEBUG, "setup: %s %s -> %ld", r->method, name, status);
                break;
            }
            bool retry = (status == 0 && (s->retry_on & LG_RETRY_CONN)) ||
                         (status >= 500 && (s->retry_on & LG_RETRY_5XX)) ||
                         (status == 429 && (s->retry_on & LG_RETRY_429));
            if (!retry || attempt + 1 >= s->attempts) {
                rc = lb_err_set(err, "setup step at line %d (%s %s) failed after %d attempt%s: %s",
                                r->line, r->method, name, attempt + 1, attempt ? "s" : "", fail);
                break;
            }
            double d = s->backoff * pow(2.0, attempt);
            if (status == 429 && x.retry_after >= 0)
                d = x.retry_after;
            log_msg(LG_WARNING, "setup: %s %s failed (%s), retrying in %.1f s", r->method, name,
                    fail, d);
            sleep_s(d);
        }
    }
    curl_easy_cleanup(e);
    request_xfer_free(&x);
    return rc;
}
