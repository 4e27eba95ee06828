#!/usr/bin/env bash
# otlp_receiver_live.sh — live test of the tracing lens: otel-driver exports a
# small trace to a real HTTP receiver on a free loopback port (and then to a
# trace file); otlp_check.py checks the payloads against the OTLP JSON shape
# (resource, scope, spans, ids, parent links, timestamps). Also checks that an
# endpoint answering HTTP 500 makes the export fail and be reported.
set -euo pipefail
SRC=${LB_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${LB_BIN_DIR:-$SRC/build/bin}
PY=/usr/bin/python3
HERE=$SRC/tests/otel
DRIVER=$BIN/otel-driver
[ -x "$DRIVER" ] || { echo "FAIL: $DRIVER not built"; exit 1; }

work=$(mktemp -d)
rpid=""
cleanup() {
    if [ -n "$rpid" ]; then kill "$rpid" 2>/dev/null || true; wait "$rpid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

$PY "$HERE/otlp_receiver.py" --dir "$work/bodies" --port-file "$work/port" --max-seconds 50 \
    2>"$work/receiver.log" &
rpid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "FAIL: receiver did not start"; cat "$work/receiver.log"; exit 1; }
port=$(cat "$work/port")
echo "receiver pid $rpid on 127.0.0.1:$port"

# 1. HTTP: a remote parent, 11 spans, batches of 4 -> at least 3 POSTs.
remote_tid=0af7651916cd43dd8448eb211c80319c
remote_sid=b7ad6b7169203331
OTEL_BSP_MAX_EXPORT_BATCH_SIZE=4 REFSERVER_OTEL_ENDPOINT="http://127.0.0.1:$port/v1/traces" \
    "$DRIVER" --traceparent "00-$remote_tid-$remote_sid-01" --extra 6 >"$work/http.out"
cat "$work/http.out"
root_tp=$(sed -n 's/^traceparent=//p' "$work/http.out")
case "$root_tp" in
00-$remote_tid-*-01) ;;
*) echo "FAIL: root traceparent $root_tp does not continue trace $remote_tid"; exit 1 ;;
esac
for f in "$work"/bodies/*.ctype; do
    [ "$(cat "$f")" = "application/json" ] || { echo "FAIL: $f: Content-Type $(cat "$f")"; exit 1; }
done
$PY "$HERE/otlp_check.py" --service otel-driver --spans 11 --min-docs 3 \
    --traceparent "$root_tp" --remote-parent "$remote_sid" "$work"/bodies/*.json

# 2. File exporter: a new trace, 5 spans, one JSON line per batch.
"$DRIVER" --file "$work/traces.jsonl" >"$work/file.out"
cat "$work/file.out"
root_tp=$(sed -n 's/^traceparent=//p' "$work/file.out")
$PY "$HERE/otlp_check.py" --jsonl --service otel-driver --spans 5 --traceparent "$root_tp" \
    "$work/traces.jsonl"

# 2b. The same chosen from the environment: REFSERVER_OTEL_ENDPOINT=file:///path.
REFSERVER_OTEL_ENDPOINT="file://$work/env.jsonl" "$DRIVER" >"$work/env.out"
root_tp=$(sed -n 's/^traceparent=//p' "$work/env.out")
$PY "$HERE/otlp_check.py" --jsonl --service otel-driver --spans 5 --traceparent "$root_tp" \
    "$work/env.jsonl"

# 2c. Four processes appending to one trace file (as refserver workers would):
# every line must still be one whole JSON document, and no span lost.
pids=()
for i in 1 2 3 4; do
    # A queue big enough for the burst: this case is about sharing the file, not drops.
    OTEL_BSP_MAX_QUEUE_SIZE=8192 OTEL_BSP_MAX_EXPORT_BATCH_SIZE=64 \
        "$DRIVER" --file "$work/shared.jsonl" --extra 3000 \
        >"$work/shared.$i.out" &
    pids+=($!)
done
for p in "${pids[@]}"; do
    wait "$p" || { cat "$work"/shared.*.out; echo "FAIL: a concurrent driver failed"; exit 1; }
done
$PY - "$work/shared.jsonl" 4 3005 <<'PY'
import json, sys
path, procs, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
traces = {}
with open(path) as f:
    for n, line in enumerate(f, 1):
        try:
            doc = json.loads(line)
        except ValueError as e:
            sys.exit("FAIL: %s:%d is not one JSON document (%s)" % (path, n, e))
        for rs in doc["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                for sp in ss["spans"]:
                    traces[sp["traceId"]] = traces.get(sp["traceId"], 0) + 1
if sorted(traces.values()) != [per] * procs:
    sys.exit("FAIL: spans per trace %s, want %d x %d" % (sorted(traces.values()), procs, per))
print("shared file: %d lines, %d traces of %d spans each" % (n, procs, per))
PY

# 3. A collector that answers 500: the driver must report the failed export.
set +e
REFSERVER_OTEL_ENDPOINT="http://127.0.0.1:$port/v1/fail" "$DRIVER" >"$work/fail.out" 2>"$work/fail.err"
rc=$?
set -e
cat "$work/fail.out" "$work/fail.err"
[ "$rc" -eq 1 ] || { echo "FAIL: driver exit $rc against a failing collector, want 1"; exit 1; }
grep -q "dropped=5" "$work/fail.out" || { echo "FAIL: the 5 spans were not counted as dropped"; exit 1; }
grep -q "HTTP 500" "$work/fail.err" || { echo "FAIL: the error does not say HTTP 500"; exit 1; }
echo "PASS: OTLP/HTTP and file export checked"
