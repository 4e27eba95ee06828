#!/usr/bin/env bash
# gate-false-alarms.sh — how often does the regression gate cry wolf, and does it see a real
# slowdown? Runs scripts/compare-commits with .ci/run's own settings (the script's defaults:
# 5 alternating runs per side, 8 s, 10 users, refserver with 1 worker) N times HEAD against
# HEAD (A/A: every failure is a false alarm), then HEAD against HEAD with refserver's
# test-only --inject-delay-us on the candidate (A/B: every pass is a miss). Prints one line
# per comparison (verdict, rps/p95/p99 change and p-value, from gate.json) and the totals.
# Figures and the command go into docs/BENCHMARKS.md.
#   AA=20 AB_DELAYS="2000 5000" LB_BIN_DIR=build/bin tests/bench/gate-false-alarms.sh [OUT]
# OUT (default: a temporary folder) keeps every comparison's runs, so the gate can be
# re-run on them offline.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
AA=${AA:-20}
AB_DELAYS=${AB_DELAYS:-2000 5000}
AB_ROUTE=${AB_ROUTE:-/api/v1/logs/histogram}
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/lb-gate-bench.XXXXXX")}
mkdir -p "$out"
export LB_BIN_DIR=${LB_BIN_DIR:-$root/build/bin}
# A copy: bash reads a script as it runs, so an edit to scripts/compare-commits during the
# half hour this takes must not reach the running comparisons.
cp "$root/scripts/compare-commits" "$out/compare-commits.sh"
cc() { bash "$out/compare-commits.sh" --repo "$root" --scenario "$root/profiles/scenarios/decnet.yaml" "$@"; }

# line NAME DIR RC: one summary line from DIR/gate.json
line() {
    python3 - "$1" "$2/gate.json" "$3" <<'PY'
import json, sys
name, path, rc = sys.argv[1], sys.argv[2], sys.argv[3]
g = json.load(open(path))
cells = []
for c in g["checks"]:
    if c["metric"] in ("rps", "p95_ms", "p99_ms"):
        p = "-" if c["p_value"] is None else "%.3g" % c["p_value"]
        ch = "n/a" if c["change_pct"] is None else "%+.1f%%" % c["change_pct"]
        where = "" if c["endpoint"] == "Aggregated" else c["endpoint"] + " "
        cells.append("%s%s %s p=%s" % (where, c["metric"], ch, p))
print("%-10s %-10s exit %s  %s" % (name, g["verdict"], rc, "  ".join(cells)))
PY
}

fa=0
for i in $(seq "$AA"); do
    d="$out/aa-$i" rc=0
    cc --out "$d" HEAD HEAD >"$d.log" 2>&1 || rc=$?
    [ -s "$d/gate.json" ] || { echo "aa-$i: compare-commits failed (exit $rc), log $d.log" >&2; tail -5 "$d.log" >&2; exit 1; }
    line "aa-$i" "$d" "$rc"
    [ "$rc" -eq 0 ] || fa=$((fa + 1))
done
hits=0 nab=0
for us in $AB_DELAYS; do
    d="$out/ab-$us" rc=0 nab=$((nab + 1))
    cc --out "$d" --head-args "--inject-delay-us $us" HEAD HEAD >"$d.log" 2>&1 || rc=$?
    [ -s "$d/gate.json" ] || { echo "ab-$us: compare-commits failed (exit $rc)" >&2; exit 1; }
    line "ab-${us}us" "$d" "$rc"
    [ "$rc" -ne 1 ] || hits=$((hits + 1))
done
# one route slowed, caught by a per-endpoint rule while the Aggregated row barely moves
d="$out/ab-route" rc=0 nab=$((nab + 1))
cc --out "$d" --head-args "--inject-delay-us 5000 --inject-delay-route $AB_ROUTE" \
    --gate --endpoint --gate "$AB_ROUTE:max-p95-rise=25" HEAD HEAD >"$d.log" 2>&1 || rc=$?
[ -s "$d/gate.json" ] || { echo "ab-route: compare-commits failed (exit $rc)" >&2; exit 1; }
line "ab-route" "$d" "$rc"
[ "$rc" -ne 1 ] || hits=$((hits + 1))
echo "A/A: $fa false alarm(s) in $AA comparisons; A/B: $hits of $nab slowdowns failed the gate; runs in $out"
