/* worker_decode.c — decode what a Locust 2.12.1 master sends
 * (locust-format.md §6.3), with msgpack-c, checking every field: the master
 * is a peer on the network, not trusted memory. */
#include <stdlib.h>
#include <string.h>
#include "worker_msg.h"

#define WMSG_MAX_DEPTH 16

/* ---- the guard in front of msgpack-c's unpacker ------------------------ */

static size_t be_len(const uint8_t *p, int n)
{
    size_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* msgpack-c's C unpacker allocates a container's element array from the
 * count in its header before reading any element: five bytes claiming 2^32
 * elements ask for 96 GB (its C++ API has unpack limits, the C API has
 * none). So, before unpacking, this walk checks that every container claims
 * no more elements than bytes remain (each element takes one byte at
 * least), that nesting stays shallow and that the value fills the message.
 * It reads headers and lengths only; msgpack-c does the decoding. */
static bool sizes_sane(const uint8_t *p, size_t len)
{
    size_t left[WMSG_MAX_DEPTH + 1], i = 0;
    int depth = 0;
    left[0] = 1;
    while (depth >= 0) {
        if (left[depth] == 0) {
            depth--;
            continue;
        }
        left[depth]--;
        if (i >= len)
            return false;
        uint8_t c = p[i++];
        size_t skip = 0, items = 0, hdr = 0;
        bool container = false;
        if (c <= 0x7f || c >= 0xe0 || c == 0xc0 || c == 0xc2 || c == 0xc3) {
            skip = 0;
        } else if (c <= 0x8f || (c >= 0x90 && c <= 0x9f)) {
            container = true;
            items = (size_t)(c & 0x0f) * (c <= 0x8f ? 2 : 1);
        } else if (c >= 0xa0 && c <= 0xbf) {
            skip = c & 0x1f;
        } else if (c >= 0xc4 && c <= 0xc6) {        /* bin 8/16/32 */
            hdr = (size_t)1 << (c - 0xc4);
        } else if (c >= 0xd9 && c <= 0xdb) {        /* str 8/16/32 */
            hdr = (size_t)1 << (c - 0xd9);
        } else if (c >= 0xc7 && c <= 0xc9) {        /* ext 8/16/32: length, type, data */
            hdr = (size_t)1 << (c - 0xc7);
            skip = 1;
        } else if (c == 0xca || c == 0xcb) {
            skip = c == 0xca ? 4 : 8;
        } else if (c >= 0xcc && c <= 0xd3) {        /* uint/int 8..64 */
            skip = (size_t)1 << ((c - 0xcc) & 3);
        } else if (c >= 0xd4 && c <= 0xd8) {        /* fixext 1..16 */
            skip = 1 + ((size_t)1 << (c - 0xd4));
        } else if (c >= 0xdc && c <= 0xdf) {        /* array/map 16/32 */
            container = true;
            int n = (c & 1) ? 4 : 2;
            if (len - i < (size_t)n)
                return false;
            items = be_len(p + i, n) * (c >= 0xde ? 2 : 1);
            i += (size_t)n;
        } else {
            return false;                           /* 0xc1: never used */
        }
        if (hdr) {
            if (len - i < hdr)
                return false;
            skip += be_len(p + i, (int)hdr);
            i += hdr;
        }
        if (container) {
            if (items > len - i || depth == WMSG_MAX_DEPTH)
                return false;
            left[++depth] = items;
        } else {
            if (skip > len - i)
                return false;
            i += skip;
        }
    }
    return i == len;
}

/* ---- decoding ----------------------------------------------------------- */

static bool is_str(const msgpack_object *o)
{
    return o->type == MSGPACK_OBJECT_STR;
}

static bool key_is(const msgpack_object *k, const char *s)
{
    size_t n = strlen(s);
    return is_str(k) && k->via.str.size == n && memcmp(k->via.str.ptr, s, n) == 0;
}

/* A NUL-terminated copy of a msgpack str without NUL bytes inside; NULL if
 * it has one or on OOM. */
static char *str_dup(const msgpack_object *o)
{
    if (o->via.str.size == 0)   /* msgpack-c gives an empty str a NULL ptr */
        return strdup("");
    if (memchr(o->via.str.ptr, '\0', o->via.str.size))
        return NULL;
    return strndup(o->via.str.ptr, o->via.str.size);
}

static bool as_number(const msgpack_object *o, double *out)
{
    switch (o->type) {
    case MSGPACK_OBJECT_POSITIVE_INTEGER: *out = (double)o->via.u64; return true;
    case MSGPACK_OBJECT_NEGATIVE_INTEGER: *out = (double)o->via.i64; return true;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64: *out = o->via.f64; return true;
    default: return false;
    }
}

/* A key given twice (msgpack allows it) counts once, the last one, as
 * Python's dict does: what an earlier one allocated is freed. */
static void drop_classes(wmsg_in *m)
{
    for (size_t i = 0; i < m->nclasses; i++)
        free(m->classes[i].name);
    free(m->classes);
    m->classes = NULL;
    m->nclasses = 0;
}

static int decode_classes(const msgpack_object *o, wmsg_in *m, lb_err *err)
{
    drop_classes(m);
    if (o->type != MSGPACK_OBJECT_MAP)
        return lb_err_set(err, "spawn: user_classes_count is not a map");
    size_t n = o->via.map.size;
    if (!(m->classes = calloc(n ? n : 1, sizeof *m->classes)))
        return lb_err_set(err, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const msgpack_object_kv *kv = &o->via.map.ptr[i];
        if (!is_str(&kv->key) || kv->val.type != MSGPACK_OBJECT_POSITIVE_INTEGER ||
            kv->val.via.u64 > 10000000)
            return lb_err_set(err, "spawn: user_classes_count needs {class name: 0..10000000}");
        if (!(m->classes[i].name = str_dup(&kv->key)))
            return lb_err_set(err, "spawn: a user class name holds a NUL byte");
        m->classes[i].count = (long)kv->val.via.u64;
        m->nclasses++;
    }
    return 0;
}

static int decode_spawn(const msgpack_object *d, wmsg_in *m, lb_err *err)
{
    if (d->type != MSGPACK_OBJECT_MAP)
        return lb_err_set(err, "spawn: data is not a map");
    bool have_classes = false;
    for (size_t i = 0; i < d->via.map.size; i++) {
        const msgpack_object *k = &d->via.map.ptr[i].key, *v = &d->via.map.ptr[i].val;
        if (key_is(k, "timestamp")) {
            if (!(m->has_timestamp = as_number(v, &m->timestamp)))
                return lb_err_set(err, "spawn: timestamp is not a number");
        } else if (key_is(k, "user_classes_count")) {
            if (decode_classes(v, m, err) < 0)
                return -1;
            have_classes = true;
        } else if (key_is(k, "host")) {
            free(m->host);
            m->host = NULL;
            if (v->type != MSGPACK_OBJECT_NIL && (!is_str(v) || !(m->host = str_dup(v))))
                return lb_err_set(err, "spawn: host is not a string");
        } else if (key_is(k, "stop_timeout")) {
            if (v->type != MSGPACK_OBJECT_NIL &&
                (!(m->has_stop_timeout = as_number(v, &m->stop_timeout)) ||
                 !(m->stop_timeout >= 0 && m->stop_timeout <= 86400)))
                return lb_err_set(err, "spawn: stop_timeout is not 0..86400 seconds");
        }
    }
    if (!have_classes)
        return lb_err_set(err, "spawn: no user_classes_count");
    return 0;
}

static int decode_ack(const msgpack_object *d, wmsg_in *m, lb_err *err)
{
    for (size_t i = 0; d->type == MSGPACK_OBJECT_MAP && i < d->via.map.size; i++)
        if (key_is(&d->via.map.ptr[i].key, "index") &&
            d->via.map.ptr[i].val.type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
            d->via.map.ptr[i].val.via.u64 < 1000000) {
            m->has_index = true;
            m->index = (long)d->via.map.ptr[i].val.via.u64;
        }
    if (!m->has_index)
        return lb_err_set(err, "ack without a worker index: not a Locust 2.x master");
    return 0;
}

int wmsg_decode(const void *data, size_t len, wmsg_in *m, lb_err *err)
{
    memset(m, 0, sizeof *m);
    if (len > WMSG_MAX_BYTES)
        return lb_err_set(err, "message of %zu bytes (at most %u)", len, WMSG_MAX_BYTES);
    if (!sizes_sane(data, len))
        return lb_err_set(err, "not one well-formed msgpack value");
    msgpack_unpacked up;
    msgpack_unpacked_init(&up);
    size_t off = 0;
    int rc = -1;
    if (msgpack_unpack_next(&up, data, len, &off) != MSGPACK_UNPACK_SUCCESS) {
        lb_err_set(err, "not one well-formed msgpack value");
        goto out;
    }
    const msgpack_object *o = &up.data;
    if (o->type != MSGPACK_OBJECT_ARRAY || o->via.array.size != 3 ||
        !is_str(&o->via.array.ptr[0])) {
        lb_err_set(err, "not a [type, data, node_id] message");
        goto out;
    }
    const msgpack_object *t = &o->via.array.ptr[0], *d = &o->via.array.ptr[1],
                         *id = &o->via.array.ptr[2];
    if (!(m->type = str_dup(t)) || (is_str(id) && !(m->node_id = str_dup(id)))) {
        lb_err_set(err, "message type or node id holds a NUL byte");
        goto out;
    }
    if (!strcmp(m->type, "spawn"))
        rc = decode_spawn(d, m, err);
    else if (!strcmp(m->type, "ack"))
        rc = decode_ack(d, m, err);
    else
        rc = 0;                 /* stop, quit, reconnect, heartbeat, custom: no data used */
out:
    msgpack_unpacked_destroy(&up);
    if (rc < 0)
        wmsg_in_free(m);
    return rc;
}

void wmsg_in_free(wmsg_in *m)
{
    drop_classes(m);
    free(m->type);
    free(m->node_id);
    free(m->host);
    memset(m, 0, sizeof *m);
}

