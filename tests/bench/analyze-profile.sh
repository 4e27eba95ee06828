#!/usr/bin/env bash
# analyze-profile.sh — benchmark of `analyze profile` (not a timed test: it prints, it
# does not assert).
#
# Side by side in one run, on ROWS generated per-request records (default 1,000,000, in
# two worker files, 12 endpoints):
#  1. `analyze profile --format csv`: wall time and peak RSS;
#  2. a Python rollup of the same files the way the seed's aggregate_requests.py worked
#     (csv.reader, every value kept per endpoint and phase, sorted for p50/p95);
#  3. Python's csv module merely reading the files (a floor for any Python rollup).
# Then the same for ROWS/10, to show memory following endpoints, not rows.
# Build folder: $BUILD_DIR (default build). The machine is small and shared: read ratios.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
AZ=$BUILD_DIR/bin/analyze
ROWS=${ROWS:-1000000}
PY=/usr/bin/python3
[ -x "$AZ" ] || { echo "build analyze first (cmake --build $BUILD_DIR --target analyze)" >&2; exit 2; }
work=$(mktemp -d /tmp/lb-bench-aprofile.XXXXXX)
trap 'rm -rf "$work"' EXIT
HDR=timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us

gen() {   # gen FILE ROWS SEED — endpoint mix and times vary deterministically per row
  awk -v rows="$2" -v seed="$3" -v h="$HDR" 'BEGIN { print h
    for (i = 0; i < rows; i++) {
      e = (i * 7 + seed) % 12; db = 50 + (i * 104729 + seed) % 4000; ser = 10 + (i * 31) % 300
      bc = e == 11 ? 40000 + (i * 13) % 9000 : 0
      tot = 15 + 30 + db + ser + 20 + bc + (i * 17) % 200
      printf "%d,%s,/api/v1/r%d,200,%d,15,30,%d,%d,%d,%d,20\n", 1700000000000000 + i,
        e == 11 ? "POST" : "GET", e, tot, i % 3 ? 0 : 4, db, bc, ser }
  }' >"$1"
}

pyroll='
import csv, sys
cols = ["total_us","parse_us","auth_us","cache_us","db_us","bcrypt_us","serialize_us","write_us"]
eps = {}
for p in sys.argv[1:]:
    with open(p, newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            vals = eps.setdefault((row[1], row[2]), [[] for _ in cols])
            for i in range(8):
                vals[i].append(int(row[4 + i]))
grand = sum(sum(v[0]) for v in eps.values())
out = []
for (m, route), v in eps.items():
    line = [m, route, len(v[0]), 100.0 * sum(v[0]) / grand]
    for col in v:
        s = sorted(col)
        n = len(s)
        line += [s[max(0, -(-n * 50 // 100) - 1)] / 1000, s[max(0, -(-n * 95 // 100) - 1)] / 1000]
    out.append((sum(v[0]), line))
for _, line in sorted(out, reverse=True):
    print(",".join(map(str, line)))
'
pyread='
import csv, sys
n = 0
for p in sys.argv[1:]:
    with open(p, newline="") as f:
        for row in csv.reader(f):
            n += 1
'

measure() {   # measure LABEL CMD... — prints "seconds KiB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null
  read -r sec kib <"$work/t"
  printf '%-44s %7.2f s %8.1f MiB\n' "$label" "$sec" "$(awk -v k="$kib" 'BEGIN{print k/1024}')"
  echo "$sec $kib" >"$work/last"
}

for rows in "$ROWS" $((ROWS / 10)); do
  d=$work/d$rows; mkdir -p "$d"
  gen "$d/requests-1001.csv" $((rows / 2)) 1
  gen "$d/requests-1002.csv" $((rows - rows / 2)) 5
  mb=$(du -cm "$d"/requests-*.csv | tail -1 | cut -f1)
  echo "== $rows records in 2 files ($mb MB), 12 endpoints"
  measure "analyze profile --format csv" "$AZ" profile --format csv "$d"; read -r a_s a_k <"$work/last"
  measure "python rollup (seed style, values kept)" "$PY" -c "$pyroll" "$d"/requests-*.csv; read -r p_s p_k <"$work/last"
  measure "python csv.reader, reading only" "$PY" -c "$pyread" "$d"/requests-*.csv; read -r r_s _ <"$work/last"
  awk -v a="$a_s" -v p="$p_s" -v r="$r_s" -v ak="$a_k" -v pk="$p_k" -v n="$rows" 'BEGIN {
    printf "analyze: %.2f M records/s; time vs python rollup %.2fx, vs python read-only %.2fx; RSS vs python rollup %.3fx\n",
      (a > 0 ? n / a / 1e6 : 0), (p > 0 ? a / p : 0), (r > 0 ? a / r : 0), ak / pk }'
  rm -rf "$d"
done
