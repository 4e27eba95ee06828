#!/usr/bin/env bash
# refserver-callgrind.sh — instructions per request on refserver's request path, counted by
# callgrind (repeatable whatever else the machine is doing, unlike wall time).
#
# One worker, default dataset, bcrypt cost 4; one keep-alive curl sends 1,000 authenticated
# GETs (/logs?limit=50 at five offsets, /stats, /attackers?limit=20, /bounty, /logs/histogram)
# after one login. Only code under the connection's read callback (on_read: parse, route,
# auth, handler, store, reply, write) is counted, so start-up and seeding are left out.
#
#   BUILD_DIR (build)      the build to measure
#   BASE_BUILD_DIR         optional second build (e.g. a worktree of an older commit): measured
#                          the same way, side by side, with the ratio printed
#   CG_SERVER_ARGS         extra refserver options, e.g. "--caches none" (the TTL caches make
#                          the count depend on timing; with them off it repeats to ~0.1 %)
set -u
BUILD_DIR=${BUILD_DIR:-build}
for tool in valgrind curl python3; do
    command -v "$tool" >/dev/null || { echo "refserver-callgrind.sh: $tool not found" >&2; exit 2; }
done
T=$(mktemp -d "${TMPDIR:-/tmp}/rs-cg.XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
export REFSERVER_JWT_SECRET="bench-secret-0123456789abcdef0123456789abcdef"

measure() {   # measure BIN_DIR -> prints instructions per request
    local bin=$1 d
    d=$(mktemp -d "$T/run.XXXX")
    # shellcheck disable=SC2086
    valgrind --tool=callgrind --trace-children=yes --toggle-collect=on_read \
        --callgrind-out-file="$d/cg.%p" "$bin/refserver" --bind 127.0.0.1:0 \
        --port-file "$d/port" --db "$d/db" --workers 1 --bcrypt-cost 4 --quiet \
        ${CG_SERVER_ARGS:-} 2>"$d/log" &
    PID=$!
    for _ in $(seq 600); do [ -s "$d/port" ] && break; sleep 0.1; done
    [ -s "$d/port" ] || { echo "refserver did not start:" >&2; cat "$d/log" >&2; exit 1; }
    local port tok urls=()
    port=$(cat "$d/port")
    tok=$(curl -s -X POST -d '{"username":"admin","password":"admin"}' \
        "http://127.0.0.1:$port/api/v1/auth/login" |
        python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
    local u="http://127.0.0.1:$port/api/v1"
    for i in $(seq 200); do
        urls+=("$u/logs?limit=50&offset=$((i % 5))" "$u/stats" "$u/attackers?limit=20" "$u/bounty"
               "$u/logs/histogram")
    done
    curl -s --max-time 600 -H "Authorization: Bearer $tok" "${urls[@]}" >/dev/null
    kill -TERM "$PID"
    wait "$PID"
    PID=""
    local total=0 n f
    for f in "$d"/cg.*; do
        n=$(awk '/^(summary|totals):/ {print $2; exit}' "$f")
        total=$((total + ${n:-0}))
    done
    echo $((total / 1001))
}

echo "# refserver instructions per request (callgrind, on_read and below; 1,001 requests;" \
     "server args: ${CG_SERVER_ARGS:-none})"
new=$(measure "$BUILD_DIR/bin")
echo "$BUILD_DIR: $new instructions per request"
if [ -n "${BASE_BUILD_DIR:-}" ]; then
    base=$(measure "$BASE_BUILD_DIR/bin")
    echo "$BASE_BUILD_DIR: $base instructions per request"
    python3 -c "import sys; print('%s / %s: %.4f' % (sys.argv[1], sys.argv[2], int(sys.argv[3]) / int(sys.argv[4])))" \
        "$BUILD_DIR" "$BASE_BUILD_DIR" "$new" "$base"
fi
