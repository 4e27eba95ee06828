#!/usr/bin/env bash
# live_attacks_api.sh — attacks on the API (issue 13), each a row of
# docs/RELIABILITY.md; prints "figure:" lines for that table.
#  3. crafted search values are 422 or searched, never 500; every 500 is logged
#  4. ingest parses timestamps strictly (ISO 8601 as pydantic) and normalises them
#  6. an unknown username costs a bcrypt check like a wrong password; failed
#     logins are throttled per IP and per username (429 + Retry-After), off
#     by --login-limit off; weak admin password / JWT secret warned at start
#  7. an SSE stream ends at its token's exp
cd "$(dirname "$0")" && source ./lib.sh
RS_QUIET= rs_start --dataset decnet-2026-04 --workers 1
tok=$(rs_token)
AUTH="Authorization: Bearer $tok"
enc() { $PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# --- 3: search values that used to build "$." or pass 64 bindings
words17="a b c d e f g h i j k l m n o p q"
words16="a b c d e f g h i j k l m n o p"
for s in '!:x' '-:1' "'\":x" ':x' '!!:' "$words17" "$words16" "$(printf 'w%.0s ' $(seq 200))"; do
    q=$(enc "$s")
    for path in "logs?search=$q" "logs/histogram?search=$q" \
                "logs?search=$q&start_time=2026-01-01&end_time=2027-01-01" \
                "stream?maxOutput=0&search=$q&token=$tok"; do
        code=$(status --max-time 5 -H "$AUTH" "$RS_URL/api/v1/$path")
        case $code in 200|422) check "search ${s:0:12} on ${path%%\?*}" ok ok ;;
                      *) check "search ${s:0:12} on ${path%%\?*}: 200 or 422" "200|422" "$code" ;; esac
    done
done
check "a key of punctuation is a plain word: found" 200 \
    "$(status -H "$AUTH" "$RS_URL/api/v1/logs?search=$(enc '!:x')")"
check "422 names the search" 1 "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=$(enc "$(printf 'w%.0s ' $(seq 200))")" | grep -c search)"

# --- 4: ingest timestamps
ingest() { curl -s -o "$RS_DIR/ing" -w '%{http_code}' -X POST -H "$AUTH" \
    -d "{\"decky\":\"d-ts\",\"service\":\"ssh\",\"event_type\":\"e\",\"attacker_ip\":\"10.9.9.9\",\"timestamp\":\"$1\"}" \
    "$RS_URL/api/v1/logs"; }
for bad in '2026-1-2T3:4:5' '2026-02-31T03:04:05junk' '2026-02-31T03:04:05' '2026-02-29T00:00:00' \
           '2026-04-17T24:00:00' '2026-04-17T21:60:00' '2026-04-17T21:03:61' '2026-04-17T21:03:11+25:00' \
           '2026-04-17T21:03:11.' '2026-04-17T21:03:11Zjunk' ' 2026-04-17T21:03:11' '20260417T210311' \
           '2026-04-17T21:03:11.1234567' ''; do
    check "timestamp '$bad' refused with 422" 422 "$(ingest "$bad")"
done
for good in '2026-04-17T21:03:11|2026-04-17T21:03:11' '2026-04-17 21:03:12|2026-04-17T21:03:12' \
            '2026-04-17t21:03:13Z|2026-04-17T21:03:13' '2026-04-17T23:03:14+02:00|2026-04-17T21:03:14' \
            '2026-04-17T20:33:15-00:30|2026-04-17T21:03:15' '2024-02-29T21:03:16.123456|2024-02-29T21:03:16' \
            '2026-04-17T21:03|2026-04-17T21:03:00' '2026-04-18T01:03:17+0400|2026-04-17T21:03:17' \
            '2026-04-17|2026-04-17T00:00:00' '2026-12-31T23:30:00-01:00|2027-01-01T00:30:00'; do
    in=${good%%|*} want=${good##*|}
    check "timestamp '$in' stored" 201 "$(ingest "$in")"
    id=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["ids"][0])' "$RS_DIR/ing")
    got=$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=decky:d-ts&limit=100" | \
        $PY -c 'import json,sys; d=json.load(sys.stdin)["data"]; print([r["timestamp"] for r in d if r["id"]=='"$id"'][0])')
    check "timestamp '$in' normalised" "$want" "$got"
done
check "histogram has no null bucket" 0 "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs/histogram?search=decky:d-ts" | grep -c '"time": *null')"

# --- 6: login hygiene
login() { status -X POST -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$RS_URL/api/v1/auth/login"; }
check "weak admin password warned" 1 "$(grep -c 'warning: the admin password is the default' "$RS_DIR/server.log")"
for i in 1 2 3 4 5 6 7 8 9 10; do check "wrong password $i: 401" 401 "$(login admin "nope$i")"; done
check "11th try: 429" 429 "$(login admin nope11)"
check "throttled even with the right password" 429 "$(login admin admin)"
curl -s -D "$RS_DIR/h" -o "$RS_DIR/b" -X POST -d '{"username":"admin","password":"x"}' "$RS_URL/api/v1/auth/login"
check "429 carries Retry-After" 1 "$(grep -ciE '^Retry-After: [0-9]+' "$RS_DIR/h")"
check "429 body names the limit" 1 "$(grep -c 'Too many failed login attempts' "$RS_DIR/b")"
check "per IP: another username from the same IP 429" 429 "$(login someone-else x)"
check "other routes unaffected" 200 "$(status -H "$AUTH" "$RS_URL/api/v1/stats")"
rs_stop

# with the limiter off the same attempts are all 401, and unknown usernames
# were checked against a dummy hash: a bcrypt job each, like a wrong password
: >"$RS_DIR/server.log"
REFSERVER_ADMIN_PASSWORD=a-long-admin-password RS_QUIET= rs_start --workers 1 --login-limit off
n401=0; for i in $(seq 15); do [ "$(login admin "nope$i")" = 401 ] && n401=$((n401 + 1)); done
check "--login-limit off: 15 failures, 15 x 401" 15 "$n401"
for i in 1 2 3; do check "unknown user $i: 401" 401 "$(login "ghost$i" x)"; done
check "no weak-config warning" 0 "$(grep -c 'warning: the admin password\|warning: the JWT secret' "$RS_DIR/server.log")"
rs_stop
jobs=$(sed -n 's/.*requests, cpu [0-9.]* s, bcrypt \([0-9]*\) jobs.*/\1/p' "$RS_DIR/server.log")
check "unknown usernames cost a bcrypt check (15 wrong + 3 unknown)" 18 "$jobs"
# a short JWT secret is warned about
: >"$RS_DIR/server.log"
REFSERVER_JWT_SECRET=short RS_QUIET= rs_start --workers 1
check "short JWT secret warned" 1 "$(grep -c 'warning: the JWT secret is shorter than 32 bytes' "$RS_DIR/server.log")"
rs_stop

# timing figure (not asserted): unknown vs known user, wrong password, bcrypt cost 10
RS_DB=$RS_DIR/timing.db rs_start --workers 1 --bcrypt-cost 10 --login-limit off
timing=$($PY - "$RS_PORT" <<'PYEOF'
import json, sys, time, urllib.request, urllib.error, statistics
port = int(sys.argv[1])
def t(user):
    body = json.dumps({"username": user, "password": "wrong"}).encode()
    t0 = time.perf_counter()
    try:
        urllib.request.urlopen("http://127.0.0.1:%d/api/v1/auth/login" % port, body)
    except urllib.error.HTTPError:
        pass
    return (time.perf_counter() - t0) * 1000
unknown, known = [], []
for i in range(9):                      # interleaved: the machine's load hits both alike
    unknown.append(t("ghost%d" % i))
    known.append(t("admin"))
unknown, known = statistics.median(unknown), statistics.median(known)
print("%.1f %.1f" % (unknown, known))
PYEOF
)
echo "figure: login timing at bcrypt cost 10, median of 9 interleaved: unknown user ${timing% *} ms, known user wrong password ${timing#* } ms"
rs_stop
RS_DB=$RS_DIR/rs.db

# --- 7: an SSE stream ends at its token's exp
rs_start --dataset decnet-2026-04 --workers 1
b64() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
uuid=$(sqlite3 "$RS_DIR/rs.db" "select uuid from users limit 1")
now=$(date +%s)
hp="$(b64 '{"alg":"HS256","typ":"JWT"}').$(b64 "{\"uuid\":\"$uuid\",\"exp\":$((now + 2)),\"iat\":$now}")"
short=$($PY -c 'import base64, hashlib, hmac, sys
sig = base64.urlsafe_b64encode(hmac.new(sys.argv[2].encode(), sys.argv[1].encode(), hashlib.sha256).digest()).rstrip(b"=")
print(sys.argv[1] + "." + sig.decode())' "$hp" "$REFSERVER_JWT_SECRET")
sse=$($PY - "$RS_PORT" "$short" <<'PYEOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(("GET /api/v1/stream?token=%s HTTP/1.1\r\n\r\n" % sys.argv[2]).encode())
out, end = b"", time.time() + 8       # the token dies after 2 s
state = "open"
while time.time() < end:
    s.settimeout(max(0.1, end - time.time()))
    try:
        d = s.recv(65536)
    except socket.timeout:
        break
    if not d:
        state = "closed"
        break
    out += d
print(state, b"200 OK" in out, b"0\r\n\r\n" in out)
PYEOF
)
check "stream with a 2 s token: served, then ended" "closed True True" "$sse"
check "server alive" 200 "$(status "$RS_URL/healthz")"
rs_stop

# --- every 500 is logged: naive mode on a database deleted under it
RS_DB=$RS_DIR/gone.db rs_start --workers 1 --db-mode naive
tok=$(rs_token)
rm -f "$RS_DIR/gone.db"
for i in 1 2 3; do check "query on a vanished database: 500 $i" 500 \
    "$(status -H "Authorization: Bearer $tok" "$RS_URL/api/v1/logs")"; done
rs_stop
check "each 500 logged" 3 "$(grep -c '/api/v1/logs -> 500' "$RS_DIR/server.log")"
rs_done
