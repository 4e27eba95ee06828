#!/usr/bin/env bash
# live_backends_contract.sh — issue 15's "identical API results": refserver on SQLite and
# on MariaDB (a private mariadbd, mariadb.sh), same --dataset/--seed and options, sent the
# same requests in lockstep by backends_contract.py: every GET route with its parameters,
# hostile search strings on /logs, /logs/histogram, /attackers, /bounty, ingest of hostile
# events, users (create, role, reset, delete, logins), config, deploy/mutate, reinit.
# Each status and JSON body must match (the normalisations and why: backends_contract.py).
# Three phases: default dataset with pooled writes, decnet-2026-04 (admin change pending)
# with batched writes, a smaller default dataset with naive writes.
# CONTRACT_CONTROL=1 runs side B on SQLite too: the normalisations must leave no difference.
cd "$(dirname "$0")" && source ./lib.sh && source ./mariadb.sh
[ -n "${CONTRACT_CONTROL:-}" ] || mdb_start

# --caches none: a TTL cache makes an answer depend on when it was filled, and the two
# sides are asked milliseconds apart (a refill can fall between them); the caches sit
# above the store and are the same code on both backends. --workers 1: a write and the
# reads that follow it meet the same process.
COMMON=(--workers 1 --caches none)

# pair PHASE ARGS... — both servers on fresh databases, the contract, both stopped
pair() {
    local phase=$1 a_pid a_url
    shift
    RS_DB="$RS_DIR/contract-$phase.db" rs_start "${COMMON[@]}" "$@"
    a_pid=$RS_PID a_url=$RS_URL
    RS_EXTRA_PIDS+=("$a_pid")
    if [ -n "${CONTRACT_CONTROL:-}" ]; then
        RS_DB="$RS_DIR/control-$phase.db" rs_start "${COMMON[@]}" "$@"
    else
        mdb_reset
        RS_DB="$MDB_URL" rs_start "${COMMON[@]}" "$@"
    fi
    $PY ./backends_contract.py "$phase" "$a_url" "$RS_URL"
    check "$phase: same answers on both backends (DIFF lines above)" 0 "$?"
    rs_stop
    check "$phase: side B exits 0" 0 "$RS_EXIT"
    RS_PID=$a_pid
    rs_stop
    check "$phase: SQLite side exits 0" 0 "$RS_EXIT"
}

pair full --dataset default --dataset-logs 800 --dataset-attackers 40 --dataset-bounty 40 \
    --dataset-deckies 3 --db-mode pooled
pair pending --dataset decnet-2026-04 --db-mode batched
pair ingest --dataset default --dataset-logs 200 --dataset-attackers 20 --dataset-bounty 20 \
    --dataset-deckies 2 --seed 7 --db-mode naive
if grep -q ' -> 5[0-9][0-9] ' "$RS_DIR/server.log"; then
    echo "5xx answers logged by the servers:"
    grep ' -> 5[0-9][0-9] ' "$RS_DIR/server.log" | head -20
fi
rs_done
