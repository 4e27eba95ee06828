/* fleet_priv.h — the catalogs and helpers shared by fleet.c and
 * fleet_build.c (api-internal). */
#ifndef RS_FLEET_PRIV_H
#define RS_FLEET_PRIV_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct archetype {
    const char *slug, *services[5], *distros[5], *nmap_os;
} archetype;

/* slug, image, build_base, hostname style (g generic, r rhel, m minimal, o rolling) */
typedef struct distro {
    const char *slug, *image, *build;
    char style;
} distro;

extern const archetype fleet_archetypes[];
extern const size_t fleet_narch;
extern const distro fleet_distros[];
extern const size_t fleet_ndistro;

/* FNV-style hash of s, varied by seed: the repeatable stand-in for random. */
unsigned long long fleet_hash(const char *s, unsigned long long seed);
/* The archetype of slug, NULL when unknown (or slug NULL). */
const archetype *fleet_arch(const char *slug);
/* The index of distro slug in fleet_distros (0 when unknown). */
size_t fleet_distro(const char *slug);
bool fleet_known_service(const char *s);
/* count distinct names drawn from pool[0..n) (n <= 32) by h. */
json_t *fleet_draw(const char *const *pool, size_t n, size_t count, unsigned long long h);
/* Entries of a NULL-terminated list (at most 32). */
size_t fleet_count(const char *const *list);
/* "['a', 'b']", as the seed's messages print a Python list. */
void fleet_pylist(const char *const *items, size_t n, char *out, size_t cap);
/* Dotted IPv4 to a host-order number; false when it is not one. */
bool fleet_parse_ip(const char *s, unsigned *out);
/* A hostname in the distro's style (the seed's random_hostname). */
void fleet_hostname(char style, const char *name, char *out, size_t cap);

#endif
