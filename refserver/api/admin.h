/* admin.h — the seed project's admin bootstrap at every start
 * (decnet-api.md §2.13). */
#ifndef RS_ADMIN_H
#define RS_ADMIN_H
#include <stdbool.h>
#include "config.h"
#include "lberr.h"
#include "store/db.h"

/* Make sure cfg->admin_user exists: inserted when missing (must_change_password
 * pending for decnet-2026-04, finalised for default); re-hashed from the
 * environment while still pending, as the seed does. The bcrypt hash takes
 * cfg->bcrypt_cost (~0.2 s at 12). progress: say so on stderr. 0 or -1 + err. */
int admin_bootstrap(rs_db *db, const rs_config *cfg, bool progress, lb_err *err);

#endif
