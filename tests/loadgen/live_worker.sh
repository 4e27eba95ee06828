#!/usr/bin/env bash
# live_worker.sh — loadgen --worker under a real, unmodified Locust 2.12.1
# master (Debian's python3-locust) on loopback:
#   1. two loadgen workers drive refserver (decnet): the master's figures are
#      the sum of both workers' reports, its history reaches the user count;
#   2. one Python Locust worker beside one loadgen worker (mixed run);
#   3. a worker killed mid-run: the master notices, the other carries on and
#      takes over its users (the master re-balances with --enable-rebalancing);
#   4. a master stopped with SIGTERM ends its workers cleanly (exit 0);
#   5. a master killed: the worker says so and exits 1 after --master-timeout;
#   6. no master at all: exit 1 with a message; 7. options a worker refuses;
#   8. a master with its web UI: start, stop (the worker reports ready again),
#      start again — the UI's figures carry the worker's requests;
#   9. a master with two user classes (Reader by weight, Admin by fixed_count):
#      the loadgen worker runs each class's count and reports them per class.
source "$(dirname "$0")/lib.sh"
WK="$HERE/worker"
ROOT="$(cd "$HERE/../.." && pwd)"
RS="$LB_BIN_DIR/refserver"
command -v locust >/dev/null || { echo "SKIP: no locust"; exit 77; }
# On failure, the last lines of every log this test wrote.
fail() {
    echo "FAIL: $*" >&2
    for f in "$T"/*.log; do echo "--- $f" >&2; grep -v '^GET\|^POST\|^ \|^---\|^Type' "$f" | tail -6 >&2; done
    exit 1
}

# master NAME PORT LOCUSTFILE HOST [locust args...] — start a headless master.
master() {
    local name=$1 port=$2 file=$3 host=$4
    shift 4
    (cd "$T" && exec locust -f "$file" --master --headless --master-bind-host 127.0.0.1 \
        --master-bind-port "$port" -H "$host" --csv "$T/$name" "$@") >"$T/$name.log" 2>&1 &
    MPID=$!
    PIDS+=($MPID)
}
# worker NAME PORT [loadgen args...] — start a loadgen worker.
worker() {
    local name=$1 port=$2
    shift 2
    "$LOADGEN" --worker --master-port "$port" "$@" >"$T/$name.log" 2>&1 &
    WPID=$!
    PIDS+=($WPID)
}
# wait_exit PID SECONDS — sets RC to the exit code; fails if still running.
# (Not in a $(...) subshell: only this shell can reap its children, and an
# unreaped child still answers kill -0.)
wait_exit() {
    local zombie
    for _ in $(seq 1 $(($2 * 10))); do
        zombie=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo gone)
        [ "$zombie" = Z ] || [ "$zombie" = gone ] && break
        sleep 0.1
    done
    [ "$zombie" = Z ] || [ "$zombie" = gone ] || fail "process $1 still running after $2 s"
    RC=0
    wait "$1" || RC=$?
}
# totals LOG — "requests failures" a worker says it reported.
totals() { sed -n 's/.*Worker totals: \([0-9]*\) requests, \([0-9]*\) failures.*/\1 \2/p' "$1"; }
# final_agg LOG — the master's last console Aggregated request count.
final_agg() { awk '$1 == "Aggregated" && /\|/ {n = $2} END {print n}' "$1"; }

# ---- 1. two loadgen workers drive refserver ---------------------------------
[ -x "$RS" ] || fail "no refserver in $LB_BIN_DIR"
rport=$(free_port)
"$RS" --bind "127.0.0.1:$rport" --db "$T/rs.db" --workers 1 --bcrypt-cost 4 >"$T/rs.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$rport/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
RSURL="http://127.0.0.1:$rport"
mport=$(free_port)
master m1 "$mport" "$ROOT/profiles/scenarios/locust_decnet.py" "$RSURL" --expect-workers 2 -u 20 -r 10 -t 8s
M1=$MPID
worker w1 "$mport" -f decnet -H "$RSURL" --threads 1
W1=$WPID
worker w2 "$mport" -f decnet -H "$RSURL" --threads 1
W2=$WPID
wait_exit "$M1" 40
rc=$RC
wait_exit "$W1" 10
[ "$RC" = 0 ] || fail "worker 1 did not exit 0: $(tail -3 "$T/w1.log")"
wait_exit "$W2" 10
[ "$RC" = 0 ] || fail "worker 2 did not exit 0: $(tail -3 "$T/w2.log")"
grep -q "the master said quit" "$T/w1.log" || fail "worker 1 did not quit on the master's word"
read -r r1 f1 <<<"$(totals "$T/w1.log")"
read -r r2 f2 <<<"$(totals "$T/w2.log")"
grep -qF 'Spawning: 10 users wanted of this worker: {"decnet": 10}' "$T/w1.log" &&
    grep -qF 'Spawning: 10 users wanted of this worker: {"decnet": 10}' "$T/w2.log" ||
    fail "the 20 users were not split 10/10: $(grep Spawning "$T"/w?.log)"
agg=$(final_agg "$T/m1.log")
[ "$r1" -gt 50 ] && [ "$r2" -gt 50 ] || fail "workers reported $r1 and $r2 requests"
[ "$agg" = $((r1 + r2)) ] || fail "master's Aggregated $agg != $r1 + $r2 reported by the workers"
[ "$f1" = 0 ] && [ "$f2" = 0 ] || fail "failures against refserver: $f1, $f2"
csv=$(csv_field "$T/m1_stats.csv" Aggregated "Request Count")
[ "$csv" -gt 0 ] && [ "$csv" -le "$agg" ] || fail "master _stats.csv has $csv requests (final $agg)"
peak=$("$PY" -c 'import csv,sys; print(max(int(r["User Count"]) for r in csv.DictReader(open(sys.argv[1]))))' "$T/m1_stats_history.csv")
[ "$peak" = 20 ] || fail "master history peaks at $peak users, not 20"
ok "two loadgen workers: $r1 + $r2 requests = master's $agg (CSV $csv, 1 s before exit as 2.12.1 writes it), history peak $peak users, rc $rc"

# ---- 2. mixed: one Python Locust worker, one loadgen worker ------------------
start_server
mport=$(free_port)
master m2 "$mport" "$WK/locust_wk.py" "$URL" --expect-workers 2 -u 10 -r 10 -t 6s
M2=$MPID
(cd "$T" && exec "$PY" "$WK/pyworker.py" -f "$WK/locust_wk.py" --worker --master-host 127.0.0.1 \
    --master-port "$mport") >"$T/py.log" 2>&1 &
PYW=$!
PIDS+=($PYW)
worker w3 "$mport" -f "$WK/wk.yaml" --threads 1
W3=$WPID
wait_exit "$M2" 40
wait_exit "$W3" 10
wait_exit "$PYW" 10
grep -q "pre 2.0" "$T/m2.log" && fail "the master refused a worker: $(grep 'pre 2.0' "$T/m2.log")"
read -r r3 f3 <<<"$(totals "$T/w3.log")"
agg=$(final_agg "$T/m2.log")
[ "$r3" -gt 50 ] || fail "loadgen worker reported $r3 requests"
[ "$agg" -gt $((r3 + 50)) ] || fail "master's $agg requests: the Python worker added none beyond loadgen's $r3"
[ "$f3" -gt 0 ] || fail "loadgen worker reported no /bad failures"
grep -q '/bad' "$T/m2_failures.csv" || fail "no failures row in the master's failures CSV"
ok "mixed run: loadgen $r3 requests, Python $((agg - r3)), master $agg"

# ---- 3. one worker killed mid-run ------------------------------------------
mport=$(free_port)
master m3 "$mport" "$WK/locust_wk.py" "$URL" --expect-workers 2 -u 10 -r 10 -t 14s --enable-rebalancing
M3=$MPID
worker w4 "$mport" -f "$WK/wk.yaml" --threads 1
W4=$WPID
worker w5 "$mport" -f "$WK/wk.yaml" --threads 1
W5=$WPID
for _ in $(seq 1 100); do grep -qF 'Spawning: 5 users wanted of this worker: {"wk": 5}' "$T/w4.log" 2>/dev/null && break; sleep 0.1; done
sleep 3
kill -KILL "$W4"
wait "$W4" 2>/dev/null || true
wait_exit "$M3" 40
wait_exit "$W5" 10
[ "$RC" = 0 ] || fail "the surviving worker did not exit 0"
grep -qi "missing" "$T/m3.log" || fail "master did not notice the killed worker: $(tail -5 "$T/m3.log")"
grep -qF 'Spawning: 10 users wanted of this worker: {"wk": 10}' "$T/w5.log" || fail "the surviving worker never took over the 10 users: $(grep Spawning "$T/w5.log")"
ok "killed worker: master marked it missing, the other took over 10 users and finished ($(totals "$T/w5.log") )"

# ---- 4. master stopped with SIGTERM -> workers quit cleanly ------------------
mport=$(free_port)
master m4 "$mport" "$WK/locust_wk.py" "$URL" --expect-workers 1 -u 4 -r 4 -t 60s
M4=$MPID
worker w6 "$mport" -f "$WK/wk.yaml" --threads 1
W6=$WPID
for _ in $(seq 1 100); do grep -qF 'Spawning: 4 users wanted of this worker: {"wk": 4}' "$T/w6.log" 2>/dev/null && break; sleep 0.1; done
sleep 1
kill -TERM "$M4"
wait_exit "$W6" 10
[ "$RC" = 0 ] || fail "worker did not exit 0 after the master's SIGTERM: $(tail -3 "$T/w6.log")"
grep -q "the master said quit" "$T/w6.log" || fail "worker did not see the master's quit"
wait_exit "$M4" 10
ok "master SIGTERM: worker quit cleanly (exit 0)"

# ---- 5. master killed -> lost, exit 1 after --master-timeout -----------------
mport=$(free_port)
master m5 "$mport" "$WK/locust_wk.py" "$URL" --expect-workers 1 -u 4 -r 4 -t 60s
M5=$MPID
worker w7 "$mport" -f "$WK/wk.yaml" --threads 1 --master-timeout 3
W7=$WPID
for _ in $(seq 1 100); do grep -qF 'Spawning: 4 users wanted of this worker: {"wk": 4}' "$T/w7.log" 2>/dev/null && break; sleep 0.1; done
kill -KILL "$M5"
wait_exit "$W7" 15
[ "$RC" = 1 ] || fail "worker did not exit 1 after losing its master"
grep -q "lost the Locust master" "$T/w7.log" || fail "no 'lost the master' message: $(tail -3 "$T/w7.log")"
ok "master killed: $(grep -o 'lost the Locust master[^:]*' "$T/w7.log" | head -1), exit 1"

# ---- 6. no master at all --------------------------------------------------
rc=0
"$LOADGEN" --worker --master-port "$(free_port)" -f "$WK/wk.yaml" --master-timeout 2 2>"$T/none.err" || rc=$?
[ "$rc" = 1 ] || fail "no master: exit $rc, not 1"
grep -q "no Locust master answered" "$T/none.err" || fail "no message: $(cat "$T/none.err")"
ok "no master: exit 1, '$(grep -o 'no Locust master answered[^(]*' "$T/none.err")'"

# ---- 7. options a worker refuses ------------------------------------------
for bad in "-u 5" "--csv x" "-t 10s" "--rate 5"; do
    rc=0
    # shellcheck disable=SC2086
    "$LOADGEN" --worker -f "$WK/wk.yaml" $bad 2>"$T/opt.err" || rc=$?
    [ "$rc" = 2 ] && grep -q "no meaning with --worker" "$T/opt.err" || fail "--worker $bad: exit $rc: $(cat "$T/opt.err")"
done
rc=0
"$LOADGEN" --master-port 5557 -f "$WK/wk.yaml" 2>"$T/opt.err" || rc=$?
[ "$rc" = 2 ] && grep -q "needs --worker" "$T/opt.err" || fail "--master-port alone: exit $rc"
ok "worker options: -u, --csv, -t, --rate refused (exit 2); --master-port needs --worker"

# ---- 8. web UI master: swarm, stop, swarm again ------------------------------
mport=$(free_port)
wport=$(free_port)
(cd "$T" && exec locust -f "$WK/locust_wk.py" --master --master-bind-host 127.0.0.1 \
    --master-bind-port "$mport" --web-host 127.0.0.1 --web-port "$wport") >"$T/m8.log" 2>&1 &
M8=$!
PIDS+=($M8)
worker w8 "$mport" -f "$WK/wk.yaml" --threads 1
W8=$WPID
UI="http://127.0.0.1:$wport"
for _ in $(seq 1 100); do grep -q "Connected to the Locust master" "$T/w8.log" 2>/dev/null && break; sleep 0.1; done
reqs() { curl -sf "$UI/stats/requests" | "$PY" -c 'import json,sys; d=json.load(sys.stdin); print(sum(s["num_requests"] for s in d["stats"] if s["name"] == "Aggregated"))'; }
curl -sf -X POST -d "user_count=4&spawn_rate=4&host=$URL" "$UI/swarm" >/dev/null || fail "swarm refused"
sleep 3
n1=$(reqs)
curl -sf "$UI/stop" >/dev/null || fail "stop refused"
for _ in $(seq 1 50); do grep -q "The master stopped the test" "$T/w8.log" && break; sleep 0.1; done
grep -q "The master stopped the test" "$T/w8.log" || fail "worker did not see the stop"
sleep 1
curl -sf -X POST -d "user_count=2&spawn_rate=2&host=$URL" "$UI/swarm" >/dev/null || fail "second swarm refused"
sleep 3
grep -qF 'Spawning: 2 users wanted of this worker: {"wk": 2}' "$T/w8.log" || fail "no second test after the stop: $(grep -c Spawning "$T/w8.log") spawns"
n2=$(reqs)
[ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] || fail "web UI shows $n1 then $n2 requests"
kill -TERM "$M8"
wait_exit "$W8" 10
[ "$RC" = 0 ] || fail "worker did not exit 0 after the UI master's SIGTERM"
ok "web UI master: $n1 requests in the first test, stop, ready again, $n2 in the second"

# ---- 9. two user classes: each class's users on the loadgen worker ------------
mport=$(free_port)
master m9 "$mport" "$WK/locust_wk2.py" "$URL" --expect-workers 1 -u 5 -r 5 -t 5s
M9=$MPID
worker w9 "$mport" -f "$WK/wk2.yaml" --threads 2
W9=$WPID
wait_exit "$M9" 40
wait_exit "$W9" 10
[ "$RC" = 0 ] || fail "two-class worker did not exit 0: $(tail -3 "$T/w9.log")"
grep -qF 'Spawning: 5 users wanted of this worker: {"Reader": 4, "Admin": 1}' "$T/w9.log" ||
    fail "worker's classes: $(grep Spawning "$T/w9.log")"
grep -q "NOT run" "$T/w9.log" && fail "the worker refused a class: $(grep 'NOT run' "$T/w9.log")"
# the master logs what its workers reported, class by class
grep -qF 'All users spawned: {"Admin": 1, "Reader": 4} (5 total users)' "$T/m9.log" ||
    fail "master's spawn log: $(grep -i 'spawn' "$T/m9.log" | tail -3)"
"$PY" - "$T/m9_stats.csv" <<'PYEOF' || fail "two-class request mix"
import csv, sys
n = {r["Name"]: int(r["Request Count"]) for r in csv.DictReader(open(sys.argv[1], newline=""))}
# 4 Readers and 1 Admin, same wait: /read about 80 % of requests; Admin's tasks 2:1
total = n["/read"] + n["/admin"] + n["/audit"]
assert total > 100 and abs(n["/read"] / total - 0.8) < 0.06, n
assert n["/audit"] > 10 and 1.3 < n["/admin"] / n["/audit"] < 3, n
print("ok: two classes on a loadgen worker: %s" % n)
PYEOF
