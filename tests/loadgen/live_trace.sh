#!/usr/bin/env bash
# live_trace.sh — loadgen --trace against refserver --tracing --trace-file:
# every request loadgen sent arrives with its own traceparent, so each server
# span continues a distinct trace as the child of a distinct caller span; and
# without --trace no request carries one. Skipped (exit 77) when this build
# has no working refserver.
source "$(dirname "$0")/lib.sh"
RS="$LB_BIN_DIR/refserver"
if [ ! -x "$RS" ] || ! "$RS" --help >/dev/null 2>&1; then
    echo "SKIP: no working refserver in $LB_BIN_DIR"
    exit 77
fi
# run_pair NAME [loadgen options] — a traced refserver, loadgen at /healthz
# for 2 s at 200 requests/s, SIGTERM (the flush writes every span), then the span summary.
run_pair() {
    local name=$1 port pid
    shift
    "$RS" --bind 127.0.0.1:0 --port-file "$T/$name.port" --db "$T/rs.db" --workers 1 \
        --bcrypt-cost 4 --tracing --trace-file "$T/$name.jsonl" >"$T/$name.rs.log" 2>&1 &
    pid=$!
    PIDS+=($pid)
    for _ in $(seq 1 100); do [ -s "$T/$name.port" ] && break; sleep 0.05; done
    [ -s "$T/$name.port" ] || fail "$name: refserver did not start: $(tail -3 "$T/$name.rs.log")"
    port=$(cat "$T/$name.port")   # no readiness request: every span is loadgen's
    "$LOADGEN" -u 4 -r 4 -t 2s --rate 200 --stop-timeout 2 --csv "$T/$name" --only-summary "$@" \
        "http://127.0.0.1:$port/healthz" 2>"$T/$name.err" || fail "$name: loadgen exit $?"
    kill -TERM "$pid"
    wait "$pid" || fail "$name: refserver exit $?"
}
summary() {  # FILE -> "spans with_parent distinct_traces distinct_parents"
    "$PY" - "$1" <<'PYEOF'
import json, sys
sp = [s for l in open(sys.argv[1]) if l.strip()
      for r in json.loads(l)["resourceSpans"] for ss in r["scopeSpans"] for s in ss["spans"]
      if s["kind"] == 2]
par = [s for s in sp if "parentSpanId" in s]
print(len(sp), len(par), len({s["traceId"] for s in sp}), len({s["parentSpanId"] for s in par}))
PYEOF
}

run_pair traced --trace
n=$(csv_field "$T/traced_stats.csv" Aggregated "Request Count")
[ "$n" -gt 10 ] || fail "traced: only $n requests"
read -r spans with_parent traces parents < <(summary "$T/traced.jsonl")
[ "$spans" -ge "$n" ] || fail "traced: $spans server spans for $n requests"
[ "$with_parent" = "$spans" ] || fail "traced: $with_parent of $spans spans have a parent"
[ "$traces" = "$spans" ] || fail "traced: $traces distinct traces for $spans requests"
[ "$parents" = "$spans" ] || fail "traced: $parents distinct parent ids for $spans requests"
ok "--trace: $n requests, $spans server spans, each a child in its own trace"

run_pair plain
read -r spans with_parent traces parents < <(summary "$T/plain.jsonl")
[ "$spans" -gt 10 ] || fail "plain: only $spans server spans"
[ "$with_parent" = 0 ] || fail "plain: $with_parent spans have a parent without --trace"
ok "without --trace: $spans server spans, none with a parent"
