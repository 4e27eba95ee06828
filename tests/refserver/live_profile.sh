#!/usr/bin/env bash
# live_profile.sh — refserver --profile-requests DIR with two workers: a few
# requests of several kinds (a login, so bcrypt > 0), SIGTERM, then
# `analyze profile --format csv DIR` must count each endpoint exactly and
# show bcrypt time on the login and database time on the reads. Also checks
# the file format itself: one requests-<pid>.csv per worker, the exact header,
# route patterns (never a raw path or query).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
ANALYZE="$LB_BIN_DIR/analyze"
[ -x "$ANALYZE" ] || { echo "FAIL: $ANALYZE not built"; exit 1; }
PROF="$RS_DIR/prof/sub"   # a missing folder: refserver creates the last level

mkdir -p "$RS_DIR/prof"
RS_QUIET="" rs_start --workers 2 --profile-requests "$PROF"
body=$(curl -s -X POST -d '{"username":"admin","password":"admin"}' "$RS_URL/api/v1/auth/login")
tok=$(echo "$body" | $PY -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
A=(-H "Authorization: Bearer $tok")
check "bad login" 401 "$(status -X POST -d '{"username":"admin","password":"nope"}' "$RS_URL/api/v1/auth/login")"
for i in 1 2 3; do status "${A[@]}" "$RS_URL/api/v1/logs?limit=$i&offset=$i" >/dev/null; done
for _ in 1 2; do status "${A[@]}" "$RS_URL/api/v1/attackers" >/dev/null; done
for _ in 1 2 3 4 5; do status "$RS_URL/healthz" >/dev/null; done
check "unknown path" 404 "$(status "$RS_URL/nope")"
check "no token" 401 "$(status "$RS_URL/api/v1/stats")"
# an SSE client that leaves after 1 s: how a stream normally ends, recorded too
curl -s -m 1 -o /dev/null "$RS_URL/api/v1/stream?token=$tok"
sleep 0.2
rs_stop
check "exit code" 0 "$RS_EXIT"

files=$(ls "$PROF"/requests-*.csv 2>/dev/null | wc -l)
check "one file per worker" 2 "$files"
hdr="timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us"
for f in "$PROF"/requests-*.csv; do check "header of $(basename "$f")" "$hdr" "$(head -1 "$f")"; done
check "rows in all files" 15 "$(cat "$PROF"/requests-*.csv | grep -vc '^timestamp_us')"
check "no query string in a route" 0 "$(cat "$PROF"/requests-*.csv | grep -c '?')"
check "summary lines" 2 "$(grep -c 'profile: [0-9]* request rows' "$RS_DIR/server.log")"

"$ANALYZE" profile --format csv "$PROF" >"$RS_DIR/rollup.csv" 2>"$RS_DIR/analyze.err"
check "analyze profile exit" 0 "$?"
cat "$RS_DIR/rollup.csv"
# count METHOD ROUTE -> requests column
count() { awk -F, -v m="$1" -v r="$2" '$1==m && $2==r {print $3}' "$RS_DIR/rollup.csv"; }
col() { awk -F, -v m="$1" -v r="$2" -v c="$3" 'NR==1{for(i=1;i<=NF;i++) if($i==c) k=i} $1==m && $2==r {print $k}' "$RS_DIR/rollup.csv"; }
check "login requests" 2 "$(count POST /api/v1/auth/login)"
check "logs requests" 3 "$(count GET /api/v1/logs)"
check "attackers requests" 2 "$(count GET /api/v1/attackers)"
check "healthz requests" 5 "$(count GET /healthz)"
check "stats requests (401)" 1 "$(count GET /api/v1/stats)"
check "unrouted requests" 1 "$(count GET '(no route)')"
check "stream requests" 1 "$(count GET /api/v1/stream)"
nz() { awk -v v="$1" 'BEGIN{print (v+0 > 0) ? "yes" : "no"}'; }
check "login bcrypt share > 0" yes "$(nz "$(col POST /api/v1/auth/login bcrypt_pct)")"
check "logs db share > 0" yes "$(nz "$(col GET /api/v1/logs db_pct)")"
check "attackers db share > 0" yes "$(nz "$(col GET /api/v1/attackers db_pct)")"
check "healthz has no db time" no "$(nz "$(col GET /healthz db_pct)")"

"$RS_BIN" --profile-requests "$RS_DIR/rs.db" --bind 127.0.0.1:0 --db "$RS_DIR/x.db" 2>"$RS_DIR/bad.log"
check "a file as profile folder exits 2" 2 "$?"
check "message names the option" 1 "$(grep -c -- '--profile-requests' "$RS_DIR/bad.log")"
rs_done
