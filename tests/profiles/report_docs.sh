#!/usr/bin/env bash
# report_docs.sh — scripts/report's last step: docs/Performance-Story.md keeps its prose
# and gets each "<!-- generated: HEADING -->" block refilled with the generated report's
# "## HEADING" section (old content replaced, its headings one level down, images
# re-pointed to ../reports/plots/); a
# marker naming no section is exit 2 with the docs file unchanged. Runs on a scratch copy
# of the repository layout, so the real docs/ is never touched. Default set: a few seconds.
set -euo pipefail
SRC=${LB_SOURCE_DIR:?}
BIN=${LB_BIN_DIR:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/lb-report-docs.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
checks=0
ok() { checks=$((checks + 1)); }

R=$T/repo
mkdir -p "$R/scripts" "$R/profiles" "$R/docs"
cp "$SRC/scripts/report" "$R/scripts/report"
cp "$SRC/profiles/decnet.manifest" "$R/profiles/"
cat >"$R/docs/Performance-Story.md" <<'M'
# Story
Prose before.
<!-- generated: Headline table -->
stale line that must go
<!-- end generated -->
Prose between.
<!-- generated: Comparisons -->
<!-- end generated -->
Prose after.
M
rc=0
LB_BIN_DIR=$BIN REPORT_RUNS_MANIFEST=none bash "$R/scripts/report" >"$T/out" 2>&1 || rc=$?
[ $rc = 0 ] || { cat "$T/out"; fail "scripts/report exit $rc"; }; ok
D=$R/docs/Performance-Story.md
grep -q 'tables copied into docs/Performance-Story.md' "$T/out" || fail "no progress line"; ok
for l in '# Story' 'Prose before.' 'Prose between.' 'Prose after.' '<!-- end generated -->'; do
    grep -qxF -- "$l" "$D" || fail "prose line '$l' lost"; ok
done
grep -q 'stale line' "$D" && fail "old generated content kept"; ok
grep -qF '| `profile_1500_fb69a06` | 1500 | tracing ON | 232,648 | 0 | 690 | 6,500 | 9,500 | 1,773.51 | 880.4 |' "$D" ||
    fail "headline row not copied"; ok
grep -qF '| rps | 880.4 | 992.7 | +12.8% |' "$D" || fail "comparison not copied"; ok
grep -qxF '#### What OpenTelemetry cost us: tracing ON vs OFF at 1500 users' "$D" || fail "headings not one level down"; ok
grep -qF '](../reports/plots/rps.png)' "$D" || fail "image not re-pointed"; ok
grep -qF '](plots/' "$D" && fail "an image still points at plots/"; ok
# The generated section stops at the next "## " heading.
grep -qF "## Where the server's time goes" "$D" && fail "copied past the section"; ok
# Idempotent: a second run gives the same bytes.
cp "$D" "$T/first.md"
LB_BIN_DIR=$BIN REPORT_RUNS_MANIFEST=none bash "$R/scripts/report" >"$T/out" 2>&1 || fail "second run"
cmp -s "$D" "$T/first.md" || fail "not idempotent"; ok
# A marker naming no section: exit 2, docs unchanged.
printf '<!-- generated: No Such Section -->\n<!-- end generated -->\n' >>"$D"
cp "$D" "$T/before.md"
rc=0
LB_BIN_DIR=$BIN REPORT_RUNS_MANIFEST=none bash "$R/scripts/report" >"$T/out" 2>&1 || rc=$?
[ $rc = 2 ] || fail "bad marker: exit $rc, want 2"; ok
grep -qF 'no section "## No Such Section"' "$T/out" || fail "bad marker not named"; ok
cmp -s "$D" "$T/before.md" || fail "docs changed despite the bad marker"; ok
# REPORT_OUT elsewhere never touches docs/.
LB_BIN_DIR=$BIN REPORT_RUNS_MANIFEST=none REPORT_OUT=$T/elsewhere bash "$R/scripts/report" >"$T/out" 2>&1 ||
    fail "REPORT_OUT run"
cmp -s "$D" "$T/before.md" || fail "REPORT_OUT changed docs"; ok
echo "report_docs.sh: $checks checks passed"
