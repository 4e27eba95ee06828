/* profile.c — DECNET's behavioural profile of one attacker (see derive.h):
 * timing statistics, class, beacon tools, header tools, phases and the
 * sniffer/prober TCP rollup, with the seed's thresholds and key names. */
#include "derive.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double round_to(double x, int places)
{
    double m = pow(10.0, places);
    return round(x * m) / m;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* timing_stats(): inter-arrival statistics of ts-sorted events. */
static json_t *timing_stats(const pf_event *ev, size_t n, double *mean_out, double *cv_out)
{
    *mean_out = *cv_out = NAN;
    json_t *t = json_pack("{s:I,s:f}", "event_count", (json_int_t)n, "duration_s",
                          n ? round_to((double)(ev[n - 1].ts - ev[0].ts), 3) : 0.0);
    double *iat = n > 1 ? malloc((n - 1) * sizeof *iat) : NULL;
    size_t k = 0;
    for (size_t i = 1; iat && i < n; i++)
        if (ev[i].ts >= ev[i - 1].ts)
            iat[k++] = (double)(ev[i].ts - ev[i - 1].ts);
    static const char *const keys[] = {"mean_iat_s", "median_iat_s", "stdev_iat_s",
                                       "min_iat_s", "max_iat_s", "cv"};
    if (k == 0) {
        for (int i = 0; i < 6; i++)
            json_object_set_new(t, keys[i], json_null());
        free(iat);
        return t;
    }
    double sum = 0, var = 0;
    for (size_t i = 0; i < k; i++)
        sum += iat[i];
    double mean = sum / (double)k;
    for (size_t i = 0; i < k; i++)
        var += (iat[i] - mean) * (iat[i] - mean);
    double stdev = k > 1 ? sqrt(var / (double)k) : 0.0;   /* pstdev */
    qsort(iat, k, sizeof *iat, cmp_double);
    double median = k % 2 ? iat[k / 2] : (iat[k / 2 - 1] + iat[k / 2]) / 2.0;
    json_object_set_new(t, "mean_iat_s", json_real(round_to(mean, 3)));
    json_object_set_new(t, "median_iat_s", json_real(round_to(median, 3)));
    json_object_set_new(t, "stdev_iat_s", json_real(round_to(stdev, 3)));
    json_object_set_new(t, "min_iat_s", json_real(round_to(iat[0], 3)));
    json_object_set_new(t, "max_iat_s", json_real(round_to(iat[k - 1], 3)));
    if (mean > 0) {
        *cv_out = round_to(stdev / mean, 4);
        json_object_set_new(t, "cv", json_real(*cv_out));
    } else {
        json_object_set_new(t, "cv", json_null());
    }
    *mean_out = round_to(mean, 3);   /* the classifier reads the rounded stats */
    free(iat);
    return t;
}

/* classify_behavior(), in the seed's priority order. */
static const char *classify(size_t n, double mean, double cv, size_t nsvc)
{
    bool has_cv = !isnan(cv);
    if (n < 3 || isnan(mean))
        return "unknown";
    if (nsvc >= 2 && mean >= 10.0 && n >= 4)
        return "slow_scan";
    if ((nsvc >= 3 && mean < 10.0) || (nsvc >= 2 && mean < 2.0))
        return "scanning";
    if (nsvc == 1 && n >= 8 && mean < 5.0 && has_cv && cv < 0.6)
        return "brute_force";
    if (has_cv && cv < 0.35 && mean >= 5.0 && n >= 4)
        return "beaconing";
    if (has_cv && cv >= 0.5 && mean < 5.0 && n >= 6)
        return "interactive";
    return "mixed";
}

/* guess_tools(): default C2 beacon profiles (interval, tolerance, cv, tolerance). */
static void beacon_tools(json_t *tools, double mean, double cv)
{
    static const struct { const char *name; double iv, ivt, cv, cvt; } sig[] = {
        {"cobalt_strike", 60, 8, 0.20, 0.05}, {"sliver", 60, 10, 0.30, 0.08},
        {"havoc", 45, 8, 0.10, 0.03}, {"mythic", 30, 6, 0.15, 0.03},
    };
    if (isnan(mean) || isnan(cv))
        return;
    for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++)
        if (fabs(mean - sig[i].iv) <= sig[i].ivt && fabs(cv - sig[i].cv) <= sig[i].cvt)
            json_array_append_new(tools, json_string(sig[i].name));
}

static bool has_tool(const json_t *tools, const char *name)
{
    size_t i;
    json_t *v;
    json_array_foreach(tools, i, v)
        if (!strcmp(json_string_value(v), name))
            return true;
    return false;
}

static bool icontains(const char *hay, const char *needle, bool prefix)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++) {
        if (!strncasecmp(p, needle, n))
            return true;
        if (prefix)
            break;
    }
    return false;
}

/* detect_tools_from_headers(): tool names from HTTP request headers. */
static void header_tools(json_t *tools, const pf_event *ev, size_t n)
{
    static const struct { const char *name, *header, *pattern; bool prefix; } sig[] = {
        {"nmap", "user-agent", "Nmap Scripting Engine", 0}, {"gophish", "x-mailer", "gophish", 0},
        {"nikto", "user-agent", "Nikto", 0}, {"sqlmap", "user-agent", "sqlmap", 0},
        {"nuclei", "user-agent", "Nuclei", 0}, {"masscan", "user-agent", "masscan", 0},
        {"zgrab", "user-agent", "zgrab", 0}, {"metasploit", "user-agent", "Metasploit", 0},
        {"curl", "user-agent", "curl/", 1}, {"python_requests", "user-agent", "python-requests", 0},
        {"gobuster", "user-agent", "gobuster", 0}, {"dirbuster", "user-agent", "DirBuster", 0},
        {"hydra", "user-agent", "hydra", 0}, {"wfuzz", "user-agent", "Wfuzz", 0},
    };
    for (size_t e = 0; e < n; e++) {
        if (strcmp(ev[e].event_type, "request"))
            continue;
        json_t *raw = json_object_get(ev[e].fields, "headers"), *h = NULL;
        if (json_is_object(raw))
            h = json_incref(raw);
        else if (json_is_string(raw))
            h = json_loads(json_string_value(raw), 0, NULL);
        if (!json_is_object(h)) {
            json_decref(h);
            continue;
        }
        for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++) {
            if (has_tool(tools, sig[i].name))
                continue;
            const char *k;
            json_t *v;
            json_object_foreach(h, k, v) {
                if (!strcasecmp(k, sig[i].header) && json_is_string(v) &&
                    icontains(json_string_value(v), sig[i].pattern, sig[i].prefix)) {
                    json_array_append_new(tools, json_string(sig[i].name));
                    break;
                }
            }
        }
        json_decref(h);
    }
}

static bool in_set(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(s, *set))
            return true;
    return false;
}

const char *derive_ftext(const json_t *fields, const char *key, char *buf, size_t cap)
{
    json_t *v = json_object_get(fields, key);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    return NULL;
}

bool derive_fint(const json_t *fields, const char *key, long *out)
{
    char buf[32], *end;
    const char *s = derive_ftext(fields, key, buf, sizeof buf);
    json_t *v = json_object_get(fields, key);
    if (json_is_real(v)) {
        *out = (long)json_real_value(v);
        return true;
    }
    if (!s || !*s)
        return false;
    long x = strtol(s, &end, 10);
    while (isspace((unsigned char)*end))
        end++;
    if (*end)
        return false;
    *out = x;
    return true;
}

static void iso(time_t t, char out[20])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 20, "%Y-%m-%dT%H:%M:%S", &tm);
}

/* phase_sequence(): last recon event, first exfil event, large payloads. */
static json_t *phases(const pf_event *ev, size_t n)
{
    static const char *const recon[] = {"scan", "connection", "banner", "probe", "login_attempt",
                                        "auth", "auth_failure", NULL};
    static const char *const exfil[] = {"download", "upload", "file_transfer", "data_exfil",
                                        "command", "exec", "query", "shell_input", NULL};
    static const char *const size_keys[] = {"bytes", "size", "content_length"};
    long large = 0;
    time_t rend = 0, xstart = 0;
    bool has_r = false, has_x = false;
    for (size_t i = 0; i < n; i++) {
        if (in_set(ev[i].event_type, recon)) {
            rend = ev[i].ts;
            has_r = true;
        } else if (in_set(ev[i].event_type, exfil) && !has_x) {
            xstart = ev[i].ts;
            has_x = true;
        }
        for (int k = 0; k < 3; k++) {
            long v;
            if (derive_fint(ev[i].fields, size_keys[k], &v) && v >= 1048576) {
                large++;
                break;
            }
        }
    }
    char a[20], b[20];
    iso(rend, a);
    iso(xstart, b);
    json_t *p = json_object();
    json_object_set_new(p, "recon_end_ts", has_r ? json_string(a) : json_null());
    json_object_set_new(p, "exfil_start_ts", has_x ? json_string(b) : json_null());
    json_object_set_new(p, "exfil_latency_s", has_r && has_x && xstart >= rend
                        ? json_real((double)(xstart - rend)) : json_null());
    json_object_set_new(p, "large_payload_count", json_integer(large));
    return p;
}

static int cmp_event(const void *a, const void *b)
{
    const pf_event *x = a, *y = b;
    if (x->ts != y->ts)
        return (x->ts > y->ts) - (x->ts < y->ts);
    return (x > y) - (x < y);   /* qsort is not stable: keep the original order */
}

static char *dump(json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(v);
    return s;
}

int profile_build(pf_event *ev, size_t n, pf_record *out)
{
    memset(out, 0, sizeof *out);
    /* a copy sorted stably: comparing addresses only works within the copy */
    pf_event *s = n ? malloc(n * sizeof *s) : NULL;
    if (n && !s)
        return -1;
    if (n)
        memcpy(s, ev, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_event);
    double mean, cv;
    json_t *timing = timing_stats(s, n, &mean, &cv);
    /* distinct services: compared against the few seen so far, not every event */
    const char *seen[64];
    size_t nsvc = 0;
    for (size_t i = 0; i < n; i++) {
        bool dup = false;
        for (size_t j = 0; j < nsvc && j < 64 && !dup; j++)
            dup = !strcmp(s[i].service, seen[j]);
        if (!dup && nsvc < 64)
            seen[nsvc] = s[i].service;
        nsvc += !dup;
    }
    out->behavior_class = classify(n, mean, cv, nsvc);
    json_t *fp;
    derive_rollup(s, n, out, &fp);
    json_t *tools = json_array();
    beacon_tools(tools, mean, cv);
    header_tools(tools, s, n);
    if (out->os_guess && !strcmp(out->os_guess, "nmap") && !has_tool(tools, "nmap"))
        json_array_insert_new(tools, 0, json_string("nmap"));
    if (!strcmp(out->behavior_class, "beaconing")) {
        out->beacon = true;
        out->beacon_interval_s = mean;
        out->beacon_jitter_pct = round_to(cv * 100.0, 2);
    }
    out->tcp_fingerprint = dump(fp);
    out->tool_guesses = dump(tools);
    out->timing_stats = dump(timing);
    out->phase_sequence = dump(phases(s, n));
    free(s);
    if (!out->tcp_fingerprint || !out->tool_guesses || !out->timing_stats ||
        !out->phase_sequence) {
        profile_free(out);
        return -1;
    }
    return 0;
}

void profile_free(pf_record *r)
{
    free(r->os_guess);
    free(r->tcp_fingerprint);
    free(r->tool_guesses);
    free(r->timing_stats);
    free(r->phase_sequence);
    memset(r, 0, sizeof *r);
}
