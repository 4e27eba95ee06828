/* fleet_build.c — deckies from a parsed INI, and mutation (see fleet.h):
 * the seed's ini_loader (sections, amount, persona sub-sections), its
 * build_deckies_from_ini (archetype, distro, IP allocation) and the
 * mutator's service shuffle, with its 409 messages. */
#include "fleet.h"
#include "fleet_priv.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A DeckySpec from one section: name + its options, or 409 text in msg. */
static fleet_status spec_check(const char *sec, const json_t *o, long *amount, char *msg,
                               size_t cap)
{
    const char *am = json_string_value(json_object_get(o, "amount"));
    const char *mi = json_string_value(json_object_get(o, "mutate_interval"));
    if (!mi)
        mi = json_string_value(json_object_get(o, "mutate-interval"));
    char *end;
    if (mi && *mi && (strtol(mi, &end, 10), *end || end == mi)) {
        snprintf(msg, cap, "[%s] mutate_interval= must be an integer, got '%s'", sec, mi);
        return FLEET_CONFLICT;
    }
    if (mi && *mi && strtol(mi, NULL, 10) < 1) {
        snprintf(msg, cap, "[%s] mutate_interval: Input should be greater than or equal to 1",
                 sec);
        return FLEET_CONFLICT;
    }
    *amount = am ? strtol(am, &end, 10) : 1;
    if (am && (*end || end == am || *amount < 1)) {
        snprintf(msg, cap, "[%s] amount= must be a positive integer, got '%s'", sec, am);
        return FLEET_CONFLICT;
    }
    if (*amount > 100) {
        snprintf(msg, cap, "[%s] amount=%ld exceeds maximum allowed (100).", sec, *amount);
        return FLEET_CONFLICT;
    }
    if (*amount > 1 && json_object_get(o, "ip")) {
        snprintf(msg, cap, "[%s] Cannot combine ip= with amount=%ld. Remove ip= or use "
                 "amount=1.", sec, *amount);
        return FLEET_CONFLICT;
    }
    bool ok = strlen(sec) <= 128;
    for (const char *p = sec; *p && ok; p++)
        ok = isalnum((unsigned char)*p) || strchr("-_.", *p);
    if (!ok) {
        snprintf(msg, cap, "[%s] name: String should match pattern '^[A-Za-z0-9\\-_.]+$'", sec);
        return FLEET_CONFLICT;
    }
    return FLEET_OK;
}

static const char *opt(const json_t *o, const char *a, const char *b)
{
    const char *v = json_string_value(json_object_get(o, a));
    if ((!v || !*v) && b)
        v = json_string_value(json_object_get(o, b));
    return v && *v ? v : NULL;
}

/* The services= list, or NULL when absent; 409 on an unknown name. */
static fleet_status services_of(const char *name, const json_t *o, json_t **out, char *msg,
                                size_t cap)
{
    const char *raw = opt(o, "services", NULL);
    *out = NULL;
    if (!raw)
        return FLEET_OK;
    json_t *list = json_array();
    const char *bad[32];
    size_t nbad = 0;
    char *copy = strdup(raw), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        while (isspace((unsigned char)*t))
            t++;
        size_t n = strlen(t);
        while (n && isspace((unsigned char)t[n - 1]))
            t[--n] = '\0';
        json_array_append_new(list, json_string(t));
        if (!fleet_known_service(t) && nbad < 32)
            bad[nbad++] = json_string_value(json_array_get(list, json_array_size(list) - 1));
    }
    if (nbad) {
        char b[256], all[512];
        fleet_pylist(bad, nbad, b, sizeof b);
        fleet_pylist(fleet_services, fleet_count(fleet_services), all, sizeof all);
        snprintf(msg, cap, "Unknown service(s) in [%s]: %s. Available: %s", name, b, all);
        json_decref(list);
        free(copy);
        return FLEET_CONFLICT;
    }
    free(copy);
    *out = list;
    return FLEET_OK;
}

/* One DeckyConfig (the seed's key order). */
static fleet_status decky(const char *name, const json_t *o, size_t k, unsigned *next_ip,
                          unsigned last_ip, const unsigned *reserved, size_t nres,
                          const char *net, double now, json_t *out, char *msg, size_t cap)
{
    const char *as = opt(o, "archetype", NULL);
    const archetype *a = fleet_arch(as);
    if (as && !a) {
        char all[512];
        size_t n = 0;
        const char *sorted[fleet_narch];   /* sorted(ARCHETYPES) */
        for (size_t i = 0; i < fleet_narch; i++)
            sorted[i] = fleet_archetypes[i].slug;
        for (size_t i = 1; i < fleet_narch; i++)
            for (size_t j = i; j > 0 && strcmp(sorted[j - 1], sorted[j]) > 0; j--) {
                const char *t = sorted[j];
                sorted[j] = sorted[j - 1];
                sorted[j - 1] = t;
            }
        all[0] = '\0';
        for (size_t i = 0; i < fleet_narch; i++)
            n += (size_t)snprintf(all + n, n < sizeof all ? sizeof all - n : 0, "%s%s",
                                  i ? ", " : "", sorted[i]);
        snprintf(msg, cap, "Unknown archetype '%s'. Available: %s", as, all);
        return FLEET_CONFLICT;
    }
    size_t ndist = a ? fleet_count(a->distros) : fleet_ndistro;
    size_t di = fleet_distro(a ? a->distros[k % ndist] : fleet_distros[k % ndist].slug);
    json_t *svcs;
    if (services_of(name, o, &svcs, msg, cap))
        return FLEET_CONFLICT;
    unsigned long long h = fleet_hash(name, 0);
    if (!svcs && a) {
        svcs = json_array();
        for (size_t i = 0; i < fleet_count(a->services); i++)
            json_array_append_new(svcs, json_string(a->services[i]));
    } else if (!svcs) {
        svcs = fleet_draw(fleet_services, fleet_count(fleet_services), 1 + (size_t)(h % 3), h >> 3);
    }
    char ipbuf[INET_ADDRSTRLEN];
    const char *ip = opt(o, "ip", NULL);
    if (!ip) {
        while (*next_ip <= last_ip) {
            bool res = false;
            for (size_t i = 0; i < nres && !res; i++)
                res = reserved[i] == *next_ip;
            if (!res)
                break;
            (*next_ip)++;
        }
        if (*next_ip > last_ip) {
            json_decref(svcs);
            snprintf(msg, cap, "Not enough free IPs in %s while assigning IP for '%s'.", net,
                     name);
            return FLEET_CONFLICT;
        }
        struct in_addr in = {htonl((*next_ip)++)};
        ip = inet_ntop(AF_INET, &in, ipbuf, sizeof ipbuf);
    }
    char host[64];
    fleet_hostname(fleet_distros[di].style, name, host, sizeof host);
    const char *mi = opt(o, "mutate_interval", "mutate-interval");
    const char *nmap = opt(o, "nmap_os", "nmap-os");
    json_array_append_new(out, json_pack(
        "{s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:s?,s:{},s:s,s:o,s:f,s:f}", "name", name, "ip", ip,
        "services", svcs, "distro", fleet_distros[di].slug, "base_image", fleet_distros[di].image,
        "build_base", fleet_distros[di].build, "hostname", host, "archetype", a ? a->slug : NULL,
        "service_config", "nmap_os", nmap ? nmap : a ? a->nmap_os : "linux",
        "mutate_interval", mi ? json_integer(strtol(mi, NULL, 10)) : json_null(),
        "last_mutated", now, "last_login_attempt", 0.0));
    return FLEET_OK;
}

/* Is section sec a service sub-section ("decky.ssh")? Its decky part in base. */
static bool service_section(const char *sec, char *base, size_t cap)
{
    const char *dot = strrchr(sec, '.');
    if (!dot || !(fleet_known_service(dot + 1) || !strcmp(dot + 1, "sniffer")))
        return false;
    snprintf(base, cap, "%.*s", (int)(dot - sec), sec);
    return true;
}

fleet_status fleet_build(const json_t *ini, const json_t *taken, double now, json_t **out,
                         char *msg, size_t cap)
{
    const json_t *gen = json_object_get(ini, "general"), *secs = json_object_get(ini, "sections");
    const char *net = opt(gen, "net", NULL), *gw = opt(gen, "gw", NULL);
    net = net ? net : "10.0.1.0/24";
    gw = gw ? gw : "10.0.1.1";
    char addr[64];
    const char *slash = strchr(net, '/');
    snprintf(addr, sizeof addr, "%.*s", (int)(slash ? slash - net : (long)strlen(net)), net);
    long plen = slash ? strtol(slash + 1, NULL, 10) : 32;
    unsigned base, gwip, host = 0x0a000102u;   /* 10.0.1.2: refserver's simulated host */
    if (!fleet_parse_ip(addr, &base) || plen < 0 || plen > 30 || !fleet_parse_ip(gw, &gwip)) {
        snprintf(msg, cap, "'%s' does not appear to be an IPv4 network with gateway '%s'", net,
                 gw);
        return FLEET_CONFLICT;
    }
    unsigned mask = plen ? ~0u << (32 - plen) : 0;
    unsigned first = (base & mask) + 1, last = (base | ~mask) - 1;
    size_t nres = 0, cap_res = json_array_size(secs) + json_array_size(taken) + 4;
    unsigned *res = calloc(cap_res, sizeof *res);
    json_t *list = json_array();
    fleet_status st = res ? FLEET_OK : FLEET_CONFLICT;
    if (!res)
        snprintf(msg, cap, "out of memory");
    else {
        res[nres++] = gwip;
        res[nres++] = host;
    }
    size_t i;
    json_t *pair, *d;
    json_array_foreach(taken, i, d)
        if (res && fleet_parse_ip(json_string_value(json_object_get(d, "ip")), &res[nres]))
            nres++;
    /* explicit ip= first (reserved for every auto-allocated decky), then build */
    json_array_foreach(secs, i, pair) {
        const char *ip = opt(json_array_get(pair, 1), "ip", NULL);
        if (st || !ip || !strcmp(json_string_value(json_array_get(pair, 0)), "general"))
            continue;
        if (!fleet_parse_ip(ip, &res[nres])) {
            snprintf(msg, cap, "Expected 4 octets in '%s'", ip);
            st = FLEET_CONFLICT;
        } else {
            nres++;
        }
    }
    unsigned next = first;
    char basename[160];
    json_array_foreach(secs, i, pair) {
        const char *sec = json_string_value(json_array_get(pair, 0));
        const json_t *o = json_array_get(pair, 1);
        long amount = 1;
        if (st || !strcmp(sec, "general") || !strncmp(sec, "custom-", 7) ||
            service_section(sec, basename, sizeof basename))
            continue;
        st = spec_check(sec, o, &amount, msg, cap);
        for (long n = 1; n <= amount && !st; n++) {
            char name[160];
            snprintf(name, sizeof name, amount == 1 ? "%s" : "%s-%02ld", sec, n);
            st = decky(name, o, json_array_size(list), &next, last, res, nres, net, now, list,
                       msg, cap);
        }
    }
    /* per-service persona sub-sections: [decky.svc] (or every [decky-NN]) */
    json_array_foreach(secs, i, pair) {
        const char *sec = json_string_value(json_array_get(pair, 0));
        if (st || !service_section(sec, basename, sizeof basename))
            continue;
        const char *svc = strrchr(sec, '.') + 1;
        size_t j, blen = strlen(basename);
        json_array_foreach(list, j, d) {
            const char *nm = json_string_value(json_object_get(d, "name"));
            if (!strcmp(nm, basename) || (!strncmp(nm, basename, blen) && nm[blen] == '-'))
                json_object_set(json_object_get(d, "service_config"), svc,
                                json_array_get(pair, 1));
        }
    }
    free(res);
    if (st) {
        json_decref(list);
        return st;
    }
    *out = list;
    return FLEET_OK;
}

void fleet_mutate(json_t *d, double now, unsigned long long seed)
{
    const archetype *a = fleet_arch(json_string_value(json_object_get(d, "archetype")));
    const char *const *pool = a ? a->services : fleet_services;
    size_t n = fleet_count(pool);
    json_t *cur = json_object_get(d, "services"), *chosen = NULL;
    unsigned long long h = fleet_hash(json_string_value(json_object_get(d, "name")), seed);
    for (int attempt = 1; attempt <= 21; attempt++) {
        json_decref(chosen);
        size_t count = 1 + (size_t)(h % (n < 3 ? n : 3));
        chosen = fleet_draw(pool, n, count, h >> 2);
        h = h * 6364136223846793005ull + 1442695040888963407ull;
        bool same = json_array_size(chosen) == json_array_size(cur);
        size_t i;
        json_t *v;
        json_array_foreach(chosen, i, v) {   /* as sets: every chosen one is current */
            bool in = false;
            size_t j;
            json_t *c;
            json_array_foreach(cur, j, c)
                in = in || json_equal(v, c);
            same = same && in;
        }
        if (!same)
            break;
    }
    json_object_set_new(d, "services", chosen);
    json_object_set_new(d, "last_mutated", json_real(now));
}
