#!/usr/bin/env bash
# live_scenarios.sh — the shipped scenarios against the test server:
# decnet-2026-04 logs every user in on_start (retries named "[on_start]"),
# changes the password when the server asks and logs in again, uses the token
# (0 failures: the server answers 401 without it), names /logs per offset and
# reads one SSE chunk; decnet logs in once in setup (not recorded) and shares
# the token, with no login task; the default scenario is decnet.
source "$(dirname "$0")/lib.sh"
start_server --must-change

"$LOADGEN" -f decnet-2026-04 -H "$URL" -u 10 -r 10 -t 4s --stop-timeout 3 --csv "$T/old" \
    --only-summary 2>"$T/old.err" || fail "decnet-2026-04 run failed: $(grep -v '^GET\|^POST' "$T/old.err" | tail -5)"
"$PY" - "$T/old_stats.csv" <<'PYEOF' || exit 1
import csv, sys
rows = {(r["Type"], r["Name"]): r for r in csv.DictReader(open(sys.argv[1], newline=""))}
n = lambda t, name: int(rows[(t, name)]["Request Count"]) if (t, name) in rows else 0
agg = rows[("", "Aggregated")]
assert int(agg["Failure Count"]) == 0, agg
changes = n("POST", "/api/v1/auth/change-password")
logins = n("POST", "/api/v1/auth/login [on_start]")
assert changes >= 1, "no change-password step"
assert logins == 10 + changes, (logins, changes)
offsets = [k for k in rows if k[1].startswith("/api/v1/logs?limit=100&offset=")]
assert len(offsets) >= 3, offsets
assert n("GET", "/api/v1/stream") >= 1 and n("POST", "/api/v1/auth/login") >= 1
assert n("GET", "/api/v1/stats") > n("GET", "/api/v1/health")
print("ok: decnet-2026-04: %d on_start logins, %d password change(s), %d offset names, %s requests, 0 failures"
      % (logins, changes, len(offsets), agg["Request Count"]))
PYEOF

"$LOADGEN" -H "$URL" -u 10 -r 10 -t 3s --csv "$T/cur" --only-summary 2>"$T/cur.err" ||
    fail "default (decnet) run failed: $(tail -5 "$T/cur.err")"
grep -q "scenario decnet," "$T/cur.err" || fail "default scenario is not decnet"
"$PY" - "$T/cur_stats.csv" <<'PYEOF' || exit 1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
names = {r["Name"] for r in rows}
agg = rows[-1]
assert int(agg["Failure Count"]) == 0, agg
assert not any("auth" in n for n in names), names
assert "/api/v1/stats" in names and "/api/v1/stream" in names
print("ok: decnet: shared setup token, no login entries, %s requests, 0 failures" % agg["Request Count"])
PYEOF
