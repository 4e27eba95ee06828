/* dataset.h — database preparation at startup: schema, deterministic seed
 * data, and the seed project's admin bootstrap (decnet-api.md §2.13, §7). */
#ifndef RS_DATASET_H
#define RS_DATASET_H
#include "config.h"
#include "db.h"
#include "lberr.h"

/* Open cfg->db_path in cfg->db_mode, create the schema, seed cfg->dataset
 * when the database is empty, and bootstrap the admin: inserted when
 * missing (must_change_password pending for decnet-2026-04, finalised for
 * default); re-hashed from the environment while still pending, as the
 * seed does at every start. progress: print what is done to stderr.
 * 0 or -1 + err. */
int dataset_prepare(const rs_config *cfg, bool progress, lb_err *err);

/* Seed one dataset into an open, empty database (inside one transaction).
 * progress: a line on stderr every 100,000 log rows. Exposed for tests. */
int dataset_seed(rs_db *db, const rs_config *cfg, bool progress, lb_err *err);

#endif
