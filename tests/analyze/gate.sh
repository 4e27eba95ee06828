#!/usr/bin/env bash
# gate.sh — `analyze gate` end to end on synthetic loadgen runs: pass, regression with a
# significance test, failures, refusal of incomparable runs, saturation warnings.
source "$(dirname "$0")/lib.sh"
make_run "$TMP/base" 1000 100 0
make_run "$TMP/same" 1000 100 0
make_run "$TMP/slow" 700 100 0             # RPS -30%
make_run "$TMP/fails" 1000 100 5           # 5 failures where the baseline had none
make_run "$TMP/tail" 1000 150 0            # p95 +50%
make_run "$TMP/other" 1000 100 0 60        # 60 users instead of 50
make_run "$TMP/sat" 1000 100 0 50 true     # saturated load generator

expect_rc 0 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/same_stats.csv"
expect_out 'significance: Mann-Whitney U over per-second history windows'
expect_out 'verdict: PASS'

expect_rc 1 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/slow_stats.csv"
expect_out 'FAIL rps: dropped 30% (limit 10%), significant (p='
expect_out '| rps | 1,000 | 700 | -30.0% | drop > 10% |'
expect_out 'verdict: REGRESSION'

# A looser limit lets the same drop pass.
expect_rc 0 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/slow_stats.csv" --max-rps-drop 30
expect_out 'verdict: PASS'

expect_rc 1 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/tail_stats.csv"
expect_out 'FAIL p95_ms: rose 50%'
grep -q 'FAIL rps' "$TMP/out" && fail "rps should not fail"; ok

expect_rc 1 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/fails_stats.csv"
expect_out 'FAIL new_fails: candidate has 5 failures, baseline had none'
expect_rc 0 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/fails_stats.csv" --allow-new-failures
expect_rc 1 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/fails_stats.csv" \
  --allow-new-failures --max-fail-ratio 0.0001
expect_out 'FAIL fail_ratio'

# Several runs per side, web-UI tables without history: U over the runs.
P=$PROFILES
expect_rc 0 "$AZ" gate --baseline "$P/profile_fb69a06.csv" --baseline "$P/profile_e967aaa.csv" \
  --candidate "$P/profile_1500_fb69a06.csv" --candidate "$P/profile_1500_notracing_fb69a06.csv"
expect_out 'significance: Mann-Whitney U over the runs'
expect_out 'not significant'
# One run per side without history: the thresholds alone decide.
expect_rc 1 "$AZ" gate --baseline "$P/profile_1500_notracing_12_workers_fb69a06.csv" \
  --candidate "$P/profile_1500_notracing_single_core_fb69a06.csv"
expect_out 'thresholds alone decide'
expect_out 'FAIL rps: dropped 97.09%'
expect_out 'FAIL p95_ms'
expect_out 'FAIL p99_ms'

# Refusals and warnings.
expect_rc 2 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/other_stats.csv"
expect_err "runs are not comparable: $TMP/base_stats.csv and $TMP/other_stats.csv: 'users' differs (50 vs 60)"
expect_rc 0 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/sat_stats.csv"
expect_out "WARNING candidate run $TMP/sat_stats.csv: the load generator was saturated"
printf '{"users": 50,\n broken' >"$TMP/same_meta.json"
expect_rc 2 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/same_stats.csv"
expect_err "$TMP/same_meta.json:2:"
expect_rc 2 "$AZ" gate --baseline "$TMP/base_stats.csv"
expect_err 'needs at least one --baseline and one --candidate'
expect_rc 2 "$AZ" gate --baseline "$TMP/base_stats.csv" --candidate "$TMP/slow_stats.csv" --max-rps-drop -5
expect_err "option --max-rps-drop: '-5' is not a non-negative number"
expect_rc 2 "$AZ" gate --baseline "$TMP/missing_stats.csv" --candidate "$TMP/slow_stats.csv"
expect_err "$TMP/missing_stats.csv"
done_checks
