#!/usr/bin/env bash
# golden.sh — `analyze table/compare --format csv` on the nine original profiles, byte for byte.
# The expected files were checked by hand against the seed's headline table
# (shared/docs/seed/Performance-Story.md): every Aggregated value matches, and the
# tracing ON/OFF deltas are the story's +19% requests, -51% p50, +13% RPS.
source "$(dirname "$0")/lib.sh"
P=$PROFILES
golden() {   # golden NAME CMD... — stdout of CMD must equal golden/NAME
  local name=$1; shift
  "$@" >"$TMP/$name" 2>"$TMP/err" || { cat "$TMP/err" >&2; fail "$name: exit $?"; }
  diff -u "$GOLDEN/$name" "$TMP/$name" >&2 || fail "$name differs from the golden file"
  ok
}
golden table_manifest.csv "$AZ" table --format csv --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P"
golden table_files.csv "$AZ" table --format csv "$P/profile_1500_fb69a06.csv" \
  "$P/profile_1500_notracing_fb69a06.csv" "$P/profile_e967aaa.csv"
golden compare_tracing.csv "$AZ" compare --format csv "$P/profile_1500_fb69a06.csv" \
  "$P/profile_1500_notracing_fb69a06.csv"
golden compare_single_core.csv "$AZ" compare --format csv \
  "$P/profile_1500_notracing_12_workers_fb69a06.csv" "$P/profile_1500_notracing_single_core_fb69a06.csv"
golden compare_turnaround_grouped.csv "$AZ" compare --format csv --group-names \
  "$P/profile_3106d0313507f016_locust.csv" "$P/profile_fb69a06.csv"

# The header is exactly the documented one, and the story's derived numbers hold in what
# analyze printed (each golden() call left its output in $TMP/NAME).
[ "$(head -1 "$TMP/table_manifest.csv")" = "profile,users,config,requests,fails,p50_ms,p95_ms,p99_ms,avg_ms,rps" ] || fail "table header"; ok
[ "$(head -1 "$TMP/compare_tracing.csv")" = "metric,a,b,delta_pct" ] || fail "compare header"; ok
grep -qx 'requests,232648,277214,19.16' "$TMP/compare_tracing.csv" || fail "tracing requests +19%"; ok
grep -qx 'p50_ms,690,340,-50.72' "$TMP/compare_tracing.csv" || fail "tracing p50 -51%"; ok
grep -qx 'rps,880.4,992.7,12.76' "$TMP/compare_tracing.csv" || fail "tracing rps +13%"; ok
grep -qx 'rps,1585.1,46.2,-97.09' "$TMP/compare_single_core.csv" || fail "single core rps"; ok

# Markdown: thousands separators, signed deltas; same input, same bytes.
expect_rc 0 "$AZ" table --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P"
expect_out '| `profile_1500_notracing_12_workers_fb69a06` | 1500 | tracing OFF, 12 uvicorn workers | 308,024 | 0 | 700 | 2,700 | 4,200 | 929.88 | 1,585.1 |'
cp "$TMP/out" "$TMP/md1"
expect_rc 0 "$AZ" table --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P"
cmp -s "$TMP/md1" "$TMP/out" || fail "table output not reproducible"; ok
expect_rc 0 "$AZ" compare "$P/profile_1500_fb69a06.csv" "$P/profile_1500_notracing_fb69a06.csv"
expect_out '| requests | 232,648 | 277,214 | +19.2% |'
expect_out '| p50_ms | 690 | 340 | -50.7% |'
expect_out 'Per endpoint (20 of 500'
expect_err 'has 500 unique request names'
expect_rc 0 "$AZ" compare --group-names --top 0 "$P/profile_1500_fb69a06.csv" "$P/profile_1500_notracing_fb69a06.csv"
expect_out '`GET /api/v1/logs?limit=*&offset=*` |'
expect_out '~'
done_checks
