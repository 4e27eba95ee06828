#!/usr/bin/env bash
# live_scenario_features.sh — what a Locust user writes most (issue 16):
# a task of several requests with a save between them (each GET carries the
# token its own POST just got), a failing step that ends its task, and body
# checks (expect_json, expect_body) recorded as CatchResponseError failures.
source "$(dirname "$0")/lib.sh"
start_server
cat >"$T/flow.yaml" <<'YEOF'
name: FlowUser
wait: constant(0.02)
headers: {Authorization: "Bearer {var:token}"}
tasks:
  - weight: 2
    steps:
      - request: {method: POST, path: /api/v1/auth/login, name: login,
                  json: {username: admin, password: admin}}
        save: {token: access_token}
      - request: {path: /api/v1/stats, expect_json: {total: 0, limit: 50}}
      - unless: token
        request: {path: /skipped}
  - steps:
      - request: {path: "/status?code=500", name: fails}
      - request: {path: /ok, name: after-fail}
  - {path: /ok, name: body-ok, expect_json: {status: ok}, expect_body: '"status"'}
  - {path: /ok, name: body-bad, expect_json: {status: down}}
YEOF
set +e
"$LOADGEN" -f "$T/flow.yaml" -H "$URL" -u 4 -r 4 -t 3s --csv "$T/f" --only-summary 2>"$T/f.err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "flow run: exit $rc (failures expected: 1): $(tail -3 "$T/f.err")"
"$PY" - "$T/f_stats.csv" "$T/f_failures.csv" <<'PYEOF' || exit 1
import csv, sys
rows = {(r["Type"], r["Name"]): r for r in csv.DictReader(open(sys.argv[1], newline=""))}
n = lambda t, name, col="Request Count": int(rows[(t, name)][col]) if (t, name) in rows else 0
logins, stats = n("POST", "login"), n("GET", "/api/v1/stats")
# every stats GET follows its own login and is authorised by the token saved from it
assert logins > 10 and abs(logins - stats) <= 4, (logins, stats)
assert n("GET", "/api/v1/stats", "Failure Count") == 0, "a stats GET went without its token"
assert n("GET", "/skipped") == 0, "unless: token ran"
# a failed first step ends its task: the second step never runs
assert n("GET", "fails") > 5 and n("GET", "fails", "Failure Count") == n("GET", "fails")
assert n("GET", "after-fail") == 0, "a task went on after its failed step"
# body checks
assert n("GET", "body-ok") > 5 and n("GET", "body-ok", "Failure Count") == 0
assert n("GET", "body-bad") == n("GET", "body-bad", "Failure Count") > 5
errs = [r["Error"] for r in csv.DictReader(open(sys.argv[2], newline="")) if r["Name"] == "body-bad"]
assert errs and errs[0].startswith("CatchResponseError('JSON status is \"ok\", expected \"down\" for url: http://"), errs
print("ok: %d login+stats sequences (token saved between), failed step ends its task, "
      "body checks: %s" % (logins, errs[0]))
PYEOF

# feeder: each user takes the next CSV row (wrapping): 5 users, 3 rows; on_start
# and tasks see the row's variables, headers too
printf 'id,who\n1,ann\n2,ben\n3,cy\n' >"$T/users.csv"
cat >"$T/feed.yaml" <<'YEOF'
name: FedUser
wait: constant(0.02)
feeder: users.csv
headers: {X-Who: "{var:who}"}
tasks:
  - {path: "/echo/{var:id}", name: "/echo/[id]"}
YEOF
"$LOADGEN" -f "$T/feed.yaml" -H "$URL" -u 5 -r 5 -t 2s --only-summary 2>"$T/feed.err" ||
    fail "feeder run failed: $(tail -3 "$T/feed.err")"
curl -s "$URL/__counts" >"$T/counts.json"
curl -s "$URL/__echo" >"$T/echo.json"
"$PY" - "$T/counts.json" "$T/echo.json" <<'PYEOF' || exit 1
import json, sys
counts = {k: v for k, v in json.load(open(sys.argv[1])).items() if k.startswith("GET /echo/")}
assert sorted(counts) == ["GET /echo/1", "GET /echo/2", "GET /echo/3"], counts
# users 1 and 4 share row 1, 2 and 5 row 2: rows 1 and 2 get about twice row 3's requests
assert counts["GET /echo/1"] > 1.4 * counts["GET /echo/3"], counts
last = json.load(open(sys.argv[2]))
who = {"/echo/1": "ann", "/echo/2": "ben", "/echo/3": "cy"}[last["path"]]
assert last["headers"].get("X-Who") == who, last
print("ok: feeder rows per user (wrapping): %s; headers carry the row's values" % counts)
PYEOF

# stages (LoadTestShape): up to 6 users at once, down to 2, up to 4 at 2/s;
# the run lasts the shape's 6 s; the history's user counts follow it
cat >"$T/shape.yaml" <<'YEOF'
name: ShapeUser
wait: constant(0.05)
stages:
  - {duration: 2s, users: 6}
  - {duration: 2s, users: 2, spawn_rate: 10}
  - {duration: 2s, users: 4, spawn_rate: 2}
tasks:
  - {path: /ok}
YEOF
"$LOADGEN" -f "$T/shape.yaml" -H "$URL" --threads 2 --csv "$T/shape" --only-summary 2>"$T/shape.err" ||
    fail "shape run failed: $(tail -3 "$T/shape.err")"
[ "$(grep -c 'Shape test updating to' "$T/shape.err")" -eq 3 ] || fail "not 3 stage lines"
"$PY" - "$T/shape_stats_history.csv" "$T/shape_meta.json" <<'PYEOF' || exit 1
import csv, json, sys
users = [int(r["User Count"]) for r in csv.DictReader(open(sys.argv[1], newline="")) if r["Name"] == "Aggregated"]
assert max(users) == 6 and users[-1] in (3, 4), users
i6 = users.index(6)
i2 = users.index(2, i6)  # the first tick may come while the first users start
assert max(users[i2:]) <= 4, users
meta = json.load(open(sys.argv[2]))
assert 5.5 < meta["duration_s"] < 8 and meta["users_peak"] == 6, meta["duration_s"]
print("ok: stages: user counts per second %s, run %.1f s" % (users, meta["duration_s"]))
PYEOF

# on_stop: every user runs it once when it stops: at the end of the run (3
# users: 3), and when a shape shrinks (4 -> 1 during the run, 1 at the end: 4)
cat >"$T/stop.yaml" <<'YEOF'
name: StopUser
wait: constant(0.05)
on_stop:
  - request: {method: POST, path: /echo/logout, name: "logout [on_stop]"}
tasks:
  - {path: "/delay?ms=30"}
YEOF
"$LOADGEN" -f "$T/stop.yaml" -H "$URL" -u 3 -r 3 -t 2s --threads 2 --csv "$T/stop" --only-summary 2>/dev/null ||
    fail "on_stop run failed"
n=$(csv_field "$T/stop_stats.csv" "logout [on_stop]" "Request Count")
[ "$n" -eq 3 ] || fail "on_stop ran $n times for 3 users"
sed 's/^wait: .*/&\nstages:\n  - {duration: 1s, users: 4}\n  - {duration: 1s, users: 1}/' "$T/stop.yaml" >"$T/stop2.yaml"
"$LOADGEN" -f "$T/stop2.yaml" -H "$URL" --csv "$T/stop2" --only-summary 2>/dev/null || fail "on_stop shape run failed"
n2=$(csv_field "$T/stop2_stats.csv" "logout [on_stop]" "Request Count")
[ "$n2" -eq 4 ] || fail "on_stop ran $n2 times for a 4 -> 1 shape (want 4)"
ok "on_stop: once per user at the end ($n) and when the shape shrinks ($n2)"
