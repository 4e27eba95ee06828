#!/usr/bin/env bash
# live_knobs.sh — the §5 switches change behaviour as documented: TTL caches
# on/off, the leak-on-disconnect fault mode draining the DB slots, the N+1
# attackers listing returning the same document, --tracing writing spans.
cd "$(dirname "$0")" && source ./lib.sh
jpy() { $PY -c 'import sys,json; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"; }
EVENT='{"decky":"decky-01","service":"ssh","event_type":"x","attacker_ip":"10.5.5.5"}'

# caches on (default): /stats is served from the 5 s cache right after an insert
rs_start --dataset decnet-2026-04 --workers 1
AUTH="Authorization: Bearer $(rs_token)"
before=$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/stats")" 'd["total_logs"]')
curl -s -o /dev/null -X POST -H "$AUTH" -d "$EVENT" "$RS_URL/api/v1/logs"
check "cached /stats is stale within its TTL" "$before" "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/stats")" 'd["total_logs"]')"
rs_stop

# --caches none: the insert is visible at once
RS_DB="$RS_DIR/nocache.db"
rs_start --dataset decnet-2026-04 --workers 1 --caches none --no-auth-user-cache --no-login-user-cache
AUTH="Authorization: Bearer $(rs_token)"
before=$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/stats")" 'd["total_logs"]')
curl -s -o /dev/null -X POST -H "$AUTH" -d "$EVENT" "$RS_URL/api/v1/logs"
check "uncached /stats sees the insert" "$((before + 1))" "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/stats")" 'd["total_logs"]')"
check "uncached logs total" "$((before + 1))" "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?limit=1")" 'd["total"]')"
rs_stop
check "--caches rejects unknown names" 2 "$("$RS_BIN" --caches stats,bogus --db "$RS_DIR/x.db" >/dev/null 2>&1; echo $?)"

# --leak-on-disconnect with 2 slots: two clients leaving mid-stream drain the pool;
# --db-checkout-timeout 0 fails at once (the waiting default: live_leak_wait.sh)
RS_DB="$RS_DIR/leak.db"
rs_start --dataset decnet-2026-04 --workers 1 --leak-on-disconnect --db-slots 2 --db-checkout-timeout 0
AUTH="Authorization: Bearer $(rs_token)"
check "leak mode serves while slots remain" 200 "$(status -H "$AUTH" "$RS_URL/api/v1/logs")"
for i in 1 2; do curl -s -o /dev/null --max-time 0.5 -H "$AUTH" "$RS_URL/api/v1/stream"; done
sleep 0.2
check "leak mode, checkout timeout 0: pool drained -> 500 at once" 500 "$(status --max-time 2 -H "$AUTH" "$RS_URL/api/v1/logs")"
check "leak mode: /healthz still up" 200 "$(status "$RS_URL/healthz")"
rs_stop

# without the fault mode the same disconnects leak nothing
RS_DB="$RS_DIR/noleak.db"
rs_start --dataset decnet-2026-04 --workers 1 --db-slots 2
AUTH="Authorization: Bearer $(rs_token)"
for i in 1 2 3; do curl -s -o /dev/null --max-time 0.5 -H "$AUTH" "$RS_URL/api/v1/stream"; done
sleep 0.2
check "no leak mode: still 200" 200 "$(status -H "$AUTH" "$RS_URL/api/v1/logs")"
rs_stop

# --n-plus-one returns the same attackers document as the join
RS_DB="$RS_DIR/default.db"
rs_start --workers 1 --dataset-logs 500 --dataset-attackers 40
AUTH="Authorization: Bearer $(rs_token)"
join=$(curl -s -H "$AUTH" "$RS_URL/api/v1/attackers?sort_by=active&limit=20")
rs_stop
rs_start --workers 1 --n-plus-one --tracing --trace-file "$RS_DIR/knobs-spans.jsonl"
AUTH="Authorization: Bearer $(rs_token)"
nplus=$(curl -s -H "$AUTH" "$RS_URL/api/v1/attackers?sort_by=active&limit=20")
rs_stop
check "n+1 attackers == join attackers" "$join" "$nplus"
check "default dataset attackers have behaviour" True "$(jpy "$join" 'd["total"] > 0 and all(a["behavior"] is not None for a in d["data"])')"
check "--tracing wrote spans to --trace-file" yes \
    "$([ -s "$RS_DIR/knobs-spans.jsonl" ] && echo yes || echo no)"
check "--help documents --tracing and --trace-file" 2 \
    "$("$RS_BIN" --help | grep -cE '^  --(tracing|trace-file) ')"
# --state-reads-on-pool: with the only pool thread busy on three queued cost-12
# bcrypt logins, an uncached /stats waits behind them (the seed's shared
# to_thread executor); without the knob it answers while they are hashing.
# Prints "queued" when /stats finished with the last login, "direct" when well
# before it.
order_of() {
    RS_DB="$RS_DIR/pool-$#.db"
    rs_start --workers 1 --bcrypt-cost 12 --pool-threads 1 --caches none --dataset-logs 100 "$@"
    $PY - "$RS_PORT" "$(rs_token)" <<'PYEOF'
import socket, sys, time
port, tok = int(sys.argv[1]), sys.argv[2]
body = b'{"username":"admin","password":"admin"}'
logins = []
for _ in range(3):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    logins.append(s)
time.sleep(0.15)
stats = socket.create_connection(("127.0.0.1", port))
stats.sendall(b"GET /api/v1/stats HTTP/1.1\r\nAuthorization: Bearer " + tok.encode() + b"\r\n\r\n")
done = []
for s in [stats] + logins:
    s.settimeout(20)
    data = s.recv(65536)
    done.append(time.monotonic())
    assert data.startswith(b"HTTP/1.1 200"), data[:60]
last = max(done[1:])
print("queued" if done[0] >= last - 0.01 else "direct" if done[0] < last - 0.05 else "unclear")
PYEOF
    rs_stop
}
check "state reads queue behind bcrypt with --state-reads-on-pool" queued "$(order_of --state-reads-on-pool)"
check "state reads do not wait for bcrypt by default" direct "$(order_of)"
rs_done
