#!/usr/bin/env bash
# common.sh — benchmark of the common/ stats core and Locust CSV reader.
#
# Prints, side by side in one run: ns per stats_set_record vs a bare counter
# increment; memory per entry; and streaming a generated 1,000,000-row
# _stats_history.csv with lc_read_stream (time, peak RSS) vs Python's csv
# module reading the same file. Build folder: $BUILD_DIR (default build).
# Numbers are noisy on a shared 2-core machine; read them as ratios.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
BIN=$BUILD_DIR/bin
ROWS=${ROWS:-1000000}
REQS=${REQS:-5000000}
for t in lc_bench; do
    [ -x "$BIN/$t" ] || { echo "build $t first (cmake --build $BUILD_DIR --target $t)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/lb-bench-common.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== recording cost ($REQS requests)"
"$BIN/lc_bench" record "$REQS"
echo "== entry memory"
"$BIN/lc_bench" entries
echo "== reporter fold (merge per-thread set into the shared one, reset it)"
"$BIN/lc_bench" merge
echo "== generating a $ROWS-row _stats_history.csv"
"$BIN/lc_bench" gen "$work/h.csv" "$ROWS"
ls -l "$work/h.csv" | awk '{printf "%.1f MB\n", $5/1e6}'
echo "== lc_read_stream"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "wall %e s, max RSS %M KiB (/usr/bin/time)" "$BIN/lc_bench" read "$work/h.csv"
else
    "$BIN/lc_bench" read "$work/h.csv"
fi
echo "== python3 csv.reader on the same file (reference)"
/usr/bin/python3 - "$work/h.csv" <<'PYEOF'
import csv, resource, sys, time
t = time.monotonic(); n = 0; s = 0.0
with open(sys.argv[1], newline="") as f:
    r = csv.reader(f); next(r)
    for row in r:
        n += 1; s += float(row[4])
dt = time.monotonic() - t
print("python csv: %d rows in %.3f s, %.0f rows/s, peak RSS %d KiB"
      % (n, dt, n / dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
PYEOF
