/* store_schema.c — the tables of decnet-api.md §4.1 as SQLAlchemy emits them for SQLite. */
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

int store_schema(rs_db *db, lb_err *err)
{
    return db_exec(db, schema_sql, err);
}

int store_is_empty(rs_db *db, bool *empty, lb_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT (SELECT count(*) FROM users) + "
                                   "(SELECT count(*) FROM logs)", err);
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return lb_err_set(err, "%s", sqlite3_errmsg(db_handle(db)));
    *empty = sqlite3_column_int64(st, 0) == 0;
    sqlite3_reset(st);
    return 0;
}
