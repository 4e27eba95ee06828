#!/usr/bin/env bash
# live_scenarios.sh — the shipped scenarios against the test server:
# decnet-2026-04 logs every user in on_start (retries named "[on_start]"),
# changes the password when the server asks and logs in again, uses the token
# (0 failures: the server answers 401 without it), names every /logs offset
# alike by default (per offset with --url-names) and reads one SSE chunk; decnet logs in once in setup (not recorded) and shares
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
assert offsets == [("GET", "/api/v1/logs?limit=100&offset=*")], offsets
assert n("GET", "/api/v1/stream") >= 1 and n("POST", "/api/v1/auth/login") >= 1
assert n("GET", "/api/v1/stats") > n("GET", "/api/v1/health")
print("ok: decnet-2026-04: %d on_start logins, %d password change(s), one /logs offset name, %s requests, 0 failures"
      % (logins, changes, agg["Request Count"]))
PYEOF

# --url-names: Locust's naming without name=, one entry per offset
"$LOADGEN" -f decnet-2026-04 -H "$URL" -u 10 -r 10 -t 3s --url-names --csv "$T/url" \
    --only-summary 2>"$T/url.err" || fail "--url-names run failed: $(tail -3 "$T/url.err")"
n_off=$(grep -c '^GET,/api/v1/logs?limit=100&offset=[0-9]' "$T/url_stats.csv" || true)
[ "$n_off" -ge 3 ] || fail "--url-names: $n_off per-offset /logs names (want >= 3)"
grep -q '^GET,/api/v1/stream?maxOutput=3,' "$T/url_stats.csv" || fail "--url-names kept the stream's name="
ok "--url-names: $n_off per-offset /logs names"

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

# on_start retries: the first 3 logins answer 503; every attempt is recorded
# and the users then run with a token. Then a server that always answers 429
# (Retry-After: 0): each user gives up after its 3 attempts.
cat > "$T/retry.yaml" <<'YEOF'
wait: constant(0.05)
headers: {Authorization: "Bearer {var:token}"}
on_start:
  - request: {method: POST, path: /api/v1/auth/login, name: login, expect: 200,
              json: {username: admin, password: admin}}
    retry: {attempts: 10, backoff: 0.05, on: [connection, 5xx, 429]}
    save: {token: access_token}
tasks:
  - {path: /api/v1/stats}
YEOF
start_server --login-fail=3:503
set +e
"$LOADGEN" -f "$T/retry.yaml" -H "$URL" -u 2 -r 10 -t 3s --csv "$T/retry" --only-summary 2>"$T/retry.err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "retry run: exit $rc (failed attempts are failures: want 1)"
logins=$(csv_field "$T/retry_stats.csv" login "Request Count")
lfails=$(csv_field "$T/retry_stats.csv" login "Failure Count")
sfails=$(csv_field "$T/retry_stats.csv" /api/v1/stats "Failure Count")
sreqs=$(csv_field "$T/retry_stats.csv" /api/v1/stats "Request Count")
[ "$logins" -eq 5 ] && [ "$lfails" -eq 3 ] && [ "$sfails" -eq 0 ] && [ "$sreqs" -gt 20 ] ||
    fail "retry: $logins logins ($lfails failed), stats $sreqs ($sfails failed); want 5 (3), >20 (0)"
grep -q "HTTPError('503 Server Error: Service Unavailable for url: $URL/api/v1/auth/login')" "$T/retry_failures.csv" ||
    fail "retry: no 503 failure text"
ok "on_start retry: 3 x 503 then success; 5 login attempts recorded, tasks run with the token"

start_server --login-fail=1000:429
sed -i 's/attempts: 10/attempts: 3/' "$T/retry.yaml"
set +e
"$LOADGEN" -f "$T/retry.yaml" -H "$URL" -u 2 -r 10 -t 2s --csv "$T/giveup" --only-summary 2>"$T/giveup.err"
set -e
logins=$(csv_field "$T/giveup_stats.csv" login "Request Count")
[ "$logins" -eq 6 ] || fail "give-up: $logins login attempts, want 2 users x 3"
! grep -q ",/api/v1/stats," "$T/giveup_stats.csv" || fail "give-up: users ran tasks without a token"
grep -q '"on_start_failed_users": 2' "$T/giveup_meta.json" || fail "give-up: meta on_start_failed_users"
grep -q "2 users gave up in on_start" "$T/giveup.err" || fail "give-up: not logged"
ok "on_start gives up after 3 attempts (429): 6 attempts, no tasks, counted in _meta.json"
