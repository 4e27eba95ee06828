#!/usr/bin/env bash
# live_tracing.sh — refserver --tracing against a real OTLP/HTTP receiver on a
# free loopback port (tests/otel/otlp_receiver.py): requests with, without and
# with a malformed traceparent; trace_check.py checks the payload (OTLP shape,
# one SERVER span per request, parent links to the caller's span, SQLite /
# bcrypt / cache.refresh children inside their server span). The schedule
# delay is 60 s, so only the SIGTERM flush can deliver the spans: the test
# also checks that it delivered every one and that the exit summary says so.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

"$PY" "$HERE/../otel/otlp_receiver.py" --dir "$RS_DIR/bodies" --port-file "$RS_DIR/rport" \
    --max-seconds 50 2>"$RS_DIR/receiver.log" &
RS_EXTRA_PIDS+=($!)
for _ in $(seq 100); do [ -s "$RS_DIR/rport" ] && break; sleep 0.1; done
[ -s "$RS_DIR/rport" ] || { echo "FAIL: receiver did not start"; cat "$RS_DIR/receiver.log"; exit 1; }
export REFSERVER_OTEL_ENDPOINT="http://127.0.0.1:$(cat "$RS_DIR/rport")/v1/traces"
export OTEL_BSP_SCHEDULE_DELAY=60000

RS_QUIET="" rs_start --workers 1 --tracing

L_TID=4bf92f3577b34da6a3ce929d0e0e4736 L_SID=00f067aa0ba902b7
R_TID=0af7651916cd43dd8448eb211c80319c R_SID=b7ad6b7169203331
BAD_TID=11111111111111111111111111111111
n=0
body=$(curl -s -X POST -H "traceparent: 00-$L_TID-$L_SID-01" \
    -d '{"username":"admin","password":"admin"}' "$RS_URL/api/v1/auth/login"); n=$((n + 1))
tok=$(echo "$body" | $PY -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
A=(-H "Authorization: Bearer $tok")
check "stats with traceparent" 200 "$(status "${A[@]}" -H "traceparent: 00-$R_TID-$R_SID-01" "$RS_URL/api/v1/stats")"; n=$((n + 1))
check "stats again (cache hit)" 200 "$(status "${A[@]}" "$RS_URL/api/v1/stats")"; n=$((n + 1))
check "logs without traceparent" 200 "$(status "${A[@]}" "$RS_URL/api/v1/logs?limit=5")"; n=$((n + 1))
check "healthz, malformed traceparent" 200 \
    "$(status -H "traceparent: 00-$BAD_TID-XYZ0000000000000-01" "$RS_URL/healthz")"; n=$((n + 1))
check "unknown path" 404 "$(status "$RS_URL/nope")"; n=$((n + 1))
for _ in $(seq 20); do status "$RS_URL/healthz" >/dev/null; n=$((n + 1)); done

sleep 0.3
check "nothing exported before the schedule delay" 0 "$(ls "$RS_DIR/bodies" 2>/dev/null | grep -c '\.json$')"
rs_stop
check "exit code" 0 "$RS_EXIT"
"$PY" "$HERE/trace_check.py" "$RS_DIR/bodies" --requests "$n" --remote "$R_TID:$R_SID" \
    --login-remote "$L_TID:$L_SID" --bad-trace "$BAD_TID"
check "trace_check.py" 0 "$?"
summary=$(grep "tracing:" "$RS_DIR/server.log")
echo "$summary"
check "summary: nothing dropped" 1 "$(echo "$summary" | grep -c ' 0 dropped')"
exported=$(echo "$summary" | sed -n 's/.*tracing: \([0-9]*\) spans exported.*/\1/p')
got=$("$PY" -c 'import json,sys,glob
print(sum(len(s["spans"]) for f in glob.glob(sys.argv[1]+"/*.json") for r in json.load(open(f))["resourceSpans"] for s in r["scopeSpans"]))' "$RS_DIR/bodies")
check "spans received = spans the worker counted as exported" "$exported" "$got"

# a bad setting is a usage error in the master, not a crash loop of workers
OTEL_BSP_MAX_QUEUE_SIZE=abc "$RS_BIN" --tracing --bind 127.0.0.1:0 --db "$RS_DIR/x.db" \
    2>"$RS_DIR/bad.log"
check "bad OTEL_BSP value exits 2" 2 "$?"
check "message names the variable" 1 "$(grep -c OTEL_BSP_MAX_QUEUE_SIZE "$RS_DIR/bad.log")"
"$RS_BIN" --trace-file "$RS_DIR/t.jsonl" --bind 127.0.0.1:0 --db "$RS_DIR/x.db" 2>/dev/null
check "--trace-file without --tracing exits 2" 2 "$?"
REFSERVER_TRACING=maybe "$RS_BIN" --bind 127.0.0.1:0 --db "$RS_DIR/x.db" 2>/dev/null
check "REFSERVER_TRACING=maybe exits 2" 2 "$?"
rs_done
