/* cache.c — the seed's TTL caches (see cache.h). */
#include "cache.h"
#include <string.h>

void ttl_init(rs_ttl *t, double ttl, bool enabled)
{
    memset(t, 0, sizeof *t);
    t->ttl = ttl;
    t->enabled = enabled;
}

bool ttl_fresh(rs_ttl *t, double now)
{
    if (t->enabled && t->valid && now - t->stamp < t->ttl) {
        t->hits++;
        return true;
    }
    t->misses++;
    return false;
}

int ttl_put_body(rs_ttl *t, double now, const char *body, size_t len)
{
    if (!t->enabled)
        return 0;
    lb_buf_clear(&t->body);
    if (lb_buf_append(&t->body, body, len)) {
        t->valid = false;
        return -1;
    }
    t->stamp = now;
    t->valid = true;
    return 0;
}

void ttl_put_number(rs_ttl *t, double now, long long v)
{
    if (!t->enabled)
        return;
    t->number = v;
    t->stamp = now;
    t->valid = true;
}

void ttl_invalidate(rs_ttl *t)
{
    t->valid = false;
}

void ttl_free(rs_ttl *t)
{
    lb_buf_free(&t->body);
    t->valid = false;
}
