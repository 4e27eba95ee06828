/* authcache.c — the user and token caches of the auth path (see authcache.h). */
#include "authcache.h"
#include <string.h>

void usercache_init(rs_usercache *c, double ttl, bool enabled)
{
    memset(c, 0, sizeof *c);
    c->ttl = ttl;
    c->enabled = enabled;
}

bool usercache_get(rs_usercache *c, const char *key, double now, rs_user *out)
{
    if (!c->enabled)
        return false;
    for (unsigned i = 0; i < RS_USERCACHE_SLOTS; i++) {
        if (c->slot[i].used && !strcmp(c->slot[i].key, key)) {
            if (now - c->slot[i].stamp >= c->ttl) {
                c->slot[i].used = false;
                return false;
            }
            *out = c->slot[i].user;
            return true;
        }
    }
    return false;
}

void usercache_put(rs_usercache *c, const char *key, const rs_user *u, double now)
{
    if (!c->enabled || strlen(key) >= sizeof c->slot[0].key)
        return;
    unsigned idx = RS_USERCACHE_SLOTS;
    for (unsigned i = 0; i < RS_USERCACHE_SLOTS; i++) {
        if (c->slot[i].used && !strcmp(c->slot[i].key, key)) {
            idx = i;
            break;
        }
        if (!c->slot[i].used && idx == RS_USERCACHE_SLOTS)
            idx = i;
    }
    if (idx == RS_USERCACHE_SLOTS)
        idx = c->next++ % RS_USERCACHE_SLOTS;
    c->slot[idx].user = *u;
    strcpy(c->slot[idx].key, key);
    c->slot[idx].stamp = now;
    c->slot[idx].used = true;
}

void usercache_clear(rs_usercache *c)
{
    for (unsigned i = 0; i < RS_USERCACHE_SLOTS; i++)
        c->slot[i].used = false;
}

static unsigned token_slot(const char *t)
{
    unsigned h = 2166136261u;
    for (; *t; t++)
        h = (h ^ (unsigned char)*t) * 16777619u;
    return h % RS_TOKEN_SLOTS;
}

bool tokencache_get(const rs_tokencache *c, const char *token, char *uuid, size_t cap,
                    long *exp)
{
    unsigned h = token_slot(token);
    if (!c->slot[h].used || strcmp(c->slot[h].token, token) ||
        strlen(c->slot[h].uuid) >= cap)
        return false;
    strcpy(uuid, c->slot[h].uuid);
    *exp = c->slot[h].exp;
    return true;
}

void tokencache_put(rs_tokencache *c, const char *token, const char *uuid, long exp)
{
    size_t n = strlen(token);
    unsigned h = token_slot(token);
    if (n >= RS_TOKEN_MAX || strlen(uuid) >= sizeof c->slot[h].uuid)
        return;
    memcpy(c->slot[h].token, token, n + 1);
    strcpy(c->slot[h].uuid, uuid);
    c->slot[h].exp = exp;
    c->slot[h].used = true;
}
