# lib.sh — shared helpers for refserver's live tests (sourced, not run).
#
# rs_start ARGS...  starts build/bin/refserver on 127.0.0.1:0 with a temp DB
#                   (RS_QUIET= empty keeps the exit summary lines in server.log)
#                   and bcrypt cost 4; sets RS_PID, RS_PORT, RS_URL, RS_DIR.
# rs_stop           SIGTERM and wait; sets RS_EXIT to the server's exit code.
# rs_token          logs in as admin (finalising the password if needed).
# check NAME COND   counts a pass or prints the failure; rs_done exits 1 on any failure.
set -u
: "${LB_BIN_DIR:=${BUILD_DIR:-build}/bin}"
RS_BIN="$LB_BIN_DIR/refserver"
PY=/usr/bin/python3
RS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rs-live.XXXXXX")
RS_PID=""
RS_EXTRA_PIDS=()   # helper processes a test starts (killed on exit if still running)
PASS=0
FAIL=0
export REFSERVER_JWT_SECRET="live-test-secret-0123456789abcdef0123456789"
export REFSERVER_ADMIN_USER=admin REFSERVER_ADMIN_PASSWORD=admin

rs_cleanup() {
    for p in "${RS_EXTRA_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    if [ -n "$RS_PID" ] && kill -0 "$RS_PID" 2>/dev/null; then
        kill -TERM "$RS_PID" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$RS_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$RS_PID" 2>/dev/null
    fi
    rm -rf "$RS_DIR"
}
trap rs_cleanup EXIT

rs_start() {
    rm -f "$RS_DIR/port"
    "$RS_BIN" --bind 127.0.0.1:0 --port-file "$RS_DIR/port" --db "${RS_DB:-$RS_DIR/rs.db}" \
        --bcrypt-cost 4 ${RS_QUIET---quiet} "$@" 2>>"$RS_DIR/server.log" &
    RS_PID=$!
    for _ in $(seq 100); do
        [ -s "$RS_DIR/port" ] && break
        kill -0 "$RS_PID" 2>/dev/null || { echo "refserver died:"; cat "$RS_DIR/server.log"; exit 1; }
        sleep 0.05
    done
    [ -s "$RS_DIR/port" ] || { echo "refserver did not start"; cat "$RS_DIR/server.log"; exit 1; }
    RS_PORT=$(cat "$RS_DIR/port")
    RS_URL="http://127.0.0.1:$RS_PORT"
}

rs_stop() {
    kill -TERM "$RS_PID"
    RS_EXIT=0
    wait "$RS_PID" || RS_EXIT=$?
    RS_PID=""
}

rs_token() {
    local body tok must
    body=$(curl -s -X POST -d "{\"username\":\"admin\",\"password\":\"admin\"}" "$RS_URL/api/v1/auth/login")
    tok=$(echo "$body" | $PY -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
    must=$(echo "$body" | $PY -c 'import sys,json;print(json.load(sys.stdin)["must_change_password"])')
    if [ "$must" = "True" ]; then
        curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" \
            -d '{"old_password":"admin","new_password":"admin"}' "$RS_URL/api/v1/auth/change-password"
    fi
    echo "$tok"
}

# check NAME EXPECTED ACTUAL
check() {
    if [ "$2" = "$3" ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $1: expected [$2], got [$3]"
    fi
}

# status [curl args...] — HTTP status code only
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

rs_done() {
    # a sanitizer build reports into the server's stderr: any report fails the test
    if grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:" "$RS_DIR/server.log" 2>/dev/null; then
        FAIL=$((FAIL + 1))
        echo "FAIL: sanitizer report in the server log:"
        grep -E -A20 "ERROR: (Address|Leak)Sanitizer|runtime error:" "$RS_DIR/server.log" | head -60
    fi
    echo "$(basename "$0"): $PASS passed, $FAIL failed"
    [ "$FAIL" -eq 0 ]
}
