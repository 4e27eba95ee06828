/* dataset.h — the database at startup: schema and deterministic seed data
 * (decnet-api.md §7). The admin bootstrap, which needs bcrypt, is the API
 * layer's (api/admin.h). */
#ifndef RS_DATASET_H
#define RS_DATASET_H
#include <stdbool.h>
#include "config.h"
#include "db.h"
#include "lberr.h"

/* Open cfg->db_path in cfg->db_mode, create the schema and seed cfg->dataset
 * when the database is empty. progress: print what is done to stderr. The
 * open database, or NULL + err. */
rs_db *dataset_open(const rs_config *cfg, bool progress, lb_err *err);

/* Seed one dataset into an open, empty database (inside one transaction).
 * progress: a line on stderr every 100,000 log rows. Exposed for tests. */
int dataset_seed(rs_db *db, const rs_config *cfg, bool progress, lb_err *err);

/* The admin's deterministic uuid for seed, in the 8-4-4-4-12 form. */
void dataset_admin_uuid(unsigned long long seed, char out[37]);

#endif
