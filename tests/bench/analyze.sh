#!/usr/bin/env bash
# analyze.sh — benchmark of analyze (not a timed test: it prints, it does not assert).
#
# Side by side in one run:
#  1. the nine original profiles to the headline table (`analyze table --format csv`)
#     and one comparison, mean of N runs, against Python's csv module merely reading
#     the same nine files (a reference, not a competitor);
#  2. a generated 1,000,000-row _stats_history.csv read by `analyze report` (plots
#     disabled so only reading and the report count): wall time and peak RSS, for an
#     Aggregated-only history (every row kept) and a full history (1 row in 101 kept),
#     against Python's csv module reading the same file; and the gate on the
#     Aggregated-only run against itself (two histories, U test over 2 x 1M windows).
# Build folder: $BUILD_DIR (default build). Shared folder: $LB_SHARED_DIR (default
# ../shared from the repo root). The machine is small and shared: read ratios.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null || (cd "$(dirname "$0")/../.." && pwd))
BUILD_DIR=${BUILD_DIR:-build}
AZ=$BUILD_DIR/bin/analyze
SHARED=${LB_SHARED_DIR:-$root/../shared}
P=$SHARED/decnet-profiles
N=${N:-20}
ROWS=${ROWS:-1000000}
[ -x "$AZ" ] || { echo "build analyze first (cmake --build $BUILD_DIR --target analyze)" >&2; exit 2; }
work=$(mktemp -d /tmp/lb-bench-analyze.XXXXXX)
trap 'rm -rf "$work"' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
files=("$P"/*.csv)

echo "== nine profiles -> headline table, mean of $N runs"
t0=$(now_ms)
for _ in $(seq "$N"); do "$AZ" table --format csv "${files[@]}" >/dev/null; done
t_table=$(( ($(now_ms) - t0) ))
t0=$(now_ms)
for _ in $(seq "$N"); do
  "$AZ" compare --format csv "$P/profile_1500_fb69a06.csv" "$P/profile_1500_notracing_fb69a06.csv" >/dev/null 2>&1
done
t_cmp=$(( ($(now_ms) - t0) ))
t0=$(now_ms)
for _ in $(seq "$N"); do
  /usr/bin/python3 -c '
import csv, sys
for p in sys.argv[1:]:
    with open(p, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    agg = [r for r in rows if len(r) > 1 and r[1] == "Aggregated"]
' "${files[@]}"
done
t_py=$(( ($(now_ms) - t0) ))
awk -v a="$t_table" -v c="$t_cmp" -v p="$t_py" -v n="$N" 'BEGIN {
  printf "analyze table (9 files):          %6.1f ms per run\n", a / n
  printf "analyze compare (2 x 500 rows):   %6.1f ms per run\n", c / n
  printf "python3 csv, just reading 9 files: %5.1f ms per run (interpreter start included)\n", p / n
  printf "ratio table / python read:        %6.2f\n", a / p }'

gen() {   # gen FILE ROWS ENDPOINTS — history rows: ENDPOINTS entries then Aggregated per second
  awk -v rows="$2" -v eps="$3" 'BEGIN {
    printf "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%%,66%%,75%%,80%%,90%%,95%%,98%%,99%%,99.9%%,99.99%%,100%%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size\r\n"
    n = 0; t = 1700000000
    while (n < rows) {
      for (e = 0; e < eps && n < rows; e++) {
        printf "%d,500,GET,/api/v1/e%d,%.6f,0.000000,10,11,12,13,15,%d,30,40,50,60,70,%d,0,10,12.5,1.0,70.0,47.0\r\n", t, e, 100 + (n % 7), 20 + (n % 5), (t - 1700000000 + 1) * 100; n++
      }
      if (n < rows) {
        printf "%d,500,,Aggregated,%.6f,0.000000,10,11,12,13,15,%d,30,40,50,60,70,%d,0,10,12.5,1.0,70.0,47.0\r\n", t, 1000 + (n % 13), 20 + (n % 5), (t - 1700000000 + 1) * 1000; n++
      }
      t++
    }
  }' >"$1"
}
stats_for() {   # a _stats.csv so the history has a run to belong to
  printf 'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%%,66%%,75%%,80%%,90%%,95%%,98%%,99%%,99.9%%,99.99%%,100%%\r\n,Aggregated,1000,0,10,12.5,1.0,70.0,47.0,1000.0,0.0,10,11,12,13,15,22,30,40,50,60,70\r\n' >"$1"
}
for kind in aggregated full; do
  eps=0; [ "$kind" = full ] && eps=100
  echo "== $ROWS-row _stats_history.csv ($kind: $([ $eps = 0 ] && echo 'every row is Aggregated' || echo "$eps endpoints + Aggregated per second"))"
  gen "$work/${kind}_stats_history.csv" "$ROWS" "$eps"
  stats_for "$work/${kind}_stats.csv"
  printf '[profile %s]\nfile = %s_stats.csv\n' "$kind" "$kind" >"$work/$kind.manifest"
  ls -l "$work/${kind}_stats_history.csv" | awk '{printf "file: %.1f MB\n", $5/1e6}'
  /usr/bin/time -f "analyze report: wall %e s, max RSS %M KiB" \
    "$AZ" report --manifest "$work/$kind.manifest" --out "$work/out-$kind" --gnuplot /bin/false 2>&1 \
    | grep -v '^analyze report: \(\[\|writing\|wrote\|warning\)'
  grep -o '[0-9]* per-second rows over [0-9]* s' "$work/out-$kind/Performance-Story.md" | sed 's/^/kept: /'
  if [ "$kind" = aggregated ]; then   # the gate reads it on both sides and ranks 2 x 1M windows
    /usr/bin/time -f "analyze gate (run vs itself): wall %e s, max RSS %M KiB" \
      "$AZ" gate --baseline "$work/${kind}_stats.csv" --candidate "$work/${kind}_stats.csv" 2>&1 \
      | grep -E '^analyze gate \(|^verdict'
  fi
  /usr/bin/time -f "python3 csv.reader (read only): wall %e s, max RSS %M KiB" /usr/bin/python3 -c '
import csv, sys
n = 0
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        n += 1
' "$work/${kind}_stats_history.csv" 2>&1
  rm -f "$work/${kind}_stats_history.csv"
done
