#!/usr/bin/env bash
# story.sh — `analyze report --compare-manifest` and `--server-profile`: our reruns next
# to the originals (side-by-side rows paired through `original =`), the comparisons both
# manifests define with deltas and RPS ratios computed for both, a compare note, "ours-"
# charts, the server-side view rolled up from per-request records, and bad input.
source "$(dirname "$0")/lib.sh"
P=$PROFILES
R=$TMP/runs
mkdir -p "$R" "$TMP/o"
# Two synthetic reruns of the tracing pair: ON 400 RPS / p95 300, OFF 500 RPS / p95 200.
make_run "$R/on" 400 300 0 300
make_run "$R/off" 500 200 4 300
cat >"$R/runs.manifest" <<'M'
[profile on]
file = on_stats.csv
users = 300
config = tracing ON (ours)
original = profile_1500_fb69a06

[profile off]
file = off_stats.csv
users = 300
config = tracing OFF (ours)
original = profile_1500_notracing_fb69a06.csv

[profile extra]
file = on_stats.csv

[compare tracing]
title = ours: tracing
a = on
b = off
note = This machine has 2 CPUs.
M
# Per-request records: 3 logins of 300 ms (bcrypt 290 ms, db 1 ms) and 7 stats of 1 ms
# (db 0.5 ms): all server time 907 ms, bcrypt 870 ms = 95.9%, db 6.5 ms = 0.7% (0.006 s).
S=$TMP/server
mkdir -p "$S"
{
  echo 'timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us'
  for i in 1 2 3; do echo "$i,POST,/api/v1/auth/login,200,300000,10,0,0,1000,290000,10,10"; done
} >"$S/requests-1.csv"
{
  echo 'timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us'
  for i in 1 2 3 4 5 6 7; do echo "$i,GET,/api/v1/stats,200,1000,10,100,10,500,0,10,10"; done
} >"$S/requests-2.csv"

OUT=$TMP/o/r
expect_rc 0 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" --group-names \
  --compare-manifest "$R/runs.manifest" --server-profile "$S" --out "$OUT"
expect_err 'wrote'
MD=$OUT/Performance-Story.md
for s in '## Headline table — original' '## Headline table — ours' \
         '## Side by side: the originals and our reruns' '## Comparisons — ours' \
         "## The story's comparisons, original and ours" "## Where the server's time goes — ours" \
         "## Where the server's time went: per-request phases (ours)" '### Endpoints by server time' \
         '## Inputs — ours'; do
  grep -qF -- "$s" "$MD" || fail "report lacks section $s"; ok
done
# Side by side: each rerun right under its original; an unpaired original says so; the run
# without an original is listed last.
grep -A1 -F '| `profile_1500_fb69a06` | original |' "$MD" | grep -qF '|  | ours: `on` | 300 | 12,000 | 0 | 0% |' ||
  fail "ours 'on' not under its original"; ok
grep -A1 -F '| `profile_1500_notracing_fb69a06` | original |' "$MD" | grep -qF '|  | ours: `off` | 300 | 15,000 | 4 | 0% |' ||
  fail "ours 'off' not under its original (paired by file base name)"; ok
grep -A1 -F '| `profile_e967aaa` | original |' "$MD" | grep -qF '| | ours: not rerun |' || fail "unpaired original"; ok
grep -qF '| (no original) | ours: `extra` |' "$MD" || fail "run without original"; ok
# The tracing comparison, computed for both: original and ours side by side.
grep -qF '| requests | 232,648 | 277,214 | +19.2% | 12,000 | 15,000 | +25.0% |' "$MD" || fail "requests row"; ok
grep -qF '| p95_ms | 6,500 | 5,700 | -12.3% | 300 | 200 | -33.3% |' "$MD" || fail "p95 row"; ok
grep -qF 'RPS of B over RPS of A: original **1.13x**, ours **1.25x**.' "$MD" || fail "rps ratios"; ok
grep -qF '> Ours: This machine has 2 CPUs.' "$MD" || fail "note"; ok
# Only comparisons both manifests define get the side-by-side treatment.
n=$(grep -c '^Original: A = ' "$MD")
[ "$n" -eq 1 ] || fail "$n side-by-side comparisons, want 1"; ok
# Server-side view: phase totals and the computed sentence.
grep -qF '| bcrypt | 0.87 | 95.9% |' "$MD" || fail "bcrypt phase total"; ok
grep -qF '| db | 0.006 | 0.7% |' "$MD" || fail "db phase total"; ok
# cache: 7 x 10 us = 0.008% of the time: shown as "<0.1%", never as 0.
grep -qF '| cache | 0 | <0.1% |' "$MD" || fail "tiny share shown as 0"; ok
# other: logins 300 - 291.03 ms each = 26.91 ms, stats 1 - 0.64 ms each = 2.52 ms: 29.43 ms = 3.2%
grep -qF '| other (in no phase: waiting for a pool thread, loop queueing) | 0.029 | 3.2% |' "$MD" || fail "other row"; ok
grep -qF 'The endpoints that run bcrypt (3 requests, 30% of all requests) account for **99.2%** of all server time. Of the measured phases the largest is **bcrypt** (95.9%), and 3.2% is in no phase' "$MD" ||
  fail "bcrypt sentence"; ok
grep -qF 'SQLite work (the `db` phase, reads and waits for the writer alike) takes **0.7%**.' "$MD" || fail "db sentence"; ok
grep -qF '| `POST /api/v1/auth/login` | 3 | 99.2% |' "$MD" || fail "analyze profile rollup inside"; ok
# Our charts are prefixed, the originals' are not.
for png in rps latency ours-rps ours-latency ours-endpoints-on ours-history-off; do
  [ -s "$OUT/plots/$png.png" ] || fail "no plots/$png.png"; ok
done
grep -qF '(plots/ours-rps.png)' "$MD" || fail "ours rps chart link"; ok
# Reproducible: same inputs, same bytes.
expect_rc 0 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" --group-names \
  --compare-manifest "$R/runs.manifest" --server-profile "$S" --out "$TMP/o/r2"
cmp -s "$MD" "$TMP/o/r2/Performance-Story.md" || fail "not reproducible"; ok
# Without the options the report is the plain one (no "— original" suffixes).
expect_rc 0 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" --out "$TMP/o/plain"
grep -qF '## Headline table — original' "$TMP/o/plain/Performance-Story.md" && fail "suffix without ours"; ok

# Bad input: exit 2, file named, previous report untouched.
printf '[profile x]\nfile = on_stats.csv\noriginal = a\noriginal = b\n' >"$R/dup.manifest"
expect_rc 2 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" \
  --compare-manifest "$R/dup.manifest" --out "$OUT"
expect_err "dup.manifest:4: key 'original' given twice"
printf '[profile on]\nfile = on_stats.csv\n[compare c]\na = on\nb = on\ncolour = red\n' >"$R/bad.manifest"
expect_rc 2 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" \
  --compare-manifest "$R/bad.manifest" --out "$OUT"
expect_err "(known: title, a, b, note)"
expect_rc 2 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" \
  --compare-manifest "$R/runs.manifest" --server-profile "$TMP/nowhere" --out "$OUT"
expect_err "--server-profile:"
printf 'a,b\n1,2\n' >"$S/requests-3.csv"
expect_rc 2 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" \
  --compare-manifest "$R/runs.manifest" --server-profile "$S" --out "$OUT"
expect_err "requests-3.csv:1: unknown header"
cmp -s "$MD" "$TMP/o/r2/Performance-Story.md" || fail "bad input changed the report"; ok
expect_rc 0 "$AZ" report --help
expect_out '--compare-manifest FILE'
expect_out '--server-profile DIR'
done_checks
