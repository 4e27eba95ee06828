#!/usr/bin/env bash
# loadgen-vs-peers.sh — loadgen side by side with wrk and Locust (FastHttpUser)
# against the same fixed-response nginx on loopback, in one run. nginx (1
# worker) is pinned to CPU 0, every client to CPU 1, keep-alive, same
# connection count. A benchmark, not a test: it prints what it measured.
#
#   BUILD_DIR=build-loadgen bash tests/bench/loadgen-vs-peers.sh
#   env: BUILD_DIR (default build), BENCH_SECONDS (default 8), BENCH_CONNS (default 50),
#        BENCH_SPAWN=1 to also time 2000 users @ 200/s and run 10,000 users.
#
# Beside the three clients it runs lg_curl_floor (tests/bench/curl_floor.c),
# the engine with none of loadgen's work, to show what libcurl and the kernel
# cost per request here. The last two lines are exactly:
#   loadgen/wrk rps ratio: X.XX
#   loadgen/locust rps-per-cpu ratio: Y.YY
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD_DIR=${BUILD_DIR:-build}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
LOADGEN="$BUILD_DIR/bin/loadgen"
SECS=${BENCH_SECONDS:-8}
CONNS=${BENCH_CONNS:-50}
[ -x "$LOADGEN" ] || { echo "no loadgen at $LOADGEN (set BUILD_DIR)" >&2; exit 2; }
for t in nginx wrk taskset /usr/bin/locust /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 2; }
done
NCPU=$(nproc)
SRV_CPU=0
CLI_CPU=$(( NCPU > 1 ? 1 : 0 ))

T=$(mktemp -d /tmp/lg-bench.XXXXXX)
NGINX_PID=""
cleanup() {
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
    rm -rf "$T"
}
trap cleanup EXIT

PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cat > "$T/nginx.conf" <<NGX
worker_processes 1;
daemon off;
pid $T/nginx.pid;
error_log $T/error.log warn;
events { worker_connections 20000; }
worker_rlimit_nofile 30000;
http {
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 120s;
    client_body_temp_path $T;
    proxy_temp_path $T;
    fastcgi_temp_path $T;
    uwsgi_temp_path $T;
    scgi_temp_path $T;
    server {
        listen 127.0.0.1:$PORT backlog=16384;
        location / {
            default_type application/json;
            return 200 '{"status":"ok"}';
        }
    }
}
NGX
taskset -c $SRV_CPU nginx -c "$T/nginx.conf" -p "$T" >/dev/null 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
    sleep 0.1
done
URL="http://127.0.0.1:$PORT/"
echo "target: nginx 1 worker on CPU $SRV_CPU, $URL; clients on CPU $CLI_CPU; ${SECS}s each, $CONNS connections"
echo "machine: $NCPU CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine adds noise)"

# cpu_of FILE — user+system seconds from /usr/bin/time -f "%U %S %M".
cpu_of() { awk '{print $1 + $2}' "$1"; }
rss_of() { awk '{print $3}' "$1"; }

/usr/bin/time -o "$T/wrk.time" -f "%U %S %M" taskset -c $CLI_CPU \
    wrk -t1 -c"$CONNS" -d"${SECS}s" "$URL" >"$T/wrk.out" 2>&1
WRK_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$T/wrk.out")
WRK_REQ=$(awk '/requests in/ {print $1}' "$T/wrk.out")
echo "wrk -t1 -c$CONNS:        $WRK_RPS req/s, $(cpu_of "$T/wrk.time") CPU s for $WRK_REQ requests"

/usr/bin/time -o "$T/lg.time" -f "%U %S %M" taskset -c $CLI_CPU \
    "$LOADGEN" --threads 1 -u "$CONNS" -r 100000 -t "${SECS}s" --only-summary --loglevel WARNING \
    --csv "$T/lg" "$URL" >/dev/null 2>"$T/lg.err" || { echo "loadgen failed:"; tail -5 "$T/lg.err"; exit 1; }
LG_RPS=$(awk -F, '$2=="Aggregated" {print $10}' "$T/lg_stats.csv")
LG_REQ=$(awk -F, '$2=="Aggregated" {print $3}' "$T/lg_stats.csv")
LG_CPU=$(cpu_of "$T/lg.time")
echo "loadgen --threads 1 -u $CONNS: $(printf %.0f "$LG_RPS") req/s, $LG_CPU CPU s for $LG_REQ requests, peak RSS $(rss_of "$T/lg.time") KiB"

# The engine's floor: libcurl multi + libev with loadgen's handle setup and
# none of loadgen's own work (tests/bench/curl_floor.c). What loadgen cannot
# beat on this machine with this libcurl.
FLOOR="$BUILD_DIR/bin/lg_curl_floor"
FL_REQ=0 FL_CPU=0
if [ -x "$FLOOR" ]; then
    /usr/bin/time -o "$T/floor.time" -f "%U %S %M" taskset -c $CLI_CPU \
        "$FLOOR" "$CONNS" "$SECS" "$URL" >"$T/floor.out" 2>&1 || { echo "lg_curl_floor failed:"; cat "$T/floor.out"; exit 1; }
    FL_REQ=$(awk '/^requests/ {print $2}' "$T/floor.out")
    FL_CPU=$(cpu_of "$T/floor.time")
    echo "engine floor (lg_curl_floor, $CONNS connections): $(( FL_REQ / SECS )) req/s, $FL_CPU CPU s for $FL_REQ requests"
fi

cat > "$T/lf.py" <<'PYEOF'
from locust import task
from locust.contrib.fasthttp import FastHttpUser
class U(FastHttpUser):
    @task
    def ok(self):
        self.client.get("/")
PYEOF
/usr/bin/time -o "$T/locust.time" -f "%U %S %M" taskset -c $CLI_CPU \
    /usr/bin/locust -f "$T/lf.py" --headless -u "$CONNS" -r "$CONNS" -t "${SECS}s" -H "http://127.0.0.1:$PORT" \
    --csv "$T/locust" --only-summary --loglevel WARNING >/dev/null 2>"$T/locust.err" || true
LO_RPS=$(awk -F, '$2=="Aggregated" {print $10}' "$T/locust_stats.csv")
LO_REQ=$(awk -F, '$2=="Aggregated" {print $3}' "$T/locust_stats.csv")
LO_CPU=$(cpu_of "$T/locust.time")
echo "locust FastHttpUser -u $CONNS: $(printf %.0f "$LO_RPS") req/s, $LO_CPU CPU s for $LO_REQ requests (_stats.csv is ~1 s stale in 2.12.1)"

if [ "${BENCH_SPAWN:-0}" = 1 ]; then
    # 2000 users at 200/s against refserver (the decnet scenario) when it is
    # built, else against nginx with the same think time.
    RS="$BUILD_DIR/bin/refserver"
    SPAWN_TARGET=(-H "http://127.0.0.1:$PORT" -f "$ROOT/tests/bench/fixed.yaml")
    SPAWN_WHAT="nginx, between(0.01,0.05)"
    if [ -x "$RS" ]; then
        RS_PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
        "$RS" --bind "127.0.0.1:$RS_PORT" --db "$T/rs.db" --workers 2 >"$T/rs.log" 2>&1 &
        RS_PID=$!
        for _ in $(seq 1 100); do
            curl -sf "http://127.0.0.1:$RS_PORT/healthz" >/dev/null 2>&1 && break
            sleep 0.1
        done
        SPAWN_TARGET=(-H "http://127.0.0.1:$RS_PORT" -f decnet)
        SPAWN_WHAT="refserver --workers 2, scenario decnet"
    fi
    /usr/bin/time -o "$T/spawn.time" -f "%U %S %M" "$LOADGEN" -u 2000 -r 200 -t 14s \
        --csv "$T/spawn" --only-summary "${SPAWN_TARGET[@]}" >/dev/null 2>"$T/spawn.err" || true
    [ -n "${RS_PID:-}" ] && kill "$RS_PID" 2>/dev/null && wait "$RS_PID" 2>/dev/null || true
    S0=$(grep -m1 "Ramping to" "$T/spawn.err" | sed 's/^\[\([^]]*\)\].*/\1/')
    S1=$(grep -m1 "All users spawned" "$T/spawn.err" | sed 's/^\[\([^]]*\)\].*/\1/')
    SPAWN_S=$(/usr/bin/python3 -c "import datetime,sys; f=lambda s: datetime.datetime.strptime(s,'%Y-%m-%d %H:%M:%S,%f'); print('%.1f' % (f(sys.argv[2])-f(sys.argv[1])).total_seconds())" "$S0" "$S1")
    echo "2000 users @ 200/s ($SPAWN_WHAT): all spawned after $SPAWN_S s (reporter tick: 1 s resolution), peak RSS $(( $(rss_of "$T/spawn.time") / 1024 )) MiB, $(awk -F, '$2=="Aggregated" {print $3" requests, "$4" failures"}' "$T/spawn_stats.csv")"
    /usr/bin/time -o "$T/10k.time" -f "%U %S %M" "$LOADGEN" -u 10000 -r 2500 -t 12s \
        --csv "$T/10k" --only-summary -H "http://127.0.0.1:$PORT" -f "$ROOT/tests/bench/fixed.yaml" \
        >/dev/null 2>"$T/10k.err" || true
    PEAK=$(awk -F, 'NR>1 && $2>m {m=$2} END {print m+0}' "$T/10k_stats_history.csv")
    echo "10,000 users @ 2500/s (nginx): peak user count $PEAK, peak RSS $(( $(rss_of "$T/10k.time") / 1024 )) MiB, $(awk -F, '$2=="Aggregated" {print $3" requests, "$4" failures"}' "$T/10k_stats.csv")"
fi

/usr/bin/python3 - "$LG_RPS" "$WRK_RPS" "$LG_REQ" "$LG_CPU" "$LO_REQ" "$LO_CPU" "$WRK_REQ" "$(cpu_of "$T/wrk.time")" "$FL_REQ" "$FL_CPU" <<'PYEOF'
import sys
lg_rps, wrk_rps, lg_req, lg_cpu, lo_req, lo_cpu, wrk_req, wrk_cpu, fl_req, fl_cpu = map(float, sys.argv[1:])
per10k = lambda cpu, req: cpu / req * 1e4
print("CPU s per 10k requests: wrk %.3f, engine floor %s, loadgen %.3f, locust %.3f" % (
    per10k(wrk_cpu, wrk_req), "%.3f" % per10k(fl_cpu, fl_req) if fl_req else "n/a",
    per10k(lg_cpu, lg_req), per10k(lo_cpu, lo_req)))
print("per CPU-second vs locust: wrk %.2fx, engine floor %s, loadgen %.2fx" % (
    per10k(lo_cpu, lo_req) / per10k(wrk_cpu, wrk_req),
    "%.2fx" % (per10k(lo_cpu, lo_req) / per10k(fl_cpu, fl_req)) if fl_req else "n/a",
    per10k(lo_cpu, lo_req) / per10k(lg_cpu, lg_req)))
if fl_req:
    print("loadgen's own work: %+.1f%% CPU per request over the engine floor" % (
        (per10k(lg_cpu, lg_req) / per10k(fl_cpu, fl_req) - 1) * 100))
print("loadgen/wrk rps ratio: %.2f" % (lg_rps / wrk_rps))
print("loadgen/locust rps-per-cpu ratio: %.2f" % ((lg_req / lg_cpu) / (lo_req / lo_cpu)))
PYEOF
