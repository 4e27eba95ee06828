/* admin.c — the admin bootstrap (see admin.h). */
#include "admin.h"
#include <stdio.h>
#include <string.h>
#include "auth.h"
#include "store/dataset.h"
#include "store/store.h"

int admin_bootstrap(rs_db *db, const rs_config *cfg, bool progress, lb_err *err)
{
    rs_user u;
    bool found;
    if (store_user_get(db, false, cfg->admin_user, &u, &found, err))
        return -1;
    if (found && !u.must_change_password)
        return 0;
    char hash[AUTH_HASH_MAX];
    if (progress)
        fprintf(stderr, "refserver: hashing the admin password (bcrypt cost %d)\n",
                cfg->bcrypt_cost);
    if (auth_bcrypt_hash(cfg->admin_password, cfg->bcrypt_cost, hash, err))
        return -1;
    if (found)   /* still pending: the seed re-writes the hash from the environment */
        return store_user_set_password(db, u.uuid, hash, true, err);
    memset(&u, 0, sizeof u);
    dataset_admin_uuid(cfg->seed, u.uuid);
    snprintf(u.username, sizeof u.username, "%s", cfg->admin_user);
    snprintf(u.password_hash, sizeof u.password_hash, "%s", hash);
    strcpy(u.role, "admin");
    u.must_change_password = !strcmp(cfg->dataset, "decnet-2026-04");
    return store_user_insert(db, &u, err);
}
