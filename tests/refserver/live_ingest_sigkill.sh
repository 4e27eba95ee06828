#!/usr/bin/env bash
# live_ingest_sigkill.sh — SIGKILL (master and workers, no drain) while
# clients ingest, ROUNDS times per --db-mode on the same database: after each
# kill the server restarts on it, and at the end every acknowledged row is in
# the database with the content that was sent (a 201 means committed).
# Prints a "figure:" line per mode for docs/RELIABILITY.md.
# SIGKILL_DB=mariadb runs it on a private MariaDB server instead (mariadb.sh; one fresh
# database per mode), MODES picks the modes: live_mariadb_sigkill.sh.
cd "$(dirname "$0")" && source ./lib.sh
ROUNDS=${ROUNDS:-5}
SIGKILL_DB=${SIGKILL_DB:-sqlite}
if [ "$SIGKILL_DB" = mariadb ]; then
    source ./mariadb.sh
    mdb_start
fi
# stored_rows MODE SQL / integrity MODE — the same query on either backend
stored_rows() {
    if [ "$SIGKILL_DB" = mariadb ]; then mdb_sql "$2"
    else sqlite3 -separator $'\t' "$RS_DIR/kill-$1.db" "$2"; fi
}
integrity() {
    if [ "$SIGKILL_DB" = mariadb ]; then mdb_sql 'check table logs' | awk '{print $NF}'
    else sqlite3 "$RS_DIR/kill-$1.db" 'pragma integrity_check'; fi
}

for mode in ${MODES:-naive pooled batched}; do
    if [ "$SIGKILL_DB" = mariadb ]; then
        mdb_reset
        RS_DB=$MDB_URL
    else
        RS_DB="$RS_DIR/kill-$mode.db"
    fi
    : >"$RS_DIR/acked-$mode.tsv"
    for round in $(seq "$ROUNDS"); do
        rs_start --dataset decnet-2026-04 --workers 2 --db-mode "$mode"
        tok=$(rs_token)
        $PY ./ingest_client.py "$RS_PORT" "$tok" 6 20 "$RS_DIR/round.tsv" &
        client=$!
        RS_EXTRA_PIDS+=("$client")
        sleep "0.$((3 + RANDOM % 7))"
        # the whole server at once: the master first, so it cannot fork a
        # replacement for a worker killed before it, then the workers it had
        kids=$(pgrep -P "$RS_PID")
        kill -KILL "$RS_PID" $kids 2>/dev/null
        wait "$RS_PID" 2>/dev/null
        RS_PID=""
        wait "$client"
        check "$mode round $round: client saw only 201s before the kill" 0 "$?"
        for k in $kids; do
            for _ in $(seq 50); do kill -0 "$k" 2>/dev/null || break; sleep 0.05; done
        done
        cat "$RS_DIR/round.tsv" >>"$RS_DIR/acked-$mode.tsv"
    done
    # reopening the database replays or discards its journal / WAL, as a restart would
    rs_start --workers 1 --db-mode "$mode"
    check "$mode: serves after $ROUNDS kills" 200 "$(status "$RS_URL/healthz")"
    rs_stop
    acked=$(wc -l <"$RS_DIR/acked-$mode.tsv")
    stored_rows "$mode" "select id, raw_line from logs where raw_line like 't%-s%-e%'" \
        >"$RS_DIR/stored-$mode.tsv"
    found=$(comm -12 <(sort "$RS_DIR/acked-$mode.tsv") <(sort "$RS_DIR/stored-$mode.tsv") | wc -l)
    [ "$acked" -gt 50 ]; check "$mode: some rows acknowledged ($acked)" 0 $?
    check "$mode: acknowledged rows found after $ROUNDS SIGKILLs" "$acked" "$found"
    if [ "$SIGKILL_DB" = mariadb ]; then ok=OK tag=" (mariadb)"; else ok=ok tag=""; fi
    check "$mode: database intact" "$ok" "$(integrity "$mode")"
    echo "figure: sigkill$tag: $mode: $ROUNDS kills survived, $acked acknowledged, $found found, $((acked - found)) lost"
done
rs_done
