#!/usr/bin/env bash
# live_accuracy.sh — against an endpoint with a known 50 ms server-side delay,
# loadgen's median is within 1 ms + 2% of the delay, and its request count for
# the entry equals what the server counted (--stop-timeout lets the last
# requests finish so none is cut off).
source "$(dirname "$0")/lib.sh"
start_server
"$LOADGEN" -u 8 -r 8 -t 4s --stop-timeout 5 --csv "$T/acc" --only-summary \
    "$URL/delay?ms=50" 2>"$T/err" || fail "loadgen failed: $(tail -3 "$T/err")"
med_us=$(csv_field "$T/acc_hdr.csv" "/delay?ms=50" "50%")
med_locust=$(csv_field "$T/acc_stats.csv" "/delay?ms=50" "Median Response Time")
count=$(csv_field "$T/acc_stats.csv" "/delay?ms=50" "Request Count")
server=$(curl -s "$URL/__counts" | "$PY" -c 'import json,sys; print(json.load(sys.stdin).get("GET /delay?ms=50", 0))')
"$PY" - "$med_us" "$med_locust" "$count" "$server" <<'PYEOF' || exit 1
import sys
med_us, med_locust, count, server = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
tol_ms = 1 + 0.02 * 50
assert abs(med_us / 1000 - 50) <= tol_ms, "precise median %.3f ms not within %.1f ms of 50" % (med_us / 1000, tol_ms)
assert abs(med_locust - 50) <= tol_ms, "Locust median %s not within %.1f ms of 50" % (med_locust, tol_ms)
assert count == server and count > 100, "loadgen counted %d, server %d" % (count, server)
print("ok: median %.3f ms (Locust column %s) for a 50 ms delay; %d requests = server's %d" % (med_us / 1000, med_locust, count, server))
PYEOF
