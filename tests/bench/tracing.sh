#!/usr/bin/env bash
# tracing.sh — what the tracing and per-request-profiling lenses cost on our
# stack, measured the way the seed's §4 table measured tracing ON vs OFF: the
# same load against the same server configuration, one switch changed, side
# by side in one run.
#
# refserver: 2 workers, unpinned, dataset decnet-2026-04, fresh database per
# run. loadgen: scenario decnet (one shared token), $USERS users, spawn
# $SPAWN/s, $SECS s, on the same cores. $ROUNDS rounds (default 3) of three
# runs, the order rotated each round so drift in the machine's load does not
# always hit the same lens:
#   off      no lens
#   tracing  --tracing, spans to a file sink (--trace-file; the exporter does
#            the same batching and JSON encoding as for a collector, minus the
#            loopback POST)
#   profile  --profile-requests DIR
# Per round `analyze compare` off->tracing and off->profile (requests, p50,
# p95, p99, avg, RPS with deltas), each worker's lens summary line (spans
# exported/dropped, profile rows) and the server's CPU per request (the
# workers' exit lines: process CPU, exporter threads included, over requests
# served); then the medians over the rounds and the median of the paired
# per-round deltas.
#
# Part 2 ($WRK_ROUNDS rounds, default 3; 0 skips it): a saturated worker, which
# loadgen cannot produce on 2 shared cores: one pinned worker driven by wrk on
# the other core (see below). Part 1 can be skipped with ROUNDS=0.
#
# Build folder: $BUILD_DIR (default build). Takes ~6 minutes with the
# defaults. A 2-core machine shared with other builds is noisy: look at the
# per-round deltas' spread before believing a median of a few percent; on a
# saturated server, CPU per request is the figure to trust.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
BIN=$BUILD_DIR/bin
USERS=${USERS:-500}
SPAWN=${SPAWN:-200}
SECS=${SECS:-20}
ROUNDS=${ROUNDS:-3}
# PIN=1 (part 1): refserver --workers 1 pinned to CPU 0 (its exporter thread
# with it), loadgen pinned to CPU 1, meant to make the server the bottleneck
# as in the seed's §4 runs (on this machine it did not: loadgen on one core
# left the worker at 0.4-0.8 of its core); default: 2 unpinned workers
# sharing both cores with loadgen.
PIN=${PIN:-0}
if [ "$PIN" = 1 ]; then
    RS_TOPO=(--workers 1 --cpu-pin 0)
    LG_PREFIX=(taskset -c 1)
else
    RS_TOPO=(--workers 2)
    LG_PREFIX=()
fi
PY=/usr/bin/python3
for t in refserver loadgen analyze; do
    [ -x "$BIN/$t" ] || { echo "build $t first (cmake --build $BUILD_DIR)" >&2; exit 2; }
done
T=$(mktemp -d /tmp/lb-bench-tracing.XXXXXX)
RS_PID=""
cleanup() {
    if [ -n "$RS_PID" ]; then kill -TERM "$RS_PID" 2>/dev/null || true; wait "$RS_PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT
export REFSERVER_JWT_SECRET=bench-tracing-secret-0123456789abcdef0123456789

# run NAME [refserver options] — one measured run; CSVs in $T/NAME_*.csv
run() {
    local name=$1
    shift
    rm -f "$T/port" "$T/db"*
    "$BIN/refserver" --bind 127.0.0.1:0 --port-file "$T/port" --db "$T/db" "${RS_TOPO[@]}" \
        --dataset decnet-2026-04 "$@" 2>"$T/$name.rs.log" &
    RS_PID=$!
    for _ in $(seq 400); do [ -s "$T/port" ] && break; sleep 0.05; done
    [ -s "$T/port" ] || { echo "refserver did not start:" >&2; cat "$T/$name.rs.log" >&2; exit 1; }
    echo "  $name: running ${SECS}s ($(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg))" >&2
    "${LG_PREFIX[@]}" "$BIN/loadgen" -f decnet -u "$USERS" -r "$SPAWN" -t "${SECS}s" --stop-timeout 5 \
        -H "http://127.0.0.1:$(cat "$T/port")" --csv "$T/$name" --only-summary \
        >"$T/$name.lg.log" 2>&1 || true   # failures show in the table
    kill -TERM "$RS_PID"
    wait "$RS_PID" || echo "  $name: refserver exit $?" >&2
    RS_PID=""
    # the workers' exit lines: requests and process CPU (exporter thread included)
    awk '/ requests, cpu / {for (i = 1; i < NF; i++) {if ($(i+1) == "requests,") n += $i; if ($i == "cpu") c += $(i+1)}}
         END {printf "%d %.3f %.2f\n", n, c, n ? c * 1e6 / n : 0}' "$T/$name.rs.log" >"$T/$name.cpu"
    read -r n c per <"$T/$name.cpu"
    echo "  $name: server $n requests, $c s CPU, $per us CPU per request" >&2
}

echo "# tracing tax ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "# refserver ${RS_TOPO[*]}, dataset decnet-2026-04;${LG_PREFIX[*]:+ loadgen under ${LG_PREFIX[*]};} loadgen -f decnet -u $USERS -r $SPAWN -t ${SECS}s; $ROUNDS round(s), order rotated"
names=(off tracing profile)
for r in $(seq "$ROUNDS"); do   # ROUNDS=0 skips part 1
    for k in 0 1 2; do
        n=${names[$(((k + r - 1) % 3))]}
        case $n in
        off) run "r$r-off" ;;
        tracing) run "r$r-tracing" --tracing --trace-file "$T/spans-r$r.jsonl" ;;
        profile) run "r$r-profile" --profile-requests "$T/prof-r$r" ;;
        esac
    done
    rm -f "$T/spans-r$r.jsonl"   # ~100 MB a run: keep /tmp small
    for lens in tracing profile; do
        echo
        echo "## round $r: $lens OFF (A) vs ON (B)"
        "$BIN/analyze" compare --group-names --top 0 "$T/r$r-off_stats.csv" "$T/r$r-${lens}_stats.csv" \
            2>/dev/null | sed -n '1,/^Per endpoint/p' | grep -v '^Per endpoint'
        "$BIN/analyze" compare --format csv "$T/r$r-off_stats.csv" "$T/r$r-${lens}_stats.csv" \
            >"$T/r$r-$lens.cmp.csv" 2>/dev/null
        grep -h "tracing:\|profile:" "$T/r$r-$lens.rs.log" | sed 's/^/    /'
        read -r n0 c0 p0 <"$T/r$r-off.cpu"
        read -r n1 c1 p1 <"$T/r$r-$lens.cpu"
        echo "    server CPU per request: off $p0 us, $lens $p1 us"
    done
    printf '    loadgen saturation warnings: off %s, tracing %s, profile %s\n' \
        "$(grep -c SATURATED "$T/r$r-off.lg.log" || true)" "$(grep -c SATURATED "$T/r$r-tracing.lg.log" || true)" \
        "$(grep -c SATURATED "$T/r$r-profile.lg.log" || true)"
done

[ "$ROUNDS" -gt 0 ] && echo && echo "## median over $ROUNDS round(s): each metric's median, and the median of the per-round (paired) deltas"
[ "$ROUNDS" -gt 0 ] && "$PY" - "$T" "$ROUNDS" <<'PYEOF'
import csv, statistics, sys
d, rounds = sys.argv[1], int(sys.argv[2])
metrics = ["requests", "fails", "p50_ms", "p95_ms", "p99_ms", "avg_ms", "rps", "cpu_us_per_req"]
val = {m: {"off": [], "tracing": [], "profile": []} for m in metrics}
delta = {m: {"tracing": [], "profile": []} for m in metrics}
for r in range(1, rounds + 1):
    for lens in ("tracing", "profile"):
        for row in csv.DictReader(open("%s/r%d-%s.cmp.csv" % (d, r, lens))):
            m = row["metric"]
            if m in metrics:
                if lens == "tracing":
                    val[m]["off"].append(float(row["a"]))
                val[m][lens].append(float(row["b"]))
                if row["delta_pct"] != "":
                    delta[m][lens].append(float(row["delta_pct"]))
    cpu = {k: float(open("%s/r%d-%s.cpu" % (d, r, k)).read().split()[2]) for k in ("off", "tracing", "profile")}
    val["cpu_us_per_req"]["off"].append(cpu["off"])
    for lens in ("tracing", "profile"):
        val["cpu_us_per_req"][lens].append(cpu[lens])
        if cpu["off"]:
            delta["cpu_us_per_req"][lens].append(100.0 * (cpu[lens] - cpu["off"]) / cpu["off"])
med = lambda xs: statistics.median(xs) if xs else float("nan")
def dl(xs):
    return "%+.1f%% (%s)" % (med(xs), ", ".join("%+.0f" % x for x in xs)) if xs else "n/a"
print("| metric | off | tracing on | delta (per round) | profile on | delta (per round) |")
print("|---|---:|---:|---:|---:|---:|")
for m in metrics:
    print("| %s | %s | %s | %s | %s | %s |" % (m, "%.6g" % med(val[m]["off"]), "%.6g" % med(val[m]["tracing"]),
          dl(delta[m]["tracing"]), "%.6g" % med(val[m]["profile"]), dl(delta[m]["profile"])))
PYEOF

# Part 2 (WRK_ROUNDS > 0 and wrk installed): the saturated-server case loadgen
# cannot produce on 2 shared cores. One refserver worker pinned to CPU 0 (its
# exporter thread with it), wrk -t1 -c50 pinned to CPU 1, GET
# /api/v1/logs?limit=50 with a token (a server span and a sqlite span per
# request; bcrypt cost 4 so the setup login does not weigh on CPU per
# request); off / tracing / profile rotated per round, req/s and latency from
# wrk, CPU per request from the worker's exit line.
WRK_ROUNDS=${WRK_ROUNDS:-3}
WRK_SECS=${WRK_SECS:-10}
# Part 3 (PERF_ROUNDS > 0, default 0): the same saturated worker with and
# without scripts/profile/perf-attach sampling it at 99 Hz for WRK_SECS-2 s of
# each perf run (perf itself unpinned), the cost of the py-spy lens.
PERF_ROUNDS=${PERF_ROUNDS:-0}
if command -v wrk >/dev/null && command -v taskset >/dev/null; then
    wrk_run() {   # NAME [refserver options] -> "rps avg_ms p99_ms cpu_us_per_req"
        local name=$1 tok port wpid wk
        shift
        rm -f "$T/port" "$T/db"*
        "$BIN/refserver" --bind 127.0.0.1:0 --port-file "$T/port" --db "$T/db" --workers 1 --cpu-pin 0 \
            --dataset decnet-2026-04 --bcrypt-cost 4 "$@" 2>"$T/$name.rs.log" &
        RS_PID=$!
        for _ in $(seq 400); do [ -s "$T/port" ] && break; sleep 0.05; done
        port=$(cat "$T/port")
        tok=$(curl -s -X POST -d '{"username":"admin","password":"admin"}' "http://127.0.0.1:$port/api/v1/auth/login" |
            $PY -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
        curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" \
            -d '{"old_password":"admin","new_password":"admin"}' "http://127.0.0.1:$port/api/v1/auth/change-password"
        taskset -c 1 wrk -t1 -c50 -d"${WRK_SECS}s" --latency -H "Authorization: Bearer $tok" \
            "http://127.0.0.1:$port/api/v1/logs?limit=50" >"$T/$name.wrk" 2>&1 &
        wpid=$!
        if [ "${name#*perf}" != "$name" ]; then
            sleep 1
            wk=$(pgrep -P "$RS_PID" | head -1)   # the worker: the master's child
            "$SRC/scripts/profile/perf-attach" --out "$T/perf" "$wk" $((WRK_SECS - 2)) >"$T/$name.perf.log" 2>&1 ||
                echo "  $name: perf-attach failed: $(tail -2 "$T/$name.perf.log")" >&2
        fi
        wait "$wpid"
        kill -TERM "$RS_PID"
        wait "$RS_PID" || true
        RS_PID=""
        awk '/Requests\/sec/ {rps=$2} /^ +Latency / && !lat {lat=$2} / 99% / {p99=$2}
             END {print rps, lat, p99}' "$T/$name.wrk" | tr '\n' ' '
        awk '/ requests, cpu / {for (i = 1; i < NF; i++) {if ($(i+1) == "requests,") n += $i; if ($i == "cpu") c += $(i+1)}}
             END {printf "%.2f\n", n ? c * 1e6 / n : 0}' "$T/$name.rs.log"
    }
fi
SRC=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$WRK_ROUNDS" -gt 0 ] && command -v wrk >/dev/null && command -v taskset >/dev/null; then
    echo
    echo "## saturated single worker: wrk -t1 -c50 -d${WRK_SECS}s on CPU 1, refserver --workers 1 --cpu-pin 0, GET /api/v1/logs?limit=50, $WRK_ROUNDS round(s)"
    echo "| round | lens | req/s | avg latency | p99 latency | server CPU µs/request |"
    echo "|---|---|---:|---:|---:|---:|"
    for r in $(seq "$WRK_ROUNDS"); do
        for k in 0 1 2; do
            n=${names[$(((k + r - 1) % 3))]}
            case $n in
            off) res=$(wrk_run "w$r-off") ;;
            tracing) res=$(wrk_run "w$r-tracing" --tracing --trace-file "$T/wspans.jsonl"; rm -f "$T/wspans.jsonl") ;;
            profile) res=$(wrk_run "w$r-profile" --profile-requests "$T/wprof-r$r") ;;
            esac
            echo "$n $res" >>"$T/wrk.txt"
            read -r rps lat p99 cpu <<<"$res"
            echo "| $r | $n | $rps | $lat | $p99 | $cpu |"
        done
    done
    "$PY" - "$T/wrk.txt" <<'PYEOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {}
for n, rps, _lat, _p99, cpu in rows:
    by.setdefault(n, []).append((float(rps), float(cpu)))
med = lambda xs: statistics.median(xs)
off = [x for x in by["off"]]
for lens in ("tracing", "profile"):
    d_rps = [100 * (b[0] - a[0]) / a[0] for a, b in zip(off, by[lens])]
    d_cpu = [100 * (b[1] - a[1]) / a[1] for a, b in zip(off, by[lens]) if a[1]]
    print("%s vs off: req/s %+.1f%% median (rounds %s); CPU per request %+.1f%% median (rounds %s)"
          % (lens, med(d_rps), ", ".join("%+.0f" % x for x in d_rps),
             med(d_cpu), ", ".join("%+.0f" % x for x in d_cpu)))
PYEOF
fi

if [ "$PERF_ROUNDS" -gt 0 ] && command -v wrk >/dev/null && command -v taskset >/dev/null; then
    echo
    echo "## saturated single worker with and without perf-attach (99 Hz, $((WRK_SECS - 2)) s of each ${WRK_SECS} s run), $PERF_ROUNDS round(s)"
    echo "| round | run | req/s | avg latency | p99 latency | server CPU µs/request |"
    echo "|---|---|---:|---:|---:|---:|"
    for r in $(seq "$PERF_ROUNDS"); do
        for n in $([ $((r % 2)) = 1 ] && echo "off perf" || echo "perf off"); do
            res=$(wrk_run "p$r-$n")
            echo "$n $res" >>"$T/perf.txt"
            read -r rps lat p99 cpu <<<"$res"
            echo "| $r | $n | $rps | $lat | $p99 | $cpu |"
        done
    done
    "$PY" - "$T/perf.txt" <<'PYEOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
off = [(float(r[1]), float(r[4])) for r in rows if r[0] == "off"]
on = [(float(r[1]), float(r[4])) for r in rows if r[0] == "perf"]
d_rps = [100 * (b[0] - a[0]) / a[0] for a, b in zip(off, on)]
d_cpu = [100 * (b[1] - a[1]) / a[1] for a, b in zip(off, on) if a[1]]
print("perf-attach vs off: req/s %+.1f%% median (rounds %s); CPU per request %+.1f%% median (rounds %s)"
      % (statistics.median(d_rps), ", ".join("%+.0f" % x for x in d_rps),
         statistics.median(d_cpu), ", ".join("%+.0f" % x for x in d_cpu)))
PYEOF
fi
