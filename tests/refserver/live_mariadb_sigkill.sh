#!/usr/bin/env bash
# live_mariadb_sigkill.sh — live_ingest_sigkill.sh on MariaDB (issue 15): refserver
# SIGKILLed while clients ingest, ROUNDS times per mode, on a private mariadbd; every
# acknowledged event must be in the database afterwards, for pooled and batched writes.
SIGKILL_DB=mariadb MODES="pooled batched" exec bash "$(dirname "$0")/live_ingest_sigkill.sh"
