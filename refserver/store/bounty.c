/* bounty.c — the bounties DECNET's ingester derives from one event
 * (decnet/web/ingester.py _extract_bounty at edc5c59f): credentials and the
 * fingerprint kinds, stored once per (type, attacker_ip, payload). */
#include "derive.h"
#include "event.h"
#include <stdlib.h>
#include <string.h>

bool derive_truthy(const json_t *v)
{
    if (!v)
        return false;
    switch (json_typeof(v)) {
    case JSON_STRING: return json_string_length(v) > 0;
    case JSON_INTEGER: return json_integer_value(v) != 0;
    case JSON_REAL: return json_real_value(v) != 0.0;
    case JSON_TRUE: return true;
    case JSON_OBJECT: return json_object_size(v) > 0;
    case JSON_ARRAY: return json_array_size(v) > 0;
    default: return false;   /* null, false, absent */
    }
}

/* fields[key] (a new reference, JSON null when absent), as Python's .get(). */
static json_t *get(const json_t *fields, const char *key)
{
    json_t *v = json_object_get(fields, key);
    return v ? json_incref(v) : json_null();
}

/* `fields.get(key) or None`: falsy values become null. */
static json_t *get_or_null(const json_t *fields, const char *key)
{
    json_t *v = json_object_get(fields, key);
    return derive_truthy(v) ? json_incref(v) : json_null();
}

/* The request headers as an object: fields.headers is a dict or its JSON text. */
static json_t *headers_of(const json_t *fields)
{
    json_t *h = json_object_get(fields, "headers");
    if (json_is_object(h))
        return json_incref(h);
    if (json_is_string(h)) {
        json_t *p = json_loads(json_string_value(h), 0, NULL);
        if (json_is_object(p))
            return p;
        json_decref(p);
    }
    return json_object();
}

/* Store one bounty unless the same (type, ip, payload) exists. payload is taken. */
static int add(rs_db *db, const rs_event *e, const char *service, const char *ip,
               const char *type, json_t *payload, lb_err *err)
{
    /* compact, insertion order: the text the seed's orjson.dumps compares */
    char *text = json_dumps(payload, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(payload);
    if (!text)
        return lb_err_set(err, "out of memory");
    rs_stmt *st = db_stmt(db, "SELECT 1 FROM bounty WHERE bounty_type = ?1 AND "
                               "attacker_ip = ?2 AND payload = ?3 LIMIT 1", err);
    int rc = -1;
    if (!st)
        goto out;
    db_bind_text(st, 1, type);
    db_bind_text(st, 2, ip);
    db_bind_text(st, 3, text);
    int s = db_step(st);
    db_reset(st);
    if (s == RS_STEP_ROW) {
        rc = 0;
        goto out;
    }
    if (s != RS_STEP_DONE) {
        rc = db_fail(db, err);
        goto out;
    }
    st = db_stmt(db, "INSERT INTO bounty (timestamp, decky, service, attacker_ip, bounty_type, "
                 "payload) VALUES (?, ?, ?, ?, ?, ?)", err);
    if (!st)
        goto out;
    db_bind_text(st, 1, e->timestamp);
    db_bind_text(st, 2, e->decky);
    db_bind_text(st, 3, service);
    db_bind_text(st, 4, ip);
    db_bind_text(st, 5, type);
    db_bind_text(st, 6, text);
    s = db_step(st);
    db_reset(st);
    rc = s == RS_STEP_DONE ? 0 : db_fail(db, err);
out:
    free(text);
    return rc;
}

/* An active-prober bounty names its target, not the event's source. */
static const char *target_ip(const json_t *fields)
{
    json_t *t = json_object_get(fields, "target_ip");
    /* past 255 it is no address, and no VARCHAR(255) column takes it */
    return json_is_string(t) && json_string_length(t) <= 255 ? json_string_value(t) : "Unknown";
}

/* A fingerprint payload: {"fingerprint_type": type, then key/value pairs of
 * fields (keys listed, each .get()), ...}. */
static json_t *fp(const char *type, const json_t *fields, const char *const *keys)
{
    json_t *p = json_pack("{s:s}", "fingerprint_type", type);
    for (; *keys; keys++) {
        const char *k = *keys;
        bool or_none = k[0] == '?';   /* "?sni": the seed's `x or None` */
        if (or_none)
            k++;
        const char *out = strchr(k, '=');   /* "out=src": renamed */
        char name[40];
        const char *src = k;
        if (out) {
            snprintf(name, sizeof name, "%.*s", (int)(out - k), k);
            src = out + 1;
            k = name;
        }
        json_object_set_new(p, k, or_none ? get_or_null(fields, src) : get(fields, src));
    }
    return p;
}

int derive_bounties(rs_db *db, const rs_event *e, const json_t *fields, lb_err *err)
{
    if (!json_is_object(fields))
        return 0;
    const char *ip = e->attacker_ip, *svc = e->service;
    bool sniffer = !strcmp(svc, "sniffer"), prober = !strcmp(svc, "prober");
    json_t *user = json_object_get(fields, "username");
    json_t *pass = json_object_get(fields, "password");
    if (derive_truthy(user) && derive_truthy(pass) &&
        add(db, e, svc, ip, "credential", json_pack("{s:O,s:O}", "username", user,
                                                     "password", pass), err))
        return -1;
    json_t *h = headers_of(fields);
    json_t *ua = json_object_get(h, "User-Agent");
    if (!derive_truthy(ua))
        ua = json_object_get(h, "user-agent");
    int rc = 0;
    if (derive_truthy(ua)) {
        json_t *p = json_pack("{s:s,s:O}", "fingerprint_type", "http_useragent", "value", ua);
        json_object_set_new(p, "method", get(fields, "method"));
        json_object_set_new(p, "path", get(fields, "path"));
        rc = add(db, e, svc, ip, "fingerprint", p, err);
    }
    json_decref(h);
    if (rc)
        return -1;
    json_t *vnc = json_object_get(fields, "client_version");
    if (derive_truthy(vnc) && !strcmp(e->event_type, "version") &&
        add(db, e, svc, ip, "fingerprint", json_pack("{s:s,s:O}", "fingerprint_type",
            "vnc_client_version", "value", vnc), err))
        return -1;
    static const char *const ja3[] = {"ja3", "ja3s", "ja4", "ja4s", "tls_version", "?sni",
                                      "?alpn", "dst_port", "raw_ciphers", "raw_extensions", NULL};
    static const char *const ja4l[] = {"rtt_ms=ja4l_rtt_ms", "client_ttl=ja4l_client_ttl", NULL};
    static const char *const resum[] = {"mechanisms=resumption", NULL};
    static const char *const cert[] = {"subject_cn", "issuer", "self_signed", "not_before",
                                       "not_after", "sans", "?sni", NULL};
    static const char *const jarm[] = {"hash=jarm_hash", "target_ip", "target_port", NULL};
    static const char *const hassh[] = {"hash=hassh_server_hash", "target_ip", "target_port",
                                        "ssh_banner", "kex_algorithms", "encryption_s2c",
                                        "mac_s2c", "compression_s2c", NULL};
    static const char *const tcpfp[] = {"hash=tcpfp_hash", "raw=tcpfp_raw", "target_ip",
                                        "target_port", "ttl", "window_size", "df_bit", "mss",
                                        "window_scale", "sack_ok", "timestamp", "options_order",
                                        NULL};
    static const struct { const char *trigger, *type; bool prober; const char *const *keys; }
    kinds[] = {
        {"ja3", "ja3", false, ja3}, {"ja4l_rtt_ms", "ja4l", false, ja4l},
        {"resumption", "tls_resumption", false, resum},
        {"subject_cn", "tls_certificate", false, cert},
        {"jarm_hash", "jarm", true, jarm}, {"hassh_server_hash", "hassh_server", true, hassh},
        {"tcpfp_hash", "tcpfp", true, tcpfp},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (!derive_truthy(json_object_get(fields, kinds[i].trigger)) ||
            !(kinds[i].prober ? prober : sniffer))
            continue;
        if (add(db, e, kinds[i].prober ? "prober" : "sniffer",
                kinds[i].prober ? target_ip(fields) : ip, "fingerprint",
                fp(kinds[i].type, fields, kinds[i].keys), err))
            return -1;
    }
    return 0;
}
