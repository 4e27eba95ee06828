/* dataset.c — deterministic synthetic data: `decnet-2026-04` (what the
 * profiles' byte counts reveal) and `default` (a small realistic deployment). */
#include "dataset.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "derive.h"
#include "event.h"
#include "dataset_priv.h"
#include "store.h"

/* splitmix64: tiny, seedable, identical on every platform. */
static unsigned long long rnd_next(unsigned long long *s)
{
    unsigned long long z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static long rnd_below(unsigned long long *s, long n)
{
    return n > 0 ? (long)(rnd_next(s) % (unsigned long long)n) : 0;
}

static void fmt_time(time_t t, char out[20])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* 2026-04-17 20:15:00 UTC and 22:00:00 UTC, the evening of the profiles. */
#define T_PROFILE 1776456900L

typedef struct svc_def {
    const char *service, *event_type, *field_key, *field_vals[4];
} svc_def;

static const svc_def decnet_svcs[] = {
    {"http", "request", "path", {"/admin/login.php", "/wp-login.php", "/.env", "/cgi-bin/luci"}},
    {"ftp", "login_attempt", "username", {"anonymous", "ftpuser", "admin", "backup"}},
    {"smb", "connection", "share", {"IPC$", "ADMIN$", "C$", "public"}},
    {"telnet", "login_attempt", "username", {"root", "admin", "support", "guest"}},
};

/* Tuned so one Log row serialises to ~485 bytes, as the profiles show. */
static const char *const ua = "Mozilla/5.0 zgrab/0.x";

long ds_rnd_below(unsigned long long *s, long n)
{
    return rnd_below(s, n);
}

int ds_put_log(rs_db *db, rs_event *e, lb_err *err)
{
    long long id;
    return event_store(db, e, &id, err);
}

/* One synthetic event: raw RFC 5424 line and the fields JSON it carries. */
static int make_event(rs_db *db, time_t ts, const char *decky, const char *svc,
                      const char *etype, const char *ip, int port, const char *fkey,
                      const char *fval, lb_err *err)
{
    char tsb[20], iso[32], raw[1024], fields[640];
    fmt_time(ts, tsb);
    snprintf(iso, sizeof iso, "%.10sT%sZ", tsb, tsb + 11);
    snprintf(fields, sizeof fields,
             "{\"src_ip\":\"%s\",\"src_port\":\"%d\",\"%s\":\"%s\",\"user_agent\":\"%s\"}",
             ip, port, fkey, fval, ua);
    snprintf(raw, sizeof raw,
             "<134>1 %s %s %s - %s [decnet@55555 src_ip=\"%s\" src_port=\"%d\" %s=\"%s\" "
             "user_agent=\"%s\"] %s",
             iso, decky, svc, etype, ip, port, fkey, fval, ua, etype);
    rs_event e = {
        .timestamp = tsb, .decky = (char *)decky, .service = (char *)svc,
        .event_type = (char *)etype, .attacker_ip = (char *)ip, .raw_line = raw,
        .fields = fields, .msg = (char *)"",
    };
    return ds_put_log(db, &e, err);
}

static int seed_decnet(rs_db *db, unsigned long long *rs, lb_err *err)
{
    static const char *const ips[] = {"203.0.113.7", "198.51.100.23", "192.0.2.44",
                                      "203.0.113.91", "198.51.100.150"};
    /* 78 rows over 45 minutes (3 histogram buckets); rows 10, 30, 50, 70
     * are the only ones that mention ssh. Attacker rows stay empty: the
     * profiler was not running in the profile runs, so events are inserted
     * directly and the attackers table is cleared afterwards. */
    for (int i = 0; i < 78; i++) {
        time_t ts = T_PROFILE + (time_t)i * 34 + rnd_below(rs, 20);
        const char *ip = ips[rnd_below(rs, 5)];
        int port = 30000 + (int)rnd_below(rs, 30000);
        char decky[32];
        snprintf(decky, sizeof decky, "decky-%02ld", 1 + rnd_below(rs, 3));
        int rc;
        if (i % 20 == 10) {
            rc = make_event(db, ts, decky, "ssh", "login_attempt", ip, port, "username",
                            "root", err);
        } else {
            const svc_def *s = &decnet_svcs[rnd_below(rs, 4)];
            rc = make_event(db, ts, decky, s->service, s->event_type, ip, port, s->field_key,
                            s->field_vals[rnd_below(rs, 4)], err);
        }
        if (rc)
            return -1;
    }
    return db_exec(db, "DELETE FROM attackers", err);
}

static const char *const all_svcs[] = {"ssh", "http", "ftp", "smb", "telnet", "mysql", "rdp"};
#define NSVCS 7
const char *const ds_users[6] = {"root", "admin", "ubuntu", "pi", "oracle", "test"};
const char *const ds_pws[6] = {"123456", "password", "admin", "raspberry", "toor", "qwerty"};

/* The default dataset is built in stages that draw from one random stream,
 * in this order: deckies, attacker IPs, logs (which create the attacker
 * rows), sniffer events, commands, scripted attackers, bounty (then profiles, no
 * draws). Reordering stages, or the
 * draws inside one, changes every byte after it: "same seed, same bytes".
 * So no expression makes two draws whose order C leaves open (function
 * arguments): they are drawn one statement each, in the order GCC used to
 * evaluate those arguments (last first), which keeps the bytes databases
 * seeded before had; a compiler that evaluates first-to-last no longer
 * seeds a different dataset. */

/* Each decky's service set, and the "deckies" state row /deckies serves. */
static int seed_deckies(seed_run *s)
{
    unsigned long long *rs = s->rs;
    json_t *deckies = json_array();
    for (long d = 0; d < s->cfg->ds_deckies; d++) {
        json_t *svcs = json_array();
        s->dsvc[d] = 1u << (d % NSVCS);
        for (int k = 0; k < NSVCS; k++)
            if (rnd_below(rs, 3) == 0)
                s->dsvc[d] |= 1u << k;
        for (int k = 0; k < NSVCS; k++)
            if (s->dsvc[d] & (1u << k))
                json_array_append_new(svcs, json_string(all_svcs[k]));
        char name[32], ip[32], host[32];
        snprintf(name, sizeof name, "decky-%02ld", d + 1);
        snprintf(ip, sizeof ip, "10.0.1.%ld", 10 + d);
        snprintf(host, sizeof host, "srv-%04lx", (long)rnd_below(rs, 65536));
        json_array_append_new(deckies, json_pack(
            "{s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:{},s:s,s:i,s:f,s:f}",
            "name", name, "ip", ip, "services", svcs, "distro", "debian",
            "base_image", "debian:bookworm-slim", "build_base", "debian:bookworm-slim",
            "hostname", host, "archetype", d % 2 ? "windows-workstation" : "linux-server",
            "service_config", "nmap_os", d % 2 ? "windows" : "linux", "mutate_interval", 30,
            "last_mutated", (double)(T_DEFAULT_END - 3600 * (d + 1)),
            "last_login_attempt", (double)(T_DEFAULT_END - 60 * (d + 1))));
    }
    char *dj = json_dumps(deckies, JSON_COMPACT);
    json_decref(deckies);
    int rc = dj ? store_state_put(s->db, "deckies", dj, s->err)
                : lb_err_set(s->err, "out of memory");
    free(dj);
    return rc;
}

static void pick_attacker_ips(seed_run *s)
{
    unsigned long long *rs = s->rs;
    for (long a = 0; a < s->cfg->ds_attackers; a++) {
        long o4 = 1 + rnd_below(rs, 254);
        long o3 = rnd_below(rs, 256);
        long o2 = rnd_below(rs, 256);
        long o1 = 1 + rnd_below(rs, 223);
        snprintf(s->ips[a], sizeof s->ips[a], "%ld.%ld.%ld.%ld", o1, o2, o3, o4);
    }
}

/* Log rows evenly over the 24 h before T_DEFAULT_END, each on a service its
 * decky runs; event_store also creates and updates the attacker rows. */
static int seed_logs(seed_run *s)
{
    unsigned long long *rs = s->rs;
    const rs_config *cfg = s->cfg;
    int rc = 0;
    for (long i = 0; i < cfg->ds_logs && !rc; i++) {
        /* skewed: a few attackers produce most events, as in real honeypots */
        long r = rnd_below(rs, cfg->ds_attackers);
        long a = rnd_below(rs, 4) ? r % (cfg->ds_attackers / 10 + 1) : r;
        long d = rnd_below(rs, s->nd);
        int k;
        do
            k = (int)rnd_below(rs, NSVCS);
        while (!(s->dsvc[d] & (1u << k)));
        char decky[32];
        snprintf(decky, sizeof decky, "decky-%02ld", d + 1);
        time_t ts = T_DEFAULT_END - 86400 + (time_t)((86400.0 * (double)i) /
                                                     (double)cfg->ds_logs);
        const char *user = ds_users[rnd_below(rs, 6)];
        int port = 1024 + (int)rnd_below(rs, 60000);
        rc = make_event(s->db, ts, decky, all_svcs[k], k == 0 || k == 4 ? "login_attempt"
                        : k == 1 ? "request" : "connection", s->ips[a], port, "username", user,
                        s->err);
        if (s->progress && (i + 1) % 100000 == 0)
            fprintf(stderr, "refserver: seeding: %ld of %ld log rows\n", i + 1, cfg->ds_logs);
    }
    return rc;
}

/* Commands for SSH attackers (no draws), in the profiler's shape: two on
 * their first decky at their last_seen. */
static int seed_commands(rs_db *db, lb_err *err)
{
    rs_stmt *sel = db_stmt(db, "SELECT uuid, json_unquote(json_extract(deckies, '$[0]')), "
                               "last_seen FROM attackers WHERE services LIKE '%\"ssh\"%' "
                               "ORDER BY uuid", err);
    if (!sel)
        return -1;
    int rc = 0, s = RS_STEP_DONE;
    while (!rc && (s = db_step(sel)) == RS_STEP_ROW) {
        char ts[24];
        snprintf(ts, sizeof ts, "%s", db_col_text(sel, 2) ? db_col_text(sel, 2) : "");
        if (ts[10] == ' ')
            ts[10] = 'T';
        const char *decky = db_col_text(sel, 1);
        json_t *cmds = json_pack("[{s:s,s:s?,s:s,s:s},{s:s,s:s?,s:s,s:s}]",
                                 "service", "ssh", "decky", decky, "command", "uname -a",
                                 "timestamp", ts, "service", "ssh", "decky", decky, "command",
                                 "cat /etc/passwd", "timestamp", ts);
        char *text = cmds ? json_dumps(cmds, JSON_COMPACT) : NULL;
        json_decref(cmds);
        rs_stmt *up = text ? db_stmt(db, "UPDATE attackers SET commands = ? WHERE uuid = ?", err)
                           : NULL;
        if (!up) {
            rc = text ? -1 : lb_err_set(err, "out of memory");
        } else {
            db_bind_text(up, 1, text);
            db_bind_text(up, 2, db_col_text(sel, 0));
            rc = db_step(up) == RS_STEP_DONE ? 0 : db_fail(db, err);
            db_reset(up);
        }
        free(text);
    }
    if (!rc && s != RS_STEP_DONE)
        rc = db_fail(db, err);
    db_reset(sel);
    return rc;
}

/* Bounty rows, ¾ credentials and the rest HTTP User-Agent fingerprints in
 * the payload DECNET's ingester writes ({fingerprint_type, value, method,
 * path}), captured on http; credentials come from telnet, a login service
 * the logs show. The attackers' counts follow in profile_all. */
static int seed_bounty(seed_run *s)
{
    unsigned long long *rs = s->rs;
    int rc = 0;
    for (long b = 0; b < s->cfg->ds_bounty && !rc; b++) {
        long a = rnd_below(rs, s->cfg->ds_attackers);
        long d = rnd_below(rs, s->nd);
        char ts[20], decky[32], payload[160];
        fmt_time(T_DEFAULT_END - 86400 + (time_t)rnd_below(rs, 86400), ts);
        snprintf(decky, sizeof decky, "decky-%02ld", d + 1);
        bool cred = rnd_below(rs, 4) != 0;
        if (cred) {
            const char *pw = ds_pws[rnd_below(rs, 6)];
            const char *user = ds_users[rnd_below(rs, 6)];
            snprintf(payload, sizeof payload, "{\"username\":\"%s\",\"password\":\"%s\"}",
                     user, pw);
        } else {
            static const char *const uas[] = {"Mozilla/5.0 zgrab/0.x", "curl/7.88.1",
                                              "python-requests/2.31.0", "Nuclei"};
            snprintf(payload, sizeof payload, "{\"fingerprint_type\":\"http_useragent\","
                     "\"value\":\"%s\",\"method\":\"GET\",\"path\":\"/\"}",
                     uas[rnd_below(rs, 4)]);
        }
        rs_stmt *st = db_stmt(s->db, "INSERT INTO bounty (timestamp, decky, service, "
                                   "attacker_ip, bounty_type, payload) VALUES (?,?,?,?,?,?)",
                                   s->err);
        if (!st)
            return -1;
        db_bind_text(st, 1, ts);
        db_bind_text(st, 2, decky);
        db_bind_text(st, 3, cred ? "telnet" : "http");
        db_bind_text(st, 4, s->ips[a]);
        db_bind_text(st, 5, cred ? "credential" : "fingerprint");
        db_bind_text(st, 6, payload);
        if (db_step(st) != RS_STEP_DONE)
            rc = db_fail(s->db, s->err);
        db_reset(st);
    }
    return rc;
}

static int seed_default(rs_db *db, const rs_config *cfg, unsigned long long *rs, bool progress,
                        lb_err *err)
{
    seed_run s = {.db = db, .cfg = cfg, .rs = rs, .progress = progress, .err = err,
                  .nd = cfg->ds_deckies > 0 ? cfg->ds_deckies : 1};
    s.dsvc = calloc((size_t)s.nd, sizeof *s.dsvc);
    s.ips = calloc((size_t)cfg->ds_attackers, sizeof *s.ips);
    int rc = !s.dsvc || !s.ips ? lb_err_set(err, "out of memory") : seed_deckies(&s);
    if (!rc && cfg->ds_deckies == 0)
        s.dsvc[0] = 1u;   /* no deckies: the logs' decky-01 runs ssh, so a service is found */
    if (!rc) {
        pick_attacker_ips(&s);
        rc = seed_logs(&s);
    }
    rc = rc ? rc : ds_seed_sniffer(&s);
    rc = rc ? rc : seed_commands(db, err);   /* before the scripted shells add their own */
    rc = rc ? rc : ds_seed_scripted(&s);
    rc = rc ? rc : seed_bounty(&s);
    rc = rc ? rc : profile_all_attackers(db, err);
    free(s.dsvc);
    free(s.ips);
    return rc;
}

int dataset_seed(rs_db *db, const rs_config *cfg, bool progress, lb_err *err)
{
    unsigned long long rs = cfg->seed;
    if (db_begin(db, err))
        return -1;
    int rc = store_state_put(db, "config_limits", "{\"deployment_limit\":10}", err);
    rc = rc ? rc : store_state_put(db, "config_globals", "{\"global_mutation_interval\":\"30m\"}",
                                   err);
    if (!rc)
        rc = !strcmp(cfg->dataset, "decnet-2026-04") ? seed_decnet(db, &rs, err)
                                                     : seed_default(db, cfg, &rs, progress, err);
    if (rc) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, err);
}

void dataset_admin_uuid(unsigned long long seed, char out[37])
{
    unsigned long long s = seed ^ 0xA5A5A5A5ull;
    unsigned long long a = rnd_next(&s), b = rnd_next(&s);
    snprintf(out, 37, "%08llx-%04llx-4%03llx-8%03llx-%012llx", a >> 32, (a >> 16) & 0xffff,
             a & 0xfff, b >> 52 & 0xfff, b & 0xffffffffffffull);
}

rs_db *dataset_open(const rs_config *cfg, bool progress, lb_err *err)
{
    rs_db *db = db_open(cfg->db_path, cfg->db_mode, err);
    if (!db)
        return NULL;
    bool empty = false;
    int rc = store_schema(db, err);
    rc = rc ? rc : store_is_empty(db, &empty, err);
    if (!rc && empty) {
        char shown[600];
        db_target_redacted(cfg->db_path, shown, sizeof shown);
        if (progress)
            fprintf(stderr, "refserver: empty database %s: seeding dataset '%s'\n", shown,
                    cfg->dataset);
        rc = dataset_seed(db, cfg, progress, err);
    }
    if (rc) {
        db_close(db);
        return NULL;
    }
    return db;
}
