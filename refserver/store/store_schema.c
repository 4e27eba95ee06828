/* store_schema.c — the tables of decnet-api.md §4.1 as SQLAlchemy emits them for SQLite,
 * and for MariaDB with DECNET's MySQL column types (decnet/web/db/models.py). */
#include "store.h"

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS users ("
    " uuid VARCHAR NOT NULL PRIMARY KEY, username VARCHAR NOT NULL,"
    " password_hash VARCHAR NOT NULL, role VARCHAR NOT NULL DEFAULT 'viewer',"
    " must_change_password BOOLEAN NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX IF NOT EXISTS ix_users_username ON users (username);"
    "CREATE TABLE IF NOT EXISTS logs ("
    " id INTEGER NOT NULL PRIMARY KEY, timestamp DATETIME NOT NULL, decky VARCHAR NOT NULL,"
    " service VARCHAR NOT NULL, event_type VARCHAR NOT NULL, attacker_ip VARCHAR NOT NULL,"
    " raw_line TEXT NOT NULL, fields TEXT NOT NULL, msg TEXT, trace_id VARCHAR,"
    " span_id VARCHAR);"
    "CREATE INDEX IF NOT EXISTS ix_logs_timestamp ON logs (timestamp);"
    "CREATE INDEX IF NOT EXISTS ix_logs_decky ON logs (decky);"
    "CREATE INDEX IF NOT EXISTS ix_logs_service ON logs (service);"
    "CREATE INDEX IF NOT EXISTS ix_logs_event_type ON logs (event_type);"
    "CREATE INDEX IF NOT EXISTS ix_logs_attacker_ip ON logs (attacker_ip);"
    "CREATE TABLE IF NOT EXISTS bounty ("
    " id INTEGER NOT NULL PRIMARY KEY, timestamp DATETIME NOT NULL, decky VARCHAR NOT NULL,"
    " service VARCHAR NOT NULL, attacker_ip VARCHAR NOT NULL, bounty_type VARCHAR NOT NULL,"
    " payload TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS ix_bounty_timestamp ON bounty (timestamp);"
    "CREATE INDEX IF NOT EXISTS ix_bounty_decky ON bounty (decky);"
    "CREATE INDEX IF NOT EXISTS ix_bounty_service ON bounty (service);"
    "CREATE INDEX IF NOT EXISTS ix_bounty_attacker_ip ON bounty (attacker_ip);"
    "CREATE INDEX IF NOT EXISTS ix_bounty_bounty_type ON bounty (bounty_type);"
    "CREATE TABLE IF NOT EXISTS state (key VARCHAR NOT NULL PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS attackers ("
    " uuid VARCHAR NOT NULL PRIMARY KEY, ip VARCHAR NOT NULL, first_seen DATETIME NOT NULL,"
    " last_seen DATETIME NOT NULL, event_count INTEGER NOT NULL DEFAULT 0,"
    " service_count INTEGER NOT NULL DEFAULT 0, decky_count INTEGER NOT NULL DEFAULT 0,"
    " services TEXT NOT NULL DEFAULT '[]', deckies TEXT NOT NULL DEFAULT '[]',"
    " traversal_path TEXT, is_traversal BOOLEAN NOT NULL DEFAULT 0,"
    " bounty_count INTEGER NOT NULL DEFAULT 0, credential_count INTEGER NOT NULL DEFAULT 0,"
    " fingerprints TEXT NOT NULL DEFAULT '[]', commands TEXT NOT NULL DEFAULT '[]',"
    " updated_at DATETIME NOT NULL);"
    "CREATE INDEX IF NOT EXISTS ix_attackers_ip ON attackers (ip);"
    "CREATE INDEX IF NOT EXISTS ix_attackers_first_seen ON attackers (first_seen);"
    "CREATE INDEX IF NOT EXISTS ix_attackers_last_seen ON attackers (last_seen);"
    "CREATE INDEX IF NOT EXISTS ix_attackers_updated_at ON attackers (updated_at);"
    "CREATE TABLE IF NOT EXISTS attacker_behavior ("
    " attacker_uuid VARCHAR NOT NULL PRIMARY KEY REFERENCES attackers (uuid),"
    " os_guess VARCHAR, hop_distance INTEGER, tcp_fingerprint TEXT NOT NULL DEFAULT '{}',"
    " retransmit_count INTEGER NOT NULL DEFAULT 0, behavior_class VARCHAR,"
    " beacon_interval_s FLOAT, beacon_jitter_pct FLOAT, tool_guesses VARCHAR,"
    " timing_stats TEXT NOT NULL DEFAULT '{}', phase_sequence TEXT NOT NULL DEFAULT '{}',"
    " updated_at DATETIME NOT NULL);"
    "CREATE INDEX IF NOT EXISTS ix_attacker_behavior_updated_at ON attacker_behavior (updated_at);";

/* MariaDB: DECNET's types (indexed str -> VARCHAR(255), Text, MEDIUMTEXT for
 * the blobs that grow, DATETIME, BOOL), with two deliberate differences
 * that keep the API's answers identical to SQLite's:
 *  - utf8mb4_nopad_bin, so "=" and ORDER BY compare bytes as SQLite does,
 *    trailing spaces included (the driver gives LIKE SQLite's
 *    case-insensitivity, db_mariadb_sql.h);
 *  - DOUBLE where SQLAlchemy's Float would make a 4-byte FLOAT;
 *  - users get a hidden insertion counter named rowid, the order SQLite's
 *    implicit rowid gives the user list.
 * One statement per string: MariaDB runs one at a time. */
#define MY_TABLE " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"
static const char *const mariadb_sql[] = {
    "CREATE TABLE IF NOT EXISTS users ("
    " uuid VARCHAR(255) NOT NULL PRIMARY KEY, username VARCHAR(255) NOT NULL,"
    " password_hash VARCHAR(255) NOT NULL, role VARCHAR(255) NOT NULL DEFAULT 'viewer',"
    " must_change_password BOOL NOT NULL DEFAULT 0,"
    " rowid BIGINT NOT NULL AUTO_INCREMENT UNIQUE,"
    " UNIQUE INDEX ix_users_username (username))" MY_TABLE,
    "CREATE TABLE IF NOT EXISTS logs ("
    " id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, timestamp DATETIME NOT NULL,"
    " decky VARCHAR(255) NOT NULL, service VARCHAR(255) NOT NULL,"
    " event_type VARCHAR(255) NOT NULL, attacker_ip VARCHAR(255) NOT NULL,"
    " raw_line TEXT NOT NULL, fields TEXT NOT NULL, msg TEXT, trace_id VARCHAR(255),"
    " span_id VARCHAR(255),"
    " INDEX ix_logs_timestamp (timestamp), INDEX ix_logs_decky (decky),"
    " INDEX ix_logs_service (service), INDEX ix_logs_event_type (event_type),"
    " INDEX ix_logs_attacker_ip (attacker_ip))" MY_TABLE,
    "CREATE TABLE IF NOT EXISTS bounty ("
    " id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, timestamp DATETIME NOT NULL,"
    " decky VARCHAR(255) NOT NULL, service VARCHAR(255) NOT NULL,"
    " attacker_ip VARCHAR(255) NOT NULL, bounty_type VARCHAR(255) NOT NULL,"
    " payload TEXT NOT NULL,"
    " INDEX ix_bounty_timestamp (timestamp), INDEX ix_bounty_decky (decky),"
    " INDEX ix_bounty_service (service), INDEX ix_bounty_attacker_ip (attacker_ip),"
    " INDEX ix_bounty_bounty_type (bounty_type))" MY_TABLE,
    "CREATE TABLE IF NOT EXISTS state (`key` VARCHAR(255) NOT NULL PRIMARY KEY,"
    " value MEDIUMTEXT NOT NULL)" MY_TABLE,
    "CREATE TABLE IF NOT EXISTS attackers ("
    " uuid VARCHAR(255) NOT NULL PRIMARY KEY, ip VARCHAR(255) NOT NULL,"
    " first_seen DATETIME NOT NULL, last_seen DATETIME NOT NULL,"
    " event_count INTEGER NOT NULL DEFAULT 0, service_count INTEGER NOT NULL DEFAULT 0,"
    " decky_count INTEGER NOT NULL DEFAULT 0, services MEDIUMTEXT NOT NULL DEFAULT '[]',"
    " deckies MEDIUMTEXT NOT NULL DEFAULT '[]', traversal_path TEXT,"
    " is_traversal BOOL NOT NULL DEFAULT 0, bounty_count INTEGER NOT NULL DEFAULT 0,"
    " credential_count INTEGER NOT NULL DEFAULT 0,"
    " fingerprints MEDIUMTEXT NOT NULL DEFAULT '[]', commands MEDIUMTEXT NOT NULL DEFAULT '[]',"
    " updated_at DATETIME NOT NULL,"
    " INDEX ix_attackers_ip (ip), INDEX ix_attackers_first_seen (first_seen),"
    " INDEX ix_attackers_last_seen (last_seen), INDEX ix_attackers_updated_at (updated_at))"
    MY_TABLE,
    "CREATE TABLE IF NOT EXISTS attacker_behavior ("
    " attacker_uuid VARCHAR(255) NOT NULL PRIMARY KEY, os_guess VARCHAR(255),"
    " hop_distance INTEGER, tcp_fingerprint TEXT NOT NULL DEFAULT '{}',"
    " retransmit_count INTEGER NOT NULL DEFAULT 0, behavior_class VARCHAR(255),"
    " beacon_interval_s DOUBLE, beacon_jitter_pct DOUBLE, tool_guesses VARCHAR(255),"
    " timing_stats TEXT NOT NULL DEFAULT '{}', phase_sequence TEXT NOT NULL DEFAULT '{}',"
    " updated_at DATETIME NOT NULL, INDEX ix_attacker_behavior_updated_at (updated_at),"
    " FOREIGN KEY (attacker_uuid) REFERENCES attackers (uuid))" MY_TABLE,
};

int store_schema(rs_db *db, lb_err *err)
{
    if (db_backend(db) == RS_BACKEND_SQLITE)
        return db_exec(db, schema_sql, err);
    for (size_t i = 0; i < sizeof mariadb_sql / sizeof mariadb_sql[0]; i++)
        if (db_exec(db, mariadb_sql[i], err))
            return -1;
    return 0;
}

int store_is_empty(rs_db *db, bool *empty, lb_err *err)
{
    rs_stmt *st = db_stmt(db, "SELECT (SELECT count(*) FROM users) + "
                                   "(SELECT count(*) FROM logs)", err);
    if (!st)
        return -1;
    if (db_step(st) != RS_STEP_ROW)
        return db_fail(db, err);
    *empty = db_col_int(st, 0) == 0;
    db_reset(st);
    return 0;
}
