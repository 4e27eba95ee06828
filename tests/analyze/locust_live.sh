#!/usr/bin/env bash
# locust_live.sh — analyze on real Locust 2.12.1 output (label live).
#
# Two tests/testserver.py on free 127.0.0.1 ports, one answering at once and one
# sleeping 25 ms per request; /usr/bin/locust runs headless against each for 14 s
# with --csv, in parallel. Then: table and compare read Locust's own _stats.csv,
# the gate passes a run against itself and fails the slow one naming p95_ms, and
# the report draws the over-time chart from Locust's _stats_history.csv.
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
LOCUST=/usr/bin/locust
[ -x "$LOCUST" ] || fail "$LOCUST not installed (python3-locust)"
pids=()   # our servers and not-yet-reaped locusts: reaped PIDs are dropped, never killed
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

cat >"$TMP/locustfile.py" <<'PYEOF'
from locust import HttpUser, task, constant
class Visitor(HttpUser):
    wait_time = constant(0.05)
    @task(3)
    def root(self):
        self.client.get("/ok")
    @task(1)
    def page(self):
        self.client.get("/ok?limit=10&offset=%d" % (self.environment.runner.stats.total.num_requests % 3))
PYEOF

for side in fast slow; do
  delay=0; [ $side = slow ] && delay=25
  "$PY" "$(dirname "$0")/../testserver.py" "$TMP/$side.port" --delay-ms=$delay 2>"$TMP/$side.server.log" & pids+=($!)
done
for side in fast slow; do
  for _ in $(seq 50); do [ -s "$TMP/$side.port" ] && break; sleep 0.1; done
  [ -s "$TMP/$side.port" ] || fail "$side server did not start"
done
for side in fast slow; do
  timeout 40 "$LOCUST" -f "$TMP/locustfile.py" --headless -u 4 -r 4 -t 14s --only-summary \
    -H "http://127.0.0.1:$(cat "$TMP/$side.port")" --csv "$TMP/$side" >"$TMP/$side.log" 2>&1 & pids+=($!)
done
wait "${pids[2]}" || true
wait "${pids[3]}" || true
pids=("${pids[0]}" "${pids[1]}")
for side in fast slow; do
  [ -s "$TMP/${side}_stats.csv" ] || { cat "$TMP/$side.log" >&2; fail "locust wrote no $side _stats.csv"; }
done

expect_rc 0 "$AZ" table --format csv "$TMP/fast_stats.csv" "$TMP/slow_stats.csv"
req=$(awk -F, 'NR == 2 { print $4 }' "$TMP/out")
[ "${req:-0}" -gt 50 ] || fail "fast run has only '$req' requests"; ok
expect_rc 0 "$AZ" compare --format csv --group-names "$TMP/fast_stats.csv" "$TMP/slow_stats.csv"
expect_out 'GET /ok?limit=*&offset=*:p95_ms_approx,'
expect_rc 0 "$AZ" gate --baseline "$TMP/fast_stats.csv" --candidate "$TMP/fast_stats.csv"
expect_out 'verdict: PASS'
expect_rc 1 "$AZ" gate --baseline "$TMP/fast_stats.csv" --candidate "$TMP/slow_stats.csv"
expect_out 'FAIL p95_ms: rose'
expect_out 'verdict: REGRESSION'

printf '[profile fast]\nfile = fast_stats.csv\n[profile slow]\nfile = slow_stats.csv\n[compare delay]\na = fast\nb = slow\n' \
  >"$TMP/runs.manifest"
expect_rc 0 "$AZ" report --manifest "$TMP/runs.manifest" --out "$TMP/report"
[ -s "$TMP/report/plots/history-fast.png" ] || fail "no history chart from Locust's history file"; ok
grep -qF '](plots/history-slow.png)' "$TMP/report/Performance-Story.md" || fail "history link"; ok
# Show the regression verdict in the test log: real numbers from a real run.
"$AZ" gate --baseline "$TMP/fast_stats.csv" --candidate "$TMP/slow_stats.csv" 2>/dev/null || true
done_checks
