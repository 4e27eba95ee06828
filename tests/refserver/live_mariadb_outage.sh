#!/usr/bin/env bash
# live_mariadb_outage.sh — issue 15's lost database server: refserver on a private
# mariadbd, a bounded loop of requests (outage_client.py: uncached reads, ingest, cached
# reads, /api/v1/health, /healthz, login) from 4 threads; mariadbd is SIGKILLed mid-run
# and, after OUTAGE_S, restarted on the same port. Checks: before the kill all 2xx; during
# the outage the database routes answer 503 "Database unavailable..." (never another 5xx,
# never a 401 for a valid token, never a dropped connection, no answer over 5 s),
# /healthz 200 and /api/v1/health 503 unhealthy; refserver and its workers stay up (same
# PIDs); after the restart the database routes answer 2xx again and every event
# acknowledged (201) before or after is in the database. Once per --db-mode; naive runs
# with every cache off (auth included), so each request needs the database.
cd "$(dirname "$0")" && source ./lib.sh && source ./mariadb.sh
OUTAGE_S=${OUTAGE_S:-4}
mdb_start
now() { date +%s.%N; }

for mode in pooled batched naive; do
    mdb_reset
    extra=()
    [ "$mode" = naive ] && extra=(--caches none --no-auth-user-cache --no-login-user-cache)
    RS_DB=$MDB_URL rs_start --dataset decnet-2026-04 --workers 2 --db-mode "$mode" "${extra[@]}"
    tok=$(rs_token)
    workers=$(pgrep -P "$RS_PID" | sort | tr '\n' ' ')
    rm -f "$RS_DIR/stop"
    $PY ./outage_client.py run "$RS_PORT" "$tok" "out-$mode" "$RS_DIR/stop" 60 "$RS_DIR/reqs-$mode.jsonl" &
    client=$!
    RS_EXTRA_PIDS+=("$client")
    sleep 2
    t_kill=$(now)
    mdb_kill
    sleep 2
    # what the server says about itself mid-outage (the client checks it too)
    health=$(curl -s --max-time 5 -w ' %{http_code}' -H "Authorization: Bearer $tok" "$RS_URL/api/v1/health")
    echo "$mode: /api/v1/health during the outage: $health"
    check "$mode: /healthz during the outage" 200 "$(status --max-time 5 "$RS_URL/healthz")"
    sleep $((OUTAGE_S - 2))
    t_restart=$(now)
    mdb_restart
    t_up=$(now)
    # bounded: the client stops itself after 60 s; RECOVER_S (4 s) + 3 s of steady 2xx
    sleep 7
    touch "$RS_DIR/stop"
    wait "$client"
    check "$mode: client finished" 0 "$?"
    check "$mode: refserver alive" 0 "$(kill -0 "$RS_PID" 2>/dev/null; echo $?)"
    check "$mode: same worker PIDs (none crashed and replaced)" "$workers" "$(pgrep -P "$RS_PID" | sort | tr '\n' ' ')"
    $PY ./outage_client.py check "$RS_DIR/reqs-$mode.jsonl" "$t_kill" "$t_restart" "$t_up" \
        "$RS_DIR/acked-$mode.tsv" >"$RS_DIR/verdict-$mode" 2>"$RS_DIR/figures-$mode"
    check "$mode: verdict computed" "0 24" "$? $(wc -l <"$RS_DIR/verdict-$mode")"
    sed "s/^/$mode: /" "$RS_DIR/figures-$mode"
    while IFS='|' read -r name want got; do
        check "$mode: $name" "$want" "$got"
    done <"$RS_DIR/verdict-$mode"
    rs_stop
    check "$mode: refserver exits 0 after the outage" 0 "$RS_EXIT"
    # the server logs every 5xx: show the distinct non-503 ones (the 503s are expected)
    grep -a -- ' -> 5' "$RS_DIR/server.log" | grep -av -- ' -> 503' | sed 's/worker [0-9]*/worker N/' |
        sort | uniq -c | sort -rn | head -5 | sed "s/^/$mode: server log: /"
    cat "$RS_DIR/server.log" >>"$RS_DIR/server-all.log" && : >"$RS_DIR/server.log"
    mdb_sql "select id, raw_line from logs where raw_line like 'out-$mode-%'" >"$RS_DIR/stored-$mode.tsv"
    acked=$(wc -l <"$RS_DIR/acked-$mode.tsv")
    found=$(comm -12 <(sort "$RS_DIR/acked-$mode.tsv") <(sort "$RS_DIR/stored-$mode.tsv") | wc -l)
    [ "$acked" -gt 20 ]; check "$mode: events acknowledged ($acked)" 0 $?
    check "$mode: every acknowledged event is in the database" "$acked" "$found"
    echo "figure: outage: $mode: $acked acknowledged, $found found"
done
mv "$RS_DIR/server-all.log" "$RS_DIR/server.log"   # rs_done reads it for sanitizer reports
rs_done
