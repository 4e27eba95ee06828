#!/usr/bin/env bash
# worker.sh — one loadgen worker against one Python Locust worker
# (FastHttpUser), each alone under the same unmodified Locust 2.12.1 master,
# on the same pinned core, same scenario (tests/bench/worker/: one GET, no
# wait), against the same fixed-response nginx; run A B A B … in one go so
# the machine's drift hits both. Prints requests/s (the master's figure) and
# CPU-seconds per 10,000 requests (the worker process's own, /usr/bin/time).
# Not a timed test: read the ratios. Build folder: $BUILD_DIR (default build).
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
LOADGEN="$BUILD_DIR/bin/loadgen"
SECS=${BENCH_SECONDS:-10}
USERS=${BENCH_USERS:-50}
ROUNDS=${BENCH_ROUNDS:-2}
HERE="$(cd "$(dirname "$0")" && pwd)"
[ -x "$LOADGEN" ] || { echo "no loadgen at $LOADGEN (set BUILD_DIR)" >&2; exit 2; }
for t in nginx taskset /usr/bin/locust /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 2; }
done
NCPU=$(nproc)
SRV_CPU=0
WK_CPU=$(( NCPU > 1 ? 1 : 0 ))
T=$(mktemp -d /tmp/lg-bench-worker.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]:-}"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
    rm -rf "$T"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PORT=$(free_port)
cat > "$T/nginx.conf" <<NGX
worker_processes 1;
daemon off;
pid $T/nginx.pid;
error_log $T/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000000;
    client_body_temp_path $T; proxy_temp_path $T; fastcgi_temp_path $T;
    uwsgi_temp_path $T; scgi_temp_path $T;
    server {
        listen 127.0.0.1:$PORT;
        location / { default_type application/json; return 200 '{"status":"ok"}'; }
    }
}
NGX
taskset -c $SRV_CPU nginx -c "$T/nginx.conf" -p "$T" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"
echo "target: nginx on CPU $SRV_CPU ($URL); master on CPU $SRV_CPU; the worker alone on CPU $WK_CPU"
echo "load: $USERS users, no wait, ${SECS}s per run, $ROUNDS rounds of A (loadgen) then B (Python)"
echo "machine: $NCPU CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# one KIND ROUND — a master and one worker of KIND; prints "requests rps cpu_s"
# (the worker's CPU includes its start-up: Python's imports cost it ~1 s).
one() {
    local kind=$1 r=$2 mport
    mport=$(free_port)
    (cd "$T" && exec taskset -c $SRV_CPU locust -f "$HERE/worker/locust_bench.py" --master \
        --headless --master-bind-host 127.0.0.1 --master-bind-port "$mport" -H "$URL" \
        --expect-workers 1 -u "$USERS" -r "$USERS" -t "${SECS}s" --csv "$T/$kind$r") \
        >"$T/$kind$r.master.log" 2>&1 &
    local m=$!
    PIDS+=($m)
    if [ "$kind" = loadgen ]; then
        taskset -c $WK_CPU /usr/bin/time -f "%U %S" -o "$T/$kind$r.time" "$LOADGEN" --worker \
            --master-port "$mport" -f "$HERE/worker/bench.yaml" -H "$URL" --threads 1 \
            >"$T/$kind$r.log" 2>&1 &
    else
        (cd "$T" && exec taskset -c $WK_CPU /usr/bin/time -f "%U %S" -o "$T/$kind$r.time" \
            /usr/bin/python3 "$HERE/../loadgen/worker/pyworker.py" -f "$HERE/worker/locust_bench.py" \
            --worker --master-host 127.0.0.1 --master-port "$mport") >"$T/$kind$r.log" 2>&1 &
    fi
    local w=$!
    PIDS+=($w)
    wait "$m" || true
    for _ in $(seq 1 100); do kill -0 "$w" 2>/dev/null || break; sleep 0.1; done
    wait "$w" || true
    local agg rps cpu
    agg=$(awk -F, '$2=="Aggregated" {print $3, $10}' "$T/${kind}${r}_stats.csv")
    cpu=$(awk '{print $1 + $2}' "$T/$kind$r.time")
    echo "$agg $cpu"
}

printf '%-8s %5s %10s %10s %12s\n' worker round "req/s" "cpu s" "cpu s/10k"
declare -A SUM_RPS SUM_C10K
for r in $(seq 1 "$ROUNDS"); do
    for kind in loadgen python; do
        read -r reqs rps cpu <<<"$(one "$kind" "$r")"
        c10k=$(awk -v c="$cpu" -v n="$reqs" 'BEGIN {printf "%.3f", (n > 0) ? c / n * 10000 : 0}')
        printf '%-8s %5s %10.0f %10.2f %12s\n' "$kind" "$r" "$rps" "$cpu" "$c10k"
        SUM_RPS[$kind]=$(awk -v a="${SUM_RPS[$kind]:-0}" -v b="$rps" 'BEGIN {print a + b}')
        SUM_C10K[$kind]=$(awk -v a="${SUM_C10K[$kind]:-0}" -v b="$c10k" 'BEGIN {print a + b}')
    done
done
awk -v lr="${SUM_RPS[loadgen]}" -v pr="${SUM_RPS[python]}" -v lc="${SUM_C10K[loadgen]}" \
    -v pc="${SUM_C10K[python]}" -v n="$ROUNDS" 'BEGIN {
    printf "mean: loadgen %.0f req/s, %.3f cpu-s/10k; python %.0f req/s, %.3f cpu-s/10k\n", lr/n, lc/n, pr/n, pc/n
    printf "ratio: loadgen/python requests/s x%.1f; python/loadgen CPU per request x%.1f\n", lr/pr, pc/lc }'
