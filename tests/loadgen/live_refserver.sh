#!/usr/bin/env bash
# live_refserver.sh — the default scenario against the project's refserver
# (bcrypt cost 4 to keep it quick): 0 failures, every route answered. Skipped
# (exit 77) when this build has no working refserver.
source "$(dirname "$0")/lib.sh"
RS="$LB_BIN_DIR/refserver"
if [ ! -x "$RS" ] || ! "$RS" --help >/dev/null 2>&1; then
    echo "SKIP: no working refserver in $LB_BIN_DIR"
    exit 77
fi
port=$(free_port)
"$RS" --bind "127.0.0.1:$port" --db "$T/rs.db" --workers 1 --bcrypt-cost 4 >"$T/rs.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "refserver did not come up: $(tail -5 "$T/rs.log")"
for sc in decnet decnet-2026-04; do
    "$LOADGEN" -f $sc -H "http://127.0.0.1:$port" -u 10 -r 10 -t 4s --stop-timeout 3 --csv "$T/$sc" \
        --only-summary 2>"$T/$sc.err" || fail "$sc against refserver: exit $?: $(grep -A3 'Error report' "$T/$sc.err" | tail -2)"
    n=$(csv_field "$T/${sc}_stats.csv" Aggregated "Request Count")
    [ "$n" -gt 50 ] || fail "$sc: only $n requests"
    ok "$sc against refserver: $n requests, 0 failures"
done
