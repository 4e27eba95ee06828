#!/usr/bin/env bash
# run_quick.sh — `profiles/run --quick` end to end into a temporary folder (never the
# committed profiles/runs/): every definition produces Locust's CSVs and _meta.json with
# its commit as tag, the progress lines are printed, runs.manifest pairs each run with its
# original and holds the story's comparisons, and `analyze report --compare-manifest`
# renders it next to the originals. Label stress: it runs real servers for ~2.5 minutes.
set -euo pipefail
SRC=${LB_SOURCE_DIR:?}
BIN=${LB_BIN_DIR:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/lb-profiles-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
checks=0
ok() { checks=$((checks + 1)); }

rc=0
TMPDIR=$T bash "$SRC/profiles/run" --quick --bin "$BIN" --out "$T/runs" >"$T/out" 2>"$T/err" || rc=$?
cat "$T/out"
[ $rc = 0 ] || { cat "$T/err" >&2; fail "profiles/run --quick exited $rc"; }; ok
ndefs=$(ls "$SRC"/profiles/defs/*.def | wc -l)
have_prof=0
"$BIN/refserver" --help 2>&1 | grep -q -- --profile-requests && have_prof=1
have_maria=0
rs_help=$("$BIN/refserver" --help 2>&1 || true)   # whole: grep -q would SIGPIPE it under pipefail
grep -q 'mysql://' <<<"$rs_help" && [ -x "$SRC/scripts/mariadb-local" ] &&
    command -v mariadbd >/dev/null && have_maria=1
for f in "$SRC"/profiles/defs/*.def; do
    name=$(sed -n 's/^name *= *//p' "$f")
    commit=$(sed -n 's/^commit *= *//p' "$f")
    if grep -q '^requires *= *--profile-requests' "$f" && [ $have_prof = 0 ]; then
        grep -qF "$name: skipped: this refserver has no --profile-requests" "$T/out" || fail "$name: no skip line"
        ok; continue
    fi
    # db = mariadb is skipped only where this machine cannot run it
    if grep -q '^db *= *mariadb' "$f" && [ $have_maria = 0 ]; then
        grep -qF "$name: skipped: " "$T/out" || fail "$name: no skip line"
        ok; continue
    fi
    grep -qE "^\[[0-9]+/$ndefs\] $name: [0-9]+ users @[0-9.]+/s for 8 s " "$T/out" || fail "$name: no progress line"; ok
    for s in _stats.csv _stats_history.csv _failures.csv _exceptions.csv _meta.json; do
        [ -s "$T/runs/$name$s" ] || fail "$name: no $name$s"; ok
    done
    head -1 "$T/runs/${name}_stats.csv" | grep -q '^Type,Name,Request Count,Failure Count' || fail "$name: stats header"; ok
    grep -q "\"tag\": \"$commit\"" "$T/runs/${name}_meta.json" || fail "$name: meta tag is not $commit"; ok
    grep -q '"scenario": "decnet-2026-04"' "$T/runs/${name}_meta.json" || fail "$name: scenario"; ok
    grep -q '"run_time_s": 8' "$T/runs/${name}_meta.json" || fail "$name: run time"; ok
    n=$(awk -F, '$2 == "Aggregated" { print $3 }' "$T/runs/${name}_stats.csv")
    [ "${n:-0}" -gt 0 ] || fail "$name: no requests"; ok
    grep -qF "[profile $name]" "$T/runs/runs.manifest" || fail "$name: not in runs.manifest"; ok
    orig=$(sed -n 's/^original *= *//p' "$f"); orig=${orig%.csv}
    [ -z "$orig" ] || grep -qF "original = $orig" "$T/runs/runs.manifest" || fail "$name: original"; ok
done
for c in turnaround tracing workers single-core; do
    grep -qF "[compare $c]" "$T/runs/runs.manifest" || fail "runs.manifest lacks compare $c"; ok
done
[ $have_maria = 0 ] || grep -qF "[compare backend]" "$T/runs/runs.manifest" || fail "runs.manifest lacks compare backend"; ok
grep -q '^note  = This machine has [0-9]* CPUs' "$T/runs/runs.manifest" || [ "$(nproc)" -ge 12 ] ||
    fail "no 'cannot show on this machine' note"; ok
# No refserver or loadgen of ours is left running.
# (the runner's temporary folder is under $T: TMPDIR above; pgrep never lists itself)
pgrep -f -- "$T/lb-profiles" >/dev/null && fail "a refserver/loadgen of the run is still alive"; ok
ls -d "$T"/lb-profiles.* >/dev/null 2>&1 && fail "the runner left its temporary folder"; ok
# The report renders with our runs next to the originals.
"$BIN/analyze" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$LB_SHARED_DIR/decnet-profiles" \
    --group-names --compare-manifest "$T/runs/runs.manifest" --out "$T/report" 2>"$T/rep.err" ||
    { cat "$T/rep.err" >&2; fail "analyze report on the quick runs"; }
grep -qF '## Side by side: the originals and our reruns' "$T/report/Performance-Story.md" || fail "side by side"; ok
grep -qF 'Original: A = `profile_1500_fb69a06`, B = `profile_1500_notracing_fb69a06`. Ours: A = `1500_fb69a06`' \
    "$T/report/Performance-Story.md" || fail "tracing comparison for both"; ok
echo "run_quick.sh: $checks checks passed"
