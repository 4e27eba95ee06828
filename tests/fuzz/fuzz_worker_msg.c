/* fuzz_worker_msg.c — libFuzzer target: loadgen --worker's decoder of what a
 * Locust master sends (wmsg_decode: the size guard, then msgpack-c, then
 * every field's type), on arbitrary bytes. Harness only.
 *
 * Properties beyond the sanitizers: a decoded message has a type; a spawn
 * has no more classes than the message has bytes, each with a name and a
 * count in range; a refused one says why. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "worker_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wmsg_in m;
    lb_err err = {0};
    if (wmsg_decode(data, size, &m, &err) < 0) {
        if (!err.msg[0]) {
            fprintf(stderr, "fuzz_worker_msg: refused without a reason\n");
            abort();
        }
        return 0;
    }
    if (!m.type || m.nclasses > size)
        abort();
    for (size_t i = 0; i < m.nclasses; i++)
        if (!m.classes[i].name || m.classes[i].count < 0 || m.classes[i].count > 10000000)
            abort();
    wmsg_in_free(&m);
    return 0;
}
