/* curlev.h — one curl multi handle driven by one libev loop through
 * curl_multi_socket_action: curl's evhiperfifo pattern without its two traps
 * (timeouts are divided by 1000.0, and a multi error is left to the transfers
 * it fails instead of exit()ing). loadgen's engine and the engine-floor
 * benchmark (tests/bench/curl_floor.c) both run on it. */
#ifndef LG_CURLEV_H
#define LG_CURLEV_H
#include <curl/curl.h>
#include <ev.h>
#include "list.h"

typedef struct lg_curlev lg_curlev;

/* Called for each transfer that finished, after a curl_multi_socket_action,
 * with its result. It must curl_multi_remove_handle(easy) (and may add it,
 * or others, again). */
typedef void (*lg_curlev_done_fn)(lg_curlev *c, CURL *easy, CURLcode result);

struct lg_curlev {
    struct ev_loop *loop;
    CURLM *multi;
    ev_timer timer;               /* libcurl's single timeout */
    lb_list socks;                /* watched sockets, freed at cleanup if libcurl never removed them */
    lg_curlev_done_fn done;
    void *data;                   /* the owner's */
};

/* Create the multi handle and wire it to loop. 0, or -1 when out of memory. */
int curlev_init(lg_curlev *c, struct ev_loop *loop, lg_curlev_done_fn done, void *data);

/* Clean the multi handle up (remove every easy handle first) and stop and
 * free any socket watcher libcurl left behind. Safe on a zeroed c. */
void curlev_cleanup(lg_curlev *c);

#endif
