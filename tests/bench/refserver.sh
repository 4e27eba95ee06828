#!/usr/bin/env bash
# refserver.sh — refserver benchmarks, side by side in one run (not a timed test).
#
#   1. GET /healthz: refserver vs nginx (Debian) returning the same fixed JSON,
#      same worker count, servers pinned to CPU 0 and wrk to CPU 1, rounds
#      alternated; prints the ratio (target >= 0.7x nginx).
#   2. Durable ingest rate per --db-mode (POST /api/v1/logs with one event,
#      then with 10 events per request, wrk with 50 connections); prints
#      batched/naive (target >= 30x) and checks every acknowledged row is in
#      the database.
#   3. The seed's current locustfile mix (loadgen scenario `decnet`, one
#      shared token) at 1500 users against the profiles' dataset: failures,
#      p50/p95, RPS vs 5x the seed's best 1,585 RPS.
#   4. The decnet-2026-04 mix (on-start logins + 3% login task) with real
#      cost-12 bcrypt: RPS and the share of server CPU spent in bcrypt.
#
# Environment (defaults): BUILD_DIR (build), BENCH_WRK_SECONDS (5),
# BENCH_ROUNDS (3), BENCH_WORKERS (1, for 1-2), BENCH_USERS (1500),
# BENCH_MIX_TIME (30s), BENCH_BCRYPT_USERS (50), BENCH_BCRYPT_TIME (60s),
# BENCH_ONLY (e.g. "1 3": run only those sections).
# The machine has 2 cores shared with other work: numbers are noisy.
set -u
BUILD_DIR=${BUILD_DIR:-build}
BIN="$BUILD_DIR/bin"
SECS=${BENCH_WRK_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
WORKERS=${BENCH_WORKERS:-1}
USERS=${BENCH_USERS:-1500}
MIX_TIME=${BENCH_MIX_TIME:-30s}
BC_USERS=${BENCH_BCRYPT_USERS:-50}
BC_TIME=${BENCH_BCRYPT_TIME:-60s}
ONLY=${BENCH_ONLY:-1 2 3 4}
PY=/usr/bin/python3
T=$(mktemp -d "${TMPDIR:-/tmp}/rs-bench.XXXXXX")
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT
export REFSERVER_JWT_SECRET="bench-secret-0123456789abcdef0123456789abcdef"
want() { [[ " $ONLY " == *" $1 "* ]]; }
. "$(dirname "$0")/lib/ingest.sh"
for tool in wrk nginx taskset; do
    command -v "$tool" >/dev/null || { echo "refserver.sh: $tool not found" >&2; exit 2; }
done
[ -x "$BIN/refserver" ] || { echo "refserver.sh: no $BIN/refserver (set BUILD_DIR)" >&2; exit 2; }

RS_PID=""
rs_start() {   # rs_start DB ARGS... -> RS_PID, RS_PORT (stderr in $T/rs.log)
    local db=$1; shift
    rm -f "$T/port"
    "$BIN/refserver" --bind 127.0.0.1:0 --port-file "$T/port" --db "$db" "$@" 2>"$T/rs.log" &
    RS_PID=$!
    PIDS+=("$RS_PID")
    for _ in $(seq 200); do [ -s "$T/port" ] && break; sleep 0.05; done
    RS_PORT=$(cat "$T/port")
}
rs_stop() { kill -TERM "$RS_PID"; wait "$RS_PID" 2>/dev/null; }
token() {
    curl -s -X POST -d '{"username":"admin","password":"admin"}' "http://127.0.0.1:$1/api/v1/auth/login" |
        $PY -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'
}
wrk_rps() { taskset -c 1 wrk -t1 "$@" | awk '/Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { $PY -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
cpus() { # cpu list 0..n-1 for n workers, as --cpu-pin and taskset want it
    [ "$1" -le 1 ] && echo 0 || echo "0-$(($1 - 1))"
}

echo "# refserver benchmarks ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"

if want 1; then
    echo
    echo "## 1. GET /healthz: refserver vs nginx ($WORKERS worker(s) pinned to CPU $(cpus "$WORKERS"), wrk -t1 -c50 -d${SECS}s on CPU 1, $ROUNDS alternated rounds)"
    NGPORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$T/ng"
    cat > "$T/ng/nginx.conf" <<NGINX
worker_processes $WORKERS;
worker_cpu_affinity auto;
daemon off;
pid $T/ng/nginx.pid;
error_log $T/ng/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $T/ng; proxy_temp_path $T/ng; fastcgi_temp_path $T/ng;
  uwsgi_temp_path $T/ng; scgi_temp_path $T/ng;
  server {
    listen 127.0.0.1:$NGPORT reuseport;
    location = /healthz { default_type application/json; return 200 '{"status":"ok"}'; }
  }
}
NGINX
    taskset -c "$(cpus "$WORKERS")" nginx -c "$T/ng/nginx.conf" -p "$T/ng" &
    NG_PID=$!
    PIDS+=("$NG_PID")
    rs_start "$T/h.db" --workers "$WORKERS" --cpu-pin "$(cpus "$WORKERS")" --bcrypt-cost 4 --quiet
    sleep 0.5
    rs_r=(); ng_r=()
    for r in $(seq "$ROUNDS"); do
        rs_r+=("$(wrk_rps -c50 -d"${SECS}s" "http://127.0.0.1:$RS_PORT/healthz")")
        ng_r+=("$(wrk_rps -c50 -d"${SECS}s" "http://127.0.0.1:$NGPORT/healthz")")
        echo "round $r: refserver ${rs_r[-1]} req/s, nginx ${ng_r[-1]} req/s"
    done
    rs_m=$(median "${rs_r[@]}"); ng_m=$(median "${ng_r[@]}")
    echo "median: refserver $rs_m req/s, nginx $ng_m req/s, ratio $(ratio "$rs_m" "$ng_m")x (target >= 0.7x)"
    rs_stop
    kill -TERM "$NG_PID"; wait "$NG_PID" 2>/dev/null
fi

if want 2; then
    echo
    echo "## 2. Durable ingest (wrk -t1 -c50 -d${SECS}s on CPU 1, refserver $WORKERS worker(s) on CPU $(cpus "$WORKERS"))"
    ingest_lua "$T"   # tests/bench/lib/ingest.sh: post1.lua, post10.lua
    declare -A ingest ingest10
    for mode in naive pooled batched; do
        rs_start "$T/ingest-$mode.db" --workers "$WORKERS" --cpu-pin "$(cpus "$WORKERS")" \
            --bcrypt-cost 4 --db-mode "$mode" --dataset-logs 1000 --quiet
        tok=$(token "$RS_PORT")
        read -r rps sent non2xx < <(ingest_wrk "$RS_PORT" "$tok" "$T/post1.lua" "$SECS")
        rs_stop
        stored=$(sqlite3 "$T/ingest-$mode.db" "select count(*) from logs where raw_line = 'bench-ingest'")
        ingest[$mode]=$rps
        echo "$mode, 1 event/POST: $rps events/s acknowledged; $sent responses, ${non2xx:-0} non-2xx, $stored rows stored (>= acknowledged: $([ "$stored" -ge $((sent - ${non2xx:-0})) ] && echo yes || echo NO))"
        rs_start "$T/ingest10-$mode.db" --workers "$WORKERS" --cpu-pin "$(cpus "$WORKERS")" \
            --bcrypt-cost 4 --db-mode "$mode" --dataset-logs 1000 --quiet
        tok=$(token "$RS_PORT")
        read -r rps sent non2xx < <(ingest_wrk "$RS_PORT" "$tok" "$T/post10.lua" "$SECS")
        rs_stop
        stored=$(sqlite3 "$T/ingest10-$mode.db" "select count(*) from logs where raw_line = 'bench-ingest'")
        ingest10[$mode]=$($PY -c "print('%.0f' % (10 * float('$rps')))")
        echo "$mode, 10 events/POST: ${ingest10[$mode]} events/s acknowledged; $sent responses, ${non2xx:-0} non-2xx, $stored rows stored (>= acknowledged: $([ "$stored" -ge $((10 * (sent - ${non2xx:-0}))) ] && echo yes || echo NO))"
    done
    echo "1 event/POST:   batched/naive $(ratio "${ingest[batched]}" "${ingest[naive]}")x (target >= 30x), pooled/naive $(ratio "${ingest[pooled]}" "${ingest[naive]}")x"
    echo "10 events/POST: batched/naive $(ratio "${ingest10[batched]}" "${ingest10[naive]}")x, pooled/naive $(ratio "${ingest10[pooled]}" "${ingest10[naive]}")x"
fi

stats_row() { # stats_row CSV -> "requests failures median p95 p99 rps"
    $PY - "$1" <<'PYEOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["Name"] == "Aggregated":
        print(r["Request Count"], r["Failure Count"], r["50%"], r["95%"], r["99%"],
              "%.0f" % float(r["Requests/s"]))
PYEOF
}
cpu_share() { # from the workers' exit lines: total cpu s, bcrypt s, share
    $PY - "$T/rs.log" <<'PYEOF'
import re, sys
cpu = bc = jobs = 0.0
for line in open(sys.argv[1]):
    m = re.search(r"cpu ([\d.]+) s, bcrypt (\d+) jobs ([\d.]+) s cpu", line)
    if m:
        cpu += float(m.group(1)); jobs += int(m.group(2)); bc += float(m.group(3))
print("server CPU %.1f s, bcrypt %d checks %.1f s = %.0f%% of server CPU" %
      (cpu, jobs, bc, 100 * bc / cpu if cpu else 0))
PYEOF
}
LOADGEN="$BIN/loadgen"
if want 3 || want 4; then
    if [ ! -x "$LOADGEN" ]; then
        echo; echo "## 3-4 skipped: no $LOADGEN"
        exit 0
    fi
fi

if want 3; then
    echo
    echo "## 3. decnet mix (shared token) at $USERS users, spawn 200/s, $MIX_TIME, dataset decnet-2026-04, 2 workers, unpinned, loadgen on the same 2 cores"
    rs_start "$T/mix.db" --workers 2 --dataset decnet-2026-04 --bcrypt-cost 12
    "$LOADGEN" -f decnet -u "$USERS" -r 200 -t "$MIX_TIME" -H "http://127.0.0.1:$RS_PORT" \
        --csv "$T/mix" --only-summary >"$T/mix.out" 2>&1
    rs_stop
    read -r n f p50 p95 p99 rps < <(stats_row "$T/mix_stats.csv")
    echo "requests $n, failures $f, p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, $rps req/s (run average incl. ramp-up)"
    echo "vs the seed's best 1,585 req/s: $(ratio "$rps" 1585)x (target >= 5x, p95 < 100 ms, 0 failures)"
    grep -c "SATURATED" "$T/mix.out" | sed 's/^/loadgen saturation warnings: /'
    cpu_share
fi

if want 4; then
    echo
    echo "## 4. decnet-2026-04 mix (on-start login + 3% login task) with cost-12 bcrypt, admin finalised, $BC_USERS users, spawn 50/s, $BC_TIME, 2 workers"
    rs_start "$T/bc.db" --workers 2 --dataset decnet-2026-04 --bcrypt-cost 12
    # finalise the admin first, as for the fb69a06 profiles (no change-password
    # rows): every on-start is then one login, and the run reaches steady state
    tok=$(token "$RS_PORT")
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" \
        -d '{"old_password":"admin","new_password":"admin"}' "http://127.0.0.1:$RS_PORT/api/v1/auth/change-password"
    "$LOADGEN" -f decnet-2026-04 -u "$BC_USERS" -r 50 -t "$BC_TIME" -H "http://127.0.0.1:$RS_PORT" \
        --csv "$T/bc" --only-summary >"$T/bc.out" 2>&1
    rs_stop
    read -r n f p50 p95 p99 rps < <(stats_row "$T/bc_stats.csv")
    echo "requests $n, failures $f, p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, $rps req/s"
    $PY - "$T/bc_stats.csv" "$T/rs.log" "$(nproc)" <<'PYEOF'
import csv, re, sys
total = logins = 0
for r in csv.DictReader(open(sys.argv[1])):
    if r["Name"] == "Aggregated":
        total = int(r["Request Count"])
    elif "login" in r["Name"]:
        logins += int(r["Request Count"])
        print("  %-40s %6s reqs, p50 %s ms, p95 %s ms" % (r["Name"], r["Request Count"], r["50%"], r["95%"]))
checks = cpu = 0.0
for line in open(sys.argv[2]):
    m = re.search(r"bcrypt (\d+) jobs ([\d.]+) s cpu", line)
    if m:
        checks += int(m.group(1)); cpu += float(m.group(2))
if checks and total and logins:
    per = cpu / checks
    share = logins / total
    print("  bcrypt %.0f ms CPU per check; logins %.1f%% of requests -> bcrypt alone bounds "
          "this mix at %s cores / (%.3f x %.3f s) = %.0f req/s" %
          (per * 1000, 100 * share, sys.argv[3], share, per, int(sys.argv[3]) / (share * per)))
PYEOF
    cpu_share
fi
