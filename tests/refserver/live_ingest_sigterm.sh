#!/usr/bin/env bash
# live_ingest_sigterm.sh — SIGTERM while clients are ingesting, in every
# --db-mode: the server exits 0 and every acknowledged row is in the DB with
# the content that was sent.
cd "$(dirname "$0")" && source ./lib.sh

for mode in naive pooled batched; do
    RS_DB="$RS_DIR/$mode.db"
    rs_start --dataset decnet-2026-04 --workers 2 --db-mode "$mode"
    tok=$(rs_token)
    $PY ./ingest_client.py "$RS_PORT" "$tok" 6 20 "$RS_DIR/acked-$mode.tsv" &
    client=$!
    RS_EXTRA_PIDS+=("$client")
    sleep 1.5
    rs_stop
    check "$mode: server exit code after SIGTERM" 0 "$RS_EXIT"
    cli=0
    wait "$client" || cli=$?
    check "$mode: client saw only 201s" 0 "$cli"
    acked=$(wc -l < "$RS_DIR/acked-$mode.tsv")
    check "$mode: some rows acknowledged" 1 "$([ "$acked" -gt 20 ] && echo 1 || echo 0)"
    # every acknowledged id holds exactly the raw_line that was sent
    sqlite3 -separator $'\t' "$RS_DB" "select id, raw_line from logs where raw_line like 't%-s%-e%' order by id" \
        > "$RS_DIR/stored-$mode.tsv"
    missing=$(comm -23 <(sort "$RS_DIR/acked-$mode.tsv") <(sort "$RS_DIR/stored-$mode.tsv") | wc -l)
    check "$mode: acknowledged rows lost ($acked acked)" 0 "$missing"
    # each ingested IP has an attacker row whose event_count matches its logs
    bad=$(sqlite3 "$RS_DB" "select count(*) from attackers a where a.ip like '10.77.%' and
        a.event_count != (select count(*) from logs l where l.attacker_ip = a.ip)")
    check "$mode: attacker rows match logs" 0 "$bad"
    echo "$mode: $acked rows acknowledged before SIGTERM, none lost"
done
rs_done
