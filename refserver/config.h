/* config.h — every refserver knob as a plain field of one struct.
 *
 * Options and environment fill it once in the master (options.c); workers
 * get a copy through fork and handlers read it. Nothing else is global, so a
 * profile's server configuration is exactly this struct. */
#ifndef RS_CONFIG_H
#define RS_CONFIG_H
#include <stdbool.h>
#include <stddef.h>

typedef enum rs_db_mode {
    RS_DB_NAIVE,    /* new connection per request, rollback journal, FULL sync */
    RS_DB_POOLED,   /* one long-lived connection per worker, WAL, NORMAL sync */
    RS_DB_BATCHED   /* pooled reads + one group-committing writer thread per worker */
} rs_db_mode;

/* The seed's per-endpoint TTL caches (decnet-api.md §2, §5). */
typedef enum rs_cache_id {
    RS_CACHE_STATS,            /* /stats body, 5 s */
    RS_CACHE_LOGS_TOTAL,       /* unfiltered /logs count, 2 s */
    RS_CACHE_ATTACKERS_TOTAL,  /* unfiltered /attackers count, 2 s */
    RS_CACHE_HISTOGRAM,        /* default histogram body, 5 s */
    RS_CACHE_BOUNTY,           /* default /bounty page body, 5 s */
    RS_CACHE_DECKIES,          /* /deckies body, 5 s */
    RS_CACHE_CONFIG,           /* /config state rows + user list, 5 s */
    RS_CACHE_HEALTH,           /* /health database probe, 1 s */
    RS_CACHE_N
} rs_cache_id;

#define RS_MAX_CPUS 256

typedef struct rs_config {
    /* network */
    char bind_host[64];
    int port;                  /* 0 = let the kernel pick (see port_file) */
    const char *port_file;     /* write the bound port here once listening */
    int workers;               /* pre-forked processes sharing the port */
    int cpus[RS_MAX_CPUS];     /* --cpu-pin list; worker i gets cpus[i % ncpus] */
    int ncpus;
    int max_conns;             /* per worker; past it: 503 and close (0: from RLIMIT_NOFILE) */
    size_t max_output_bytes;   /* a worker's unsent replies past which clients that do
                                * not read theirs get no more parsed (backpressure) */
    size_t max_header_bytes;   /* request line + headers; past it: 431 */
    size_t max_body_bytes;     /* past it: 413 */
    double idle_timeout;       /* s, keep-alive connection with no request */
    double header_timeout;     /* s, a started request must be complete by then */
    double drain_timeout;      /* s, graceful shutdown gives up after this */
    /* storage */
    const char *db_path;
    rs_db_mode db_mode;
    int db_slots;              /* simulated pool size per worker (leak mode drains it) */
    double db_checkout_timeout;/* s a request waits for a free slot before its 500; 0 = at once */
    int batch_max_rows;        /* batched writer: rows per group commit */
    const char *dataset;       /* "default" or "decnet-2026-04" */
    long ds_logs, ds_attackers, ds_bounty, ds_deckies;
    unsigned long long seed;
    /* auth */
    const char *admin_user;
    const char *admin_password;
    char jwt_secret[129];
    bool jwt_secret_generated; /* true when no REFSERVER_JWT_SECRET was given */
    int bcrypt_cost;
    int pool_threads;          /* bcrypt/slow-job threads per worker */
    int pool_queue;            /* bounded job queue; full -> 503 */
    int login_limit;           /* failed logins per IP and per username per window; 0 = off */
    double login_window;       /* s */
    /* knobs of the story (§5) */
    bool cache_on[RS_CACHE_N];
    bool auth_user_cache;      /* 10 s user-by-uuid cache in the auth check */
    bool login_user_cache;     /* 5 s positive-only username cache on login */
    bool leak_on_disconnect;   /* fault mode: a disconnect mid-request leaks a db slot */
    bool n_plus_one;           /* /attackers loads behaviour with one query per row */
    bool state_on_pool;        /* cache-miss state reads wait for a bcrypt-pool slot */
    bool tracing;              /* --tracing / REFSERVER_TRACING=true: spans per request */
    const char *trace_file;    /* --trace-file: OTLP JSON lines here instead of POSTing */
    const char *profile_dir;   /* --profile-requests: DIR/requests-<pid>.csv per worker */
    bool developer;            /* DECNET_DEVELOPER: maxOutput, detailed 422, /config flag */
    /* test-only: hold each reply this long (an ev_timer, the loop keeps
     * serving), for the regression gate's own tests (scripts/compare-commits) */
    long inject_delay_us;      /* 0 = off */
    const char *inject_delay_route; /* route pattern or name; NULL = every route */
    bool quiet;
} rs_config;

/* Name of a cache as used by --cache/--no-cache ("stats", "logs-total", ...). */
const char *config_cache_name(rs_cache_id id);
/* Name of a db mode ("naive", "pooled", "batched"). */
const char *config_db_mode_name(rs_db_mode m);

#endif
