#!/usr/bin/env bash
# live_ingest_sigkill.sh — SIGKILL (master and workers, no drain) while
# clients ingest, ROUNDS times per --db-mode on the same database: after each
# kill the server restarts on it, and at the end every acknowledged row is in
# the database with the content that was sent (a 201 means committed).
# Prints a "figure:" line per mode for docs/RELIABILITY.md.
cd "$(dirname "$0")" && source ./lib.sh
ROUNDS=${ROUNDS:-5}

for mode in naive pooled batched; do
    RS_DB="$RS_DIR/kill-$mode.db"
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
    sqlite3 -separator $'\t' "$RS_DB" "select id, raw_line from logs where raw_line like 't%-s%-e%'" \
        >"$RS_DIR/stored-$mode.tsv"
    found=$(comm -12 <(sort "$RS_DIR/acked-$mode.tsv") <(sort "$RS_DIR/stored-$mode.tsv") | wc -l)
    [ "$acked" -gt 50 ]; check "$mode: some rows acknowledged ($acked)" 0 $?
    check "$mode: acknowledged rows found after $ROUNDS SIGKILLs" "$acked" "$found"
    check "$mode: database intact" ok "$(sqlite3 "$RS_DB" 'pragma integrity_check')"
    echo "figure: sigkill: $mode: $ROUNDS kills survived, $acked acknowledged, $found found, $((acked - found)) lost"
done
rs_done
