#!/usr/bin/env bash
# profiles-lenses.sh — what each lens costs on our stack, measured the way the seed's
# story §4 did (same load, same host, one switch apart), but repeated and interleaved:
# ROUNDS rounds (default 3) of the three fb69a06 runs at the 1500-user scale —
# 1500_notracing_fb69a06 (no lens), 1500_fb69a06 (--tracing, spans to a file) and
# profiled_fb69a06 (--profile-requests) — DURATION s each (default 30), through
# profiles/run into a temporary folder. Prints each run's requests, RPS, p50 and p95 and,
# per round, the lens/no-lens ratios, then the median ratio over rounds.
# Build folder: $BUILD_DIR (default build). A benchmark, not a test: it never fails on
# speed. The machine has 2 shared cores: read the ratios, and their spread, not the values.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-build}
BIN=$(cd "$BUILD_DIR/bin" 2>/dev/null && pwd) || { echo "no $BUILD_DIR/bin; build first" >&2; exit 2; }
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-40}
USERS=${USERS:-40}
work=$(mktemp -d /tmp/lb-bench-lenses.XXXXXX)
trap 'rm -rf "$work"' EXIT
names="1500_notracing_fb69a06 1500_fb69a06 profiled_fb69a06"
"$BIN/refserver" --help 2>&1 | grep -q -- --profile-requests || names="1500_notracing_fb69a06 1500_fb69a06"

printf '%-6s %-24s %9s %9s %9s %9s\n' round run requests rps p50_ms p95_ms
ratios=$work/ratios
: >"$ratios"
for r in $(seq 1 "$ROUNDS"); do
    out=$work/r$r
    bash "$root/profiles/run" --bin "$BIN" --out "$out" --duration "$DURATION" --users "$USERS" --spawn-rate "$((USERS / 2))" $names >"$work/log" 2>&1 ||
        { tail -5 "$work/log" >&2; exit 1; }
    base_rps=""; base_p50=""
    for n in $names; do
        row=$("$BIN/analyze" table --format csv "$out/${n}_stats.csv" | sed -n 2p)
        IFS=, read -r _ _ _ req _ p50 p95 _ _ rps <<<"$row"
        printf '%-6s %-24s %9s %9s %9s %9s\n' "$r" "$n" "$req" "$rps" "$p50" "$p95"
        if [ -z "$base_rps" ]; then base_rps=$rps; base_p50=$p50; continue; fi
        awk -v n="$n" -v a="$rps" -v b="$base_rps" -v c="$p50" -v d="$base_p50" \
            'BEGIN { printf "%s %.3f %.3f\n", n, a / b, (d > 0 ? c / d : 0) }' >>"$ratios"
    done
done
echo
echo "lens / no lens (1500_notracing_fb69a06), per round and median over $ROUNDS rounds:"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for n in $names; do
    [ "$n" = 1500_notracing_fb69a06 ] && continue
    printf '  %-18s RPS ratio:%s  median %s;  p50 ratio median %s\n' "$n" \
        "$(awk -v n="$n" '$1 == n { printf " %s", $2 }' "$ratios")" \
        "$(awk -v n="$n" '$1 == n { print $2 }' "$ratios" | median)" \
        "$(awk -v n="$n" '$1 == n { print $3 }' "$ratios" | median)"
done
