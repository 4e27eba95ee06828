#!/usr/bin/env bash
# demo_live — `make demo`'s script end to end, small: refserver on a fresh SQLite file, loadgen
# with the default scenario, the four Locust CSVs + meta, and the report with its plots.
set -euo pipefail
out=$(mktemp -d /tmp/lb-demo-XXXXXX)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DEMO_OUT="$out" DEMO_USERS=40 DEMO_SPAWN_RATE=20 DEMO_RUN_TIME=5s LB_BIN_DIR="$LB_BIN_DIR" \
  bash "$LB_SOURCE_DIR/scripts/demo" >"$out.log" 2>&1 || { cat "$out.log"; rm -f "$out.log"; fail "demo exited non-zero"; }
rm -f "$out.log"

for f in run_stats.csv run_stats_history.csv run_failures.csv run_exceptions.csv run_meta.json \
         report/Performance-Story.md; do
  [ -s "$out/$f" ] || fail "missing or empty: $f"
done
agg=$(grep ',Aggregated,' "$out/run_stats.csv") || fail "no Aggregated row"
requests=$(echo "$agg" | cut -d, -f3)
failures=$(echo "$agg" | cut -d, -f4)
[ "$requests" -gt 100 ] || fail "only $requests requests"
[ "$failures" -eq 0 ] || fail "$failures failures against a healthy refserver"
ls "$out"/report/plots/*.png >/dev/null 2>&1 || fail "no plots in the report"
grep -q "$requests" <(tr -d , < "$out/report/Performance-Story.md") || fail "report does not show the run's request count"
echo "demo_live: $requests requests, 0 failures, report and plots written: 1 passed, 0 failed"
