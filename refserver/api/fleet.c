/* fleet.c — the seed's catalogs (decnet/archetypes.py, distros.py, the
 * service registry) and the small helpers fleet_build.c draws on (see
 * fleet_priv.h). The seed's random draws are replaced by draws from a hash
 * of the decky name, so a deploy is repeatable. */
#include "fleet.h"
#include "fleet_priv.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const fleet_services[] = {
    "conpot", "docker_api", "elasticsearch", "ftp", "http", "https", "imap", "k8s", "ldap",
    "llmnr", "mongodb", "mqtt", "mssql", "mysql", "pop3", "postgres", "rdp", "redis", "sip",
    "smb", "smtp", "smtp_relay", "snmp", "ssh", "telnet", "tftp", "vnc", NULL};

const archetype fleet_archetypes[] = {
    {"windows-workstation", {"smb", "rdp"}, {"debian", "ubuntu22"}, "windows"},
    {"windows-server", {"smb", "rdp", "ldap"}, {"debian", "ubuntu22"}, "windows"},
    {"domain-controller", {"ldap", "smb", "rdp", "llmnr"}, {"debian", "ubuntu22"}, "windows"},
    {"linux-server", {"ssh", "http"}, {"debian", "ubuntu22", "rocky9", "fedora"}, "linux"},
    {"web-server", {"http", "ftp"}, {"debian", "ubuntu22", "ubuntu20"}, "linux"},
    {"database-server", {"mysql", "postgres", "redis"}, {"debian", "ubuntu22"}, "linux"},
    {"mail-server", {"smtp", "pop3", "imap"}, {"debian", "ubuntu22"}, "linux"},
    {"file-server", {"smb", "ftp", "ssh"}, {"debian", "ubuntu22", "rocky9"}, "linux"},
    {"printer", {"snmp", "ftp"}, {"alpine", "debian"}, "embedded"},
    {"iot-device", {"mqtt", "snmp", "telnet"}, {"alpine"}, "embedded"},
    {"industrial-control", {"conpot", "snmp"}, {"debian"}, "embedded"},
    {"voip-server", {"sip"}, {"debian", "ubuntu22"}, "linux"},
    {"monitoring-node", {"snmp", "ssh"}, {"debian", "rocky9"}, "linux"},
    {"devops-host", {"docker_api", "ssh", "k8s"}, {"ubuntu22", "debian"}, "linux"},
    {"deaddeck", {"ssh"}, {"debian", "ubuntu22"}, "linux"},
};
const size_t fleet_narch = sizeof fleet_archetypes / sizeof fleet_archetypes[0];

const distro fleet_distros[] = {
    {"debian", "debian:bookworm-slim", "debian:bookworm-slim", 'g'},
    {"ubuntu22", "ubuntu:22.04", "ubuntu:22.04", 'g'},
    {"ubuntu20", "ubuntu:20.04", "ubuntu:20.04", 'g'},
    {"rocky9", "rockylinux:9-minimal", "debian:bookworm-slim", 'r'},
    {"centos7", "centos:7", "debian:bookworm-slim", 'r'},
    {"alpine", "alpine:3.19", "debian:bookworm-slim", 'm'},
    {"fedora", "fedora:39", "debian:bookworm-slim", 'r'},
    {"kali", "kalilinux/kali-rolling", "kalilinux/kali-rolling", 'o'},
    {"arch", "archlinux:latest", "debian:bookworm-slim", 'o'},
};
const size_t fleet_ndistro = sizeof fleet_distros / sizeof fleet_distros[0];

static const char *const words[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
    "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "nova", "oscar", "prod", "web",
    "db", "mail", "proxy", "dev", "stage", "backup", "monitor", "files"};

unsigned long long fleet_hash(const char *s, unsigned long long seed)
{
    unsigned long long h = 1469598103934665603ull ^ seed;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ^ (h >> 29);
}

const archetype *fleet_arch(const char *slug)
{
    for (size_t i = 0; slug && i < fleet_narch; i++)
        if (!strcmp(fleet_archetypes[i].slug, slug))
            return &fleet_archetypes[i];
    return NULL;
}

size_t fleet_distro(const char *slug)
{
    for (size_t i = 0; i < fleet_ndistro; i++)
        if (!strcmp(fleet_distros[i].slug, slug))
            return i;
    return 0;
}

bool fleet_known_service(const char *s)
{
    for (const char *const *p = fleet_services; *p; p++)
        if (!strcmp(*p, s))
            return true;
    return false;
}

/* `count` distinct names drawn from pool[0..n) by h (a partial shuffle). */
json_t *fleet_draw(const char *const *pool, size_t n, size_t count, unsigned long long h)
{
    const char *tmp[32];
    for (size_t i = 0; i < n; i++)
        tmp[i] = pool[i];
    json_t *out = json_array();
    for (size_t i = 0; i < count && i < n; i++) {
        size_t j = i + (size_t)(h % (n - i));
        h = h * 6364136223846793005ull + 1442695040888963407ull;
        const char *t = tmp[i];
        tmp[i] = tmp[j];
        tmp[j] = t;
        json_array_append_new(out, json_string(tmp[i]));
    }
    return out;
}

size_t fleet_count(const char *const *list)
{
    size_t n = 0;
    while (n < 32 && list[n])
        n++;
    return n;
}

/* "['a', 'b']": a Python list of strings, as the seed's messages print them. */
void fleet_pylist(const char *const *items, size_t n, char *out, size_t cap)
{
    size_t k = (size_t)snprintf(out, cap, "[");
    for (size_t i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(out + k, cap - k, "%s'%s'", i ? ", " : "", items[i]);
    if (k < cap)
        snprintf(out + k, cap - k, "]");
}

bool fleet_parse_ip(const char *s, unsigned *out)
{
    struct in_addr a;
    if (!s || inet_pton(AF_INET, s, &a) != 1)
        return false;
    *out = ntohl(a.s_addr);
    return true;
}

void fleet_hostname(char style, const char *name, char *out, size_t cap)
{
    unsigned long long h = fleet_hash(name, 7);
    const char *w = words[h % 25];
    int num = 10 + (int)((h >> 8) % 90);
    char up[16];
    size_t i = 0;
    for (; w[i] && i < sizeof up - 1; i++)
        up[i] = (char)toupper((unsigned char)w[i]);
    up[i] = '\0';
    if (style == 'r')
        snprintf(out, cap, "%s%d.localdomain", w, num);
    else if (style == 'm')
        snprintf(out, cap, "%s-%d", w, num);
    else if (style == 'o')
        snprintf(out, cap, "%s-%s", w, words[(h >> 16) % 25]);
    else
        snprintf(out, cap, "SRV-%s-%d", up, num);
}
