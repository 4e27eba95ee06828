# lib.sh — shared setup for analyze's shell tests: paths, a private temp dir, checks.
# Sourced, not run. Tests get LB_BIN_DIR, LB_SHARED_DIR, LB_SOURCE_DIR from ctest.
set -euo pipefail
AZ=${LB_BIN_DIR:?LB_BIN_DIR not set}/analyze
SRC=${LB_SOURCE_DIR:?LB_SOURCE_DIR not set}
PROFILES=${LB_SHARED_DIR:?LB_SHARED_DIR not set}/decnet-profiles
GOLDEN=$SRC/tests/analyze/golden
TMP=$(mktemp -d "${TMPDIR:-/tmp}/az_test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
checks=0
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); }
# expect_rc WANT CMD... — run CMD, stdout to $TMP/out, stderr to $TMP/err, check the status.
expect_rc() {
  local want=$1; shift
  local rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  [ "$rc" -eq "$want" ] || { cat "$TMP/err" >&2; fail "exit $rc, want $want: $*"; }
  ok
}
# expect_err TEXT — the last command's stderr contains TEXT (fixed string).
expect_err() { grep -qF -- "$1" "$TMP/err" || { cat "$TMP/err" >&2; fail "stderr lacks '$1'"; }; ok; }
expect_out() { grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout lacks '$1'"; }; ok; }
done_checks() { echo "$(basename "$0"): $checks checks passed"; }

# make_run PREFIX RPS P95 FAILS [USERS] [SATURATED] — a small synthetic loadgen run:
# PREFIX_stats.csv, PREFIX_stats_history.csv (30 per-second Aggregated rows whose RPS
# and p95 jitter deterministically around the given values) and PREFIX_meta.json.
make_run() {
  local prefix=$1 rps=$2 p95=$3 fails=$4 users=${5:-50} sat=${6:-false}
  local req=$((rps * 30))
  {
    printf 'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%%,66%%,75%%,80%%,90%%,95%%,98%%,99%%,99.9%%,99.99%%,100%%\r\n'
    printf 'GET,/api/v1/logs?limit=10&offset=1,%d,%d,10,12.5,1.0,%d.0,47.0,%d.0,0.0,10,11,12,13,15,%d,%d,%d,%d,%d,%d\r\n' \
      $((req / 2)) "$fails" $((p95 * 2)) $((rps / 2)) "$p95" "$p95" "$p95" "$p95" "$p95" $((p95 * 2))
    printf 'GET,/api/v1/logs?limit=10&offset=2,%d,0,10,12.5,1.0,%d.0,47.0,%d.0,0.0,10,11,12,13,15,%d,%d,%d,%d,%d,%d\r\n' \
      $((req / 2)) $((p95 * 2)) $((rps / 2)) "$p95" "$p95" "$p95" "$p95" "$p95" $((p95 * 2))
    printf ',Aggregated,%d,%d,10,12.5,1.0,%d.0,47.0,%d.0,0.0,10,11,12,13,15,%d,%d,%d,%d,%d,%d\r\n' \
      "$req" "$fails" $((p95 * 2)) "$rps" "$p95" "$p95" "$p95" "$p95" "$p95" $((p95 * 2))
  } >"${prefix}_stats.csv"
  awk -v rps="$rps" -v p95="$p95" -v users="$users" 'BEGIN {
    printf "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%%,66%%,75%%,80%%,90%%,95%%,98%%,99%%,99.9%%,99.99%%,100%%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size\r\n"
    for (i = 0; i < 30; i++) {
      r = rps + (i * 7 % 11) - 5; p = p95 + (i * 5 % 7) - 3
      printf "%d,%d,,Aggregated,%.6f,0.000000,10,11,12,13,15,%d,%d,%d,%d,%d,%d,%d,0,10,12.5,1.0,%d.0,47.0\r\n", 1700000000 + i, users, r, p, p, p, p, p, p * 2, (i + 1) * rps, p * 2
    }
  }' >"${prefix}_stats_history.csv"
  printf '{"loadgen_version":"0.1.0","users":%d,"spawn_rate":10,"rate":null,"run_time_s":30,"threads":2,"scenario_hash":"s1","host":"http://127.0.0.1:9","tag":"t","saturated":%s}\n' \
    "$users" "$sat" >"${prefix}_meta.json"
}
