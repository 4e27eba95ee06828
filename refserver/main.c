/* main.c — refserver: options and environment, database preparation, then the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/admin.h"
#include "config.h"
#include "lens/reqlog.h"
#include "lens/trace_hooks.h"
#include "options.h"
#include "server.h"
#include "store/dataset.h"

/* A random JWT secret when none is configured: 32 bytes from the kernel. */
static int random_secret(rs_config *cfg, lb_err *err)
{
    unsigned char raw[32];
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f || fread(raw, 1, sizeof raw, f) != sizeof raw) {
        if (f)
            fclose(f);
        return lb_err_set(err, "cannot read /dev/urandom for a JWT secret");
    }
    fclose(f);
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(cfg->jwt_secret + 2 * i, 3, "%02x", raw[i]);
    cfg->jwt_secret_generated = true;
    return 0;
}

/* The database before the workers fork: schema, seed data when empty, and
 * the admin bootstrap. 0 or -1 + err. */
static int prepare_store(const rs_config *cfg, lb_err *err)
{
    rs_db *db = dataset_open(cfg, !cfg->quiet, err);
    if (!db)
        return -1;
    int rc = admin_bootstrap(db, cfg, !cfg->quiet, err);
    db_close(db);
    return rc;
}

int main(int argc, char **argv)
{
    static rs_config cfg;   /* large (CPU list): keep it off the stack */
    lb_err err;
    int rc = options_parse(&cfg, argc, argv, stdout, &err);
    if (rc == 1)
        return 0;
    if (rc < 0) {
        fprintf(stderr, "refserver: %s\n", err.msg);
        return 2;
    }
    if (!cfg.jwt_secret[0]) {
        if (random_secret(&cfg, &err)) {
            fprintf(stderr, "refserver: %s\n", err.msg);
            return 1;
        }
        fprintf(stderr, "refserver: warning: REFSERVER_JWT_SECRET is not set; using a random "
                        "secret (tokens will not survive a restart)\n");
    }
    /* bad tracing settings or an unusable profile folder are usage errors,
     * found here once rather than in every forked worker */
    if (trace_check(&cfg, &err) || reqlog_check(&cfg, &err)) {
        fprintf(stderr, "refserver: %s\n", err.msg);
        return 2;
    }
    if (prepare_store(&cfg, &err)) {
        fprintf(stderr, "refserver: %s\n", err.msg);
        return 1;
    }
    rc = server_run(&cfg, &err);
    if (rc == 2)
        fprintf(stderr, "refserver: %s\n", err.msg);
    return rc;
}
