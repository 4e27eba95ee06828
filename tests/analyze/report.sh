#!/usr/bin/env bash
# report.sh — `analyze report`: the Markdown has every section and its numbers, gnuplot
# made non-empty PNG and SVG images, history charts appear for runs that have a history,
# output is reproducible, and a missing gnuplot still gives the tables with a warning.
source "$(dirname "$0")/lib.sh"
P=$PROFILES
command -v gnuplot >/dev/null || fail "gnuplot is not installed (scripts/install-deps installs gnuplot-nox)"

# The nine originals plus one synthetic loadgen run with a history.
mkdir -p "$TMP/data"
for f in "$P"/*.csv; do ln -s "$f" "$TMP/data/"; done
make_run "$TMP/data/ours" 800 120 0
{ cat "$SRC/profiles/decnet.manifest"; printf '\n[profile ours]\nfile = ours_stats.csv\nusers = 50\nconfig = synthetic run\n'; } \
  >"$TMP/data/all.manifest"
OUT=$TMP/o/report
mkdir -p "$TMP/o"
expect_rc 0 "$AZ" report --manifest "$TMP/data/all.manifest" --out "$OUT" --group-names
expect_err '[10/10] reading'
MD=$OUT/Performance-Story.md
[ -s "$MD" ] || fail "no Performance-Story.md"; ok
for s in '## Headline table' '## Comparisons' "## Where the server's time goes" '## Endpoints per profile' \
         '## Over time' '## Notes on the data' '## Inputs'; do
  grep -qF -- "$s" "$MD" || fail "report lacks section $s"; ok
done
# Computed, not typed: the story's derived numbers.
grep -qF '| requests | 232,648 | 277,214 | +19.2% |' "$MD" || fail "tracing requests delta"; ok
grep -qF '| p50_ms | 690 | 340 | -50.7% |' "$MD" || fail "tracing p50 delta"; ok
grep -qF '| rps | 880.4 | 992.7 | +12.8% |' "$MD" || fail "tracing rps delta"; ok
grep -qF 'served **34.3x** the RPS of B (`profile_1500_notracing_single_core_fb69a06`): 1,585.1 / 46.2.' "$MD" || fail "34x"; ok
grep -qF '| `profile_1500_notracing_single_core_fb69a06` | `POST /api/v1/auth/login [on_start]` | 76.8% |' "$MD" || fail "login share"; ok
grep -qF 'the web UI lists at most 500 rows' "$MD" || fail "truncation note"; ok
grep -qF '`profile_e967aaa` has 500 unique request names; `--group-names` folded them' "$MD" || fail "cardinality note"; ok
grep -qF '| `ours` | 50 | synthetic run | 24,000 | 0 | 10 | 120 | 120 | 12.5 | 800 |' "$MD" || fail "stats-layout row"; ok

# Every image the Markdown links exists, and gnuplot really drew it.
links=$(grep -o 'plots/[A-Za-z0-9_.-]*\.\(png\|svg\)' "$MD" | sort -u)
[ "$(echo "$links" | wc -l)" -ge 24 ] || fail "too few plot links: $links"; ok
for l in $links; do
  [ -s "$OUT/$l" ] || fail "$l missing or empty"; ok
done
for img in rps latency endpoints-profile_fb69a06 history-ours; do
  [ "$(head -c 8 "$OUT/plots/$img.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$img.png is not a PNG"; ok
  grep -q '<svg' "$OUT/plots/$img.svg" || fail "$img.svg is not SVG"; ok
  [ "$(stat -c %s "$OUT/plots/$img.png")" -gt 5000 ] || fail "$img.png suspiciously small"; ok
  [ -s "$OUT/plots/$img.gp" ] || fail "$img.gp script not kept"; ok
done
grep -qF '![ours: users, RPS and p95 over time](plots/history-ours.png)' "$MD" || fail "history plot link"; ok
grep -qF '30 per-second rows over 29 s' "$MD" || fail "history summary"; ok

# Same inputs, same bytes.
sum1=$(cd "$OUT" && find . -type f | sort | xargs md5sum)
expect_rc 0 "$AZ" report --manifest "$TMP/data/all.manifest" --out "$OUT" --group-names
sum2=$(cd "$OUT" && find . -type f | sort | xargs md5sum)
[ "$sum1" = "$sum2" ] || fail "report not reproducible"; ok
ls -d "$TMP"/o/report.* >/dev/null 2>&1 && fail "temporary folders left behind"; ok

# No gnuplot: tables still written, a warning says what to install, no broken links.
expect_rc 0 "$AZ" report --manifest "$TMP/data/all.manifest" --out "$OUT" --gnuplot /nonexistent/gnuplot
expect_err 'warning: plots skipped'
expect_err 'apt-get install gnuplot-nox'
grep -qF '## Headline table' "$MD" || fail "tables missing without gnuplot"; ok
grep -qF 'Plots were skipped' "$MD" || fail "report does not say plots were skipped"; ok
grep -q 'plots/' "$MD" && fail "links to plots that were not made"; ok
[ ! -e "$OUT/plots" ] || fail "stale plots folder"; ok
# A gnuplot without pngcairo: the libgd png terminal is used instead.
real_gp=$(command -v gnuplot)
printf '#!/bin/sh\nif [ "$1" = -e ] && [ "$2" = "set terminal pngcairo" ]; then exit 1; fi\nexec %s "$@"\n' \
  "$real_gp" >"$TMP/gp-nocairo"
chmod +x "$TMP/gp-nocairo"
printf '[profile p]\nfile = profile_255c2e5.csv\n' >"$TMP/data/one.manifest"
expect_rc 0 "$AZ" report --manifest "$TMP/data/one.manifest" --out "$TMP/o/nocairo" --gnuplot "$TMP/gp-nocairo"
grep -q '^set terminal png size' "$TMP/o/nocairo/plots/rps.gp" || fail "png fallback not used"; ok
[ "$(head -c 4 "$TMP/o/nocairo/plots/rps.png" | od -An -tx1 | tr -d ' \n')" = 89504e47 ] || fail "fallback PNG"; ok
# A gnuplot that starts but cannot draw: exit 1, the previous report stays.
printf '#!/bin/sh\nif [ "$1" = -e ] && [ "$#" -eq 2 ]; then exit 0; fi\nexit 3\n' >"$TMP/gp-broken"
chmod +x "$TMP/gp-broken"
before=$(cd "$TMP/o/nocairo" && find . -type f | sort | xargs md5sum)
expect_rc 1 "$AZ" report --manifest "$TMP/data/one.manifest" --out "$TMP/o/nocairo" --gnuplot "$TMP/gp-broken"
expect_err 'gnuplot failed (exit 3)'
expect_err 'report not written'
[ "$before" = "$(cd "$TMP/o/nocairo" && find . -type f | sort | xargs md5sum)" ] || fail "broken gnuplot touched the report"; ok

# scripts/report (what `make report` runs) regenerates the committed report exactly.
LB_SHARED_DIR=${LB_SHARED_DIR} REPORT_OUT=$TMP/o/committed expect_rc 0 bash "$SRC/scripts/report"
cmp -s "$TMP/o/committed/Performance-Story.md" "$SRC/reports/Performance-Story.md" ||
  fail "reports/Performance-Story.md is stale: run make report (or scripts/report) and commit it"; ok

# Manifest names become chart file names only through [A-Za-z0-9._-].
printf '[profile ../odd&name?]\nfile = profile_255c2e5.csv\n' >"$TMP/data/odd.manifest"
expect_rc 0 "$AZ" report --manifest "$TMP/data/odd.manifest" --out "$TMP/o/odd"
[ -s "$TMP/o/odd/plots/endpoints-.._odd_name_.png" ] || fail "sanitised chart name"; ok
grep -qF '](plots/endpoints-.._odd_name_.png)' "$TMP/o/odd/Performance-Story.md" || fail "sanitised link"; ok
done_checks
