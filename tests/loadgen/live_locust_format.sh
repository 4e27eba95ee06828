#!/usr/bin/env bash
# live_locust_format.sh — loadgen's four CSV files have the same headers (bytes,
# CRLF included) as real Locust 2.12.1's; per-entry counts add up to the
# Aggregated row; a healthy server gives 0 failures and exit 0; the history
# file shows the spawn reaching the target user count; --csv-full-history adds
# per-entry rows.
source "$(dirname "$0")/lib.sh"
start_server

cat > "$T/lf.py" <<'PYEOF'
from locust import HttpUser, task, constant
class U(HttpUser):
    wait_time = constant(0.1)
    @task
    def ok(self):
        self.client.get("/ok")
PYEOF
(cd "$T" && timeout 40 /usr/bin/locust -f lf.py --headless -u 2 -r 2 -t 2s -H "$URL" \
    --csv "$T/locust" --only-summary --loglevel WARNING >/dev/null 2>&1) || true
for f in stats stats_history failures exceptions; do
    [ -s "$T/locust_$f.csv" ] || fail "locust did not write locust_$f.csv"
done

"$LOADGEN" -u 10 -r 5 -t 4s -H "$URL" --csv "$T/lg" --only-summary \
    "$URL/ok" "$URL/delay?ms=5" 2>"$T/lg.err" || fail "loadgen exit $? on a healthy server: $(tail -5 "$T/lg.err")"
for f in stats stats_history failures exceptions; do
    cmp <(head -n1 "$T/locust_$f.csv") <(head -n1 "$T/lg_$f.csv") ||
        fail "header of _$f.csv differs from Locust's"
done
ok "CSV headers identical to Locust 2.12.1's (4 files)"

"$PY" - "$T/lg_stats.csv" "$T/lg_stats_history.csv" <<'PYEOF' || exit 1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
agg = rows[-1]
assert agg["Name"] == "Aggregated" and agg["Type"] == "", agg
entries = rows[:-1]
assert [r["Name"] for r in entries] == ["/delay?ms=5", "/ok"], [r["Name"] for r in entries]
for col in ("Request Count", "Failure Count"):
    s = sum(int(r[col]) for r in entries)
    assert s == int(agg[col]), (col, s, agg[col])
assert int(agg["Request Count"]) > 100, agg["Request Count"]
assert int(agg["Failure Count"]) == 0, agg["Failure Count"]
hist = list(csv.DictReader(open(sys.argv[2], newline="")))
users = [int(r["User Count"]) for r in hist]
assert users[0] <= 5, users
assert max(users) == 10, users
assert all(r["Name"] == "Aggregated" for r in hist)
assert int(hist[-1]["Total Request Count"]) == int(agg["Request Count"]), (hist[-1], agg)
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\r\n") == len(rows) + 1 and b"\n" not in raw.replace(b"\r\n", b"")
print("ok: per-entry counts sum to Aggregated (%s requests, 0 failures); history reaches 10 users" % agg["Request Count"])
PYEOF

"$LOADGEN" -u 2 -r 2 -t 3s --csv "$T/full" --csv-full-history --only-summary "$URL/ok" "$URL/healthz" \
    2>/dev/null || fail "full-history run failed"
n=$(grep -c ',/ok,' "$T/full_stats_history.csv" || true)
[ "$n" -ge 2 ] || fail "--csv-full-history: no per-entry rows ($n)"
ok "--csv-full-history writes per-entry history rows ($n for /ok)"

# --reset-stats: statistics restart once all users are spawned, so the CSV
# holds fewer requests than the server saw, but the post-ramp ones are there.
before=$(curl -s "$URL/__counts" | "$PY" -c 'import json,sys; print(json.load(sys.stdin).get("GET /delay?ms=10", 0))')
"$LOADGEN" -u 4 -r 1 -t 6s --stop-timeout 2 --reset-stats --csv "$T/reset" --only-summary \
    "$URL/delay?ms=10" 2>"$T/reset.err" || fail "--reset-stats run failed"
grep -q "Resetting stats" "$T/reset.err" || fail "--reset-stats: no reset logged"
after=$(curl -s "$URL/__counts" | "$PY" -c 'import json,sys; print(json.load(sys.stdin).get("GET /delay?ms=10", 0))')
n=$(csv_field "$T/reset_stats.csv" Aggregated "Request Count")
server=$((after - before))
"$PY" -c "import sys; n, s = $n, $server; sys.exit(0 if 0.25 * s < n < 0.85 * s else 1)" ||
    fail "--reset-stats: $n requests recorded of $server sent (want the post-ramp share)"
ok "--reset-stats: $n of $server requests recorded (ramp excluded)"

# Each user keeps its own keep-alive connection, like a Locust HttpUser
# session: with think time, a pool shared by all users would need far fewer.
cat > "$T/think.yaml" <<YEOF
wait: constant(0.05)
tasks:
  - {path: /ok}
YEOF
c0=$(curl -s "$URL/__conns")
"$LOADGEN" -f "$T/think.yaml" -H "$URL" -u 12 -r 4 -t 4s --stop-timeout 2 --only-summary \
    2>/dev/null || fail "think-time run failed"
c1=$(curl -s "$URL/__conns")
conns=$((c1 - c0 - 1))   # the first curl's own connection
[ "$conns" -eq 12 ] || fail "12 users opened $conns connections (want one each)"
ok "12 users kept 12 keep-alive connections"
