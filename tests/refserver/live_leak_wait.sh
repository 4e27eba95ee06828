#!/usr/bin/env bash
# live_leak_wait.sh — the leak fault stalls like the seed's pool: once
# --leak-on-disconnect has lost every --db-slots slot, a DB-using request
# waits --db-checkout-timeout for a checkout and only then gets its 500;
# /healthz stays instant; a waiter whose client leaves is cleaned up (the
# ASan build checks that); the wait is the request's db phase and a
# db.pool.checkout span; SIGTERM answers waiters 503 at once instead of
# holding the drain for the timeout.
cd "$(dirname "$0")" && source ./lib.sh

# drain SLOTS: clients that read the start of the SSE stream and leave
# mid-request each leak one slot (what the scenario's stream task does)
drain_slots() {
    for _ in $(seq "$1"); do curl -s -o /dev/null --max-time 0.5 -H "$AUTH" "$RS_URL/api/v1/stream"; done
    sleep 0.2
}
# timed GET: "STATUS SECONDS"
timed() { curl -s -o "$RS_DIR/body" -w '%{http_code} %{time_total}' "$@"; }
ge() { $PY -c 'import sys; print("yes" if float(sys.argv[1]) >= float(sys.argv[2]) else "no: " + sys.argv[1])' "$1" "$2"; }
lt() { $PY -c 'import sys; print("yes" if float(sys.argv[1]) < float(sys.argv[2]) else "no: " + sys.argv[1])' "$1" "$2"; }

# --- 2 slots, 1 s checkout timeout, with both lenses on to see the wait
RS_DB="$RS_DIR/leak.db"
rs_start --dataset decnet-2026-04 --workers 1 --leak-on-disconnect --db-slots 2 \
    --db-checkout-timeout 1 --caches none --tracing --trace-file "$RS_DIR/spans.jsonl" \
    --profile-requests "$RS_DIR/prof"
AUTH="Authorization: Bearer $(rs_token)"
read -r st t <<<"$(timed -H "$AUTH" "$RS_URL/api/v1/logs")"
check "slots left: /logs 200" 200 "$st"
check "slots left: no wait" yes "$(lt "$t" 0.9)"
drain_slots 2

read -r st t <<<"$(timed -H "$AUTH" "$RS_URL/api/v1/logs")"
check "drained: /logs 500" 500 "$st"
check "drained: FastAPI's 500 body" '{"detail":"Internal Server Error"}' "$(cat "$RS_DIR/body")"
check "drained: the 500 came after the 1 s checkout timeout" yes "$(ge "$t" 1.0)"
check "drained: ... and not much later" yes "$(lt "$t" 3.0)"

# /stats with the caches off waits; /healthz does not touch the DB
curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$RS_URL/api/v1/stats" >"$RS_DIR/waiter.st" &
waiter=$!
RS_EXTRA_PIDS+=("$waiter")
sleep 0.2
read -r st t <<<"$(timed "$RS_URL/healthz")"
check "/healthz 200 while a request waits" 200 "$st"
check "/healthz instant while a request waits" yes "$(lt "$t" 0.5)"
wait "$waiter"
check "the waiting /stats got 500" 500 "$(cat "$RS_DIR/waiter.st")"

# a client that gives up while waiting: unparked at once; its deadline passes
# without touching it (a use-after-free would show in the ASan build's log)
curl -s -o /dev/null --max-time 0.3 -H "$AUTH" "$RS_URL/api/v1/logs"
curl -s -o /dev/null --max-time 0.3 -H "$AUTH" "$RS_URL/api/v1/logs?limit=5" &
RS_EXTRA_PIDS+=("$!")
sleep 0.1
read -r st t <<<"$(timed -H "$AUTH" "$RS_URL/api/v1/logs?limit=2")"
check "after two waiters left: the next one still waits and gets 500" "500 yes" "$st $(ge "$t" 1.0)"
sleep 0.3
check "/healthz after the abandoned deadlines" 200 "$(status "$RS_URL/healthz")"

# two pipelined requests on one connection: answered in order, each after its wait
pipe=$($PY - "$RS_PORT" "$AUTH" <<'PYEOF'
import socket, sys, time
port, auth = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port))
req = "GET /api/v1/logs HTTP/1.1\r\nHost: x\r\n%s\r\n\r\n" % auth
t0 = time.monotonic()
s.sendall((req + req).encode())
data = b""
s.settimeout(10)
while data.count(b"HTTP/1.1 ") < 2 or not data.endswith(b"}"):
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
el = time.monotonic() - t0
print(data.count(b"HTTP/1.1 500 "), "yes" if el >= 2.0 else "no: %.2f" % el)
PYEOF
)
check "pipelined pair: two 500s, the second after two waits" "2 yes" "$pipe"
rs_stop
check "exit 0 after serving waiters" 0 "$RS_EXIT"

# the wait is DB time: the profile row's db_us and a db.pool.checkout span
check "profile: the waited /logs 500 has >= 1 s of db time" yes "$($PY - "$RS_DIR/prof" <<'PYEOF'
import csv, glob, sys
rows = [r for f in glob.glob(sys.argv[1] + "/requests-*.csv") for r in csv.DictReader(open(f))]
w = [r for r in rows if r["route"] == "/api/v1/logs" and r["status"] == "500"]
ok = w and all(int(r["db_us"]) >= 999_000 and int(r["total_us"]) >= int(r["db_us"]) for r in w)
print("yes" if ok else "no: %r" % w)
PYEOF
)"
check "tracing: db.pool.checkout spans of >= 1 s under their request's span" yes "$($PY - "$RS_DIR/spans.jsonl" <<'PYEOF'
import json, sys
spans = []
for line in open(sys.argv[1]):
    for rs in json.loads(line)["resourceSpans"]:
        for ss in rs["scopeSpans"]:
            spans.extend(ss["spans"])
by_id = {s["spanId"]: s for s in spans}
waits = [s for s in spans if s["name"] == "db.pool.checkout"]
ok = len(waits) >= 3
for s in waits:
    d = int(s["endTimeUnixNano"]) - int(s["startTimeUnixNano"])
    p = by_id.get(s.get("parentSpanId", ""))
    ok = ok and d >= 999_000_000 and p is not None and p["kind"] == 2
print("yes" if ok else "no: %d waits" % len(waits))
PYEOF
)"

# --- SIGTERM while a request waits out a 30 s timeout: answered 503 at once
RS_DB="$RS_DIR/leak2.db"
RS_QUIET= rs_start --dataset decnet-2026-04 --workers 1 --leak-on-disconnect --db-slots 2 \
    --db-checkout-timeout 30
AUTH="Authorization: Bearer $(rs_token)"
drain_slots 2
curl -s -o "$RS_DIR/waiter.out" -D "$RS_DIR/waiter.hdr" -w '%{http_code}' -H "$AUTH" \
    "$RS_URL/api/v1/logs" >"$RS_DIR/waiter.st" &
waiter=$!
RS_EXTRA_PIDS+=("$waiter")
sleep 0.3
t0=$(date +%s.%N)
rs_stop
t1=$(date +%s.%N)
wait "$waiter"
check "SIGTERM with a parked waiter: exit within 2 s" yes "$(lt "$($PY -c "print($t1 - $t0)")" 2.0)"
check "SIGTERM with a parked waiter: exit 0" 0 "$RS_EXIT"
check "the waiter was answered 503" 503 "$(cat "$RS_DIR/waiter.st")"
check "... Server shutting down" '{"detail":"Server shutting down"}' "$(cat "$RS_DIR/waiter.out")"
check "... with Retry-After" 1 "$(grep -ci '^retry-after: 1' "$RS_DIR/waiter.hdr")"
check "the worker said so" 1 "$(grep -c 'request(s) waiting for a DB slot answered 503' "$RS_DIR/server.log")"

check "--help documents --db-checkout-timeout" 1 "$("$RS_BIN" --help | grep -c '^  --db-checkout-timeout S ')"
check "--db-checkout-timeout rejects a negative value" 2 \
    "$("$RS_BIN" --db-checkout-timeout -1 --db "$RS_DIR/x.db" >/dev/null 2>&1; echo $?)"
rs_done
