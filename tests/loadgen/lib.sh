# lib.sh — helpers for loadgen's live tests (sourced). Each test gets its own
# temp dir, starts only its own processes and kills them by PID on exit.
set -euo pipefail
LB_BIN_DIR=${LB_BIN_DIR:-build/bin}
LOADGEN="$LB_BIN_DIR/loadgen"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
T=$(mktemp -d /tmp/lg-live.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]:-}"; do
        [ -n "$p" ] && kill "$p" 2>/dev/null || true
    done
    for p in "${PIDS[@]:-}"; do
        [ -n "$p" ] && wait "$p" 2>/dev/null || true
    done
    rm -rf "$T"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# start_server [args...] — the Python test server; sets PORT and URL.
start_server() {
    "$PY" "$HERE/../testserver.py" "$T/port" "$@" &
    PIDS+=($!)
    for _ in $(seq 1 100); do
        [ -s "$T/port" ] && break
        sleep 0.05
    done
    [ -s "$T/port" ] || fail "test server did not start"
    PORT=$(cat "$T/port")
    URL="http://127.0.0.1:$PORT"
    rm -f "$T/port"
}

# free_port — a loopback port nobody listens on (bound, then released).
free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# csv_field FILE NAME COLUMN — a cell of the row whose Name is NAME.
csv_field() {
    "$PY" - "$1" "$2" "$3" <<'PYEOF'
import csv, sys
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        if row["Name"] == sys.argv[2]:
            print(row[sys.argv[3]]); break
    else:
        sys.exit("no row named %r in %s" % (sys.argv[2], sys.argv[1]))
PYEOF
}
