#!/usr/bin/env bash
# tracing.sh — what the tracing and per-request-profiling lenses cost on our
# stack, measured the way the seed's §4 table measured tracing ON vs OFF: the
# same load against the same server configuration, one switch changed, side
# by side in one run.
#
# refserver: 2 workers, unpinned, dataset decnet-2026-04, fresh database per
# run. loadgen: scenario decnet (one shared token), $USERS users, spawn
# $SPAWN/s, $SECS s, on the same cores. Three runs in this order:
#   off      no lens
#   tracing  --tracing, spans to a file sink (--trace-file; the exporter does
#            the same batching and JSON encoding as for a collector, minus the
#            loopback POST)
#   profile  --profile-requests DIR
# Then `analyze compare` off->tracing and off->profile (requests, p50, p95,
# p99, avg, RPS with deltas) and each worker's lens summary line (spans
# exported/dropped, profile rows). Build folder: $BUILD_DIR (default build).
# A 2-core machine shared with other builds is noisy: one run per lens is one
# sample; rerun before believing a delta of a few percent.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
BIN=$BUILD_DIR/bin
USERS=${USERS:-500}
SPAWN=${SPAWN:-200}
SECS=${SECS:-20}
PY=/usr/bin/python3
for t in refserver loadgen analyze; do
    [ -x "$BIN/$t" ] || { echo "build $t first (cmake --build $BUILD_DIR)" >&2; exit 2; }
done
T=$(mktemp -d /tmp/lb-bench-tracing.XXXXXX)
RS_PID=""
cleanup() {
    if [ -n "$RS_PID" ]; then kill -TERM "$RS_PID" 2>/dev/null || true; wait "$RS_PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT
export REFSERVER_JWT_SECRET=bench-tracing-secret-0123456789abcdef0123456789

# run NAME [refserver options] — one measured run; CSVs in $T/NAME_*.csv
run() {
    local name=$1
    shift
    rm -f "$T/port" "$T/db"*
    "$BIN/refserver" --bind 127.0.0.1:0 --port-file "$T/port" --db "$T/db" --workers 2 \
        --dataset decnet-2026-04 "$@" 2>"$T/$name.rs.log" &
    RS_PID=$!
    for _ in $(seq 400); do [ -s "$T/port" ] && break; sleep 0.05; done
    [ -s "$T/port" ] || { echo "refserver did not start:" >&2; cat "$T/$name.rs.log" >&2; exit 1; }
    echo "  $name: running ${SECS}s ($(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg))" >&2
    "$BIN/loadgen" -f decnet -u "$USERS" -r "$SPAWN" -t "${SECS}s" --stop-timeout 5 \
        -H "http://127.0.0.1:$(cat "$T/port")" --csv "$T/$name" --only-summary \
        >"$T/$name.lg.log" 2>&1 || true   # failures show in the table
    kill -TERM "$RS_PID"
    wait "$RS_PID" || echo "  $name: refserver exit $?" >&2
    RS_PID=""
}

echo "# tracing tax ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "# refserver --workers 2, dataset decnet-2026-04; loadgen -f decnet -u $USERS -r $SPAWN -t ${SECS}s"
run off
run tracing --tracing --trace-file "$T/spans.jsonl"
run profile --profile-requests "$T/prof"

echo
echo "## tracing OFF (A) vs ON (B), spans to a file"
"$BIN/analyze" compare --top 0 "$T/off_stats.csv" "$T/tracing_stats.csv"
grep -h "tracing:" "$T/tracing.rs.log" | sed 's/^/    /'
ls -l "$T/spans.jsonl" | awk '{printf "    span file: %.1f MB\n", $5/1e6}'
echo
echo "## --profile-requests OFF (A) vs ON (B)"
"$BIN/analyze" compare --top 0 "$T/off_stats.csv" "$T/profile_stats.csv"
grep -h "profile:" "$T/profile.rs.log" | sed 's/^/    /'
echo
echo "## loadgen saturation warnings (off / tracing / profile)"
for n in off tracing profile; do printf '  %s: %s\n' "$n" "$(grep -c SATURATED "$T/$n.lg.log" || true)"; done
