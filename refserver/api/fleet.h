/* fleet.h — a simulated DECNET fleet: the deploy INI (decnet/ini_loader.py,
 * decnet/models.py validate_ini_string), the decky records it builds
 * (decnet/fleet.py build_deckies_from_ini) and a mutation's service
 * shuffle (decnet/mutator/engine.py), all on JSON values; no containers.
 *
 * The INI reader is hand-written: the seed's format is Python
 * configparser's (case-folded keys, "=" or ":", "#"/";" comment lines,
 * indented continuation lines, repeated sections merged), which the
 * packaged INI libraries do not parse alike. */
#ifndef RS_FLEET_H
#define RS_FLEET_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* How an INI failed, which the seed's validation handler maps to answers. */
typedef enum {
    FLEET_OK = 0,
    FLEET_EMPTY,         /* blank: 409 "Configuration conflict: INI content is empty." */
    FLEET_SYNTAX,        /* unparsable / no section header: 409 "... INI syntax ..." */
    FLEET_NO_SECTIONS,   /* only comments: 409 "Invalid INI config structure: ..." */
    FLEET_CONFLICT       /* a semantic error: 409 with msg as detail */
} fleet_status;

/* Parse INI text into {"general": {..}, "sections": [[name, {k: v}], ...]}
 * (sections in first-appearance order, keys lower-cased). */
fleet_status fleet_ini_parse(const char *text, json_t **out, char *msg, size_t cap);

/* Build the deckies an INI describes (the seed's load_ini_from_string +
 * build_deckies_from_ini): DeckyConfig objects with IPs allocated from the
 * INI's [general] net/gw (default 10.0.1.0/24 via 10.0.1.1, refserver's
 * simulated host 10.0.1.2), skipping IPs in `taken` (an array of the
 * current deckies). now: last_mutated. FLEET_OK with *out a new array, or
 * FLEET_CONFLICT with msg. */
fleet_status fleet_build(const json_t *ini, const json_t *taken, double now, json_t **out,
                         char *msg, size_t cap);

/* Give decky (a DeckyConfig object) a new service set drawn from its
 * archetype's services (else every service), different from the current
 * one when it can be, and last_mutated = now. seed varies the draw. */
void fleet_mutate(json_t *decky, double now, unsigned long long seed);

/* The sorted per-decky service names (the seed's all_service_names). */
extern const char *const fleet_services[];

#endif
