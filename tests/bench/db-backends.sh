#!/usr/bin/env bash
# db-backends.sh — refserver on its embedded SQLite against refserver on MariaDB (issue 15),
# side by side in one run, on the same machine, a fresh database for every measurement.
#
#   1. Durable ingest per --db-mode (naive, pooled, batched): wrk posting 1 and 10 events
#      per POST to /api/v1/logs (the load of refserver.sh's section 2, tests/bench/lib/
#      ingest.sh), refserver --workers 1 pinned to CPU 0, wrk pinned to CPU 1; mariadbd is
#      pinned to CPU 0 too, so each backend's server side has the same one core. Prints
#      events/s acknowledged (201) per backend, MariaDB/SQLite per mode, and checks that
#      the rows stored are at least the events acknowledged (nothing acknowledged lost).
#   2. The decnet-2026-04 mix (profiles/scenarios/decnet-2026-04.yaml, the locustfile the
#      nine profiles ran; dataset decnet-2026-04 as profiles/defs/07_1500_notracing_*)
#      at $USERS users: refserver --workers 2, everything unpinned on the same 2 cores,
#      the admin's pending password change finalised first (as in the fb69a06 profiles),
#      SQLite and MariaDB alternated over $MIX_ROUNDS rounds (the order swapped each
#      round). Prints requests, failures, p50/p95/p99 and RPS (Locust's run average,
#      ramp-up included) per run, then the medians and MariaDB/SQLite ratios.
#      bcrypt cost $BCRYPT_COST (default 4, not the seed's 12): at cost 12 this mix is
#      bounded by bcrypt, not by the database (docs/BENCHMARKS.md, refserver section 4),
#      and 1500 on-start logins alone would take ~150 s of both cores.
#
# MariaDB: a private mariadbd in the temporary folder through scripts/mariadb-local
# (never the system service), loopback only, stopped at the end; `reset` between
# measurements gives each an empty database that refserver creates and seeds.
#
# Environment (defaults): BUILD_DIR (build), BACKENDS ("sqlite mariadb"), INGEST_SECS (5),
# INGEST_EVENTS ("1 10"), USERS (1500), SPAWN (150 users/s), MIX_SECS (30), MIX_ROUNDS (2,
# 0 skips part 2), BCRYPT_COST (4), ONLY ("1 2"). About 5 minutes with the defaults.
# Exit 1 when a run lost an acknowledged event, served no request, or had failures; the
# figures themselves are never judged. The machine has 2 cores shared with other work:
# read the ratios measured side by side, not single figures.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-build}
BIN=$(cd "$BUILD_DIR/bin" 2>/dev/null && pwd || echo "$BUILD_DIR/bin")
BACKENDS=${BACKENDS:-sqlite mariadb}
INGEST_SECS=${INGEST_SECS:-5}
INGEST_EVENTS=${INGEST_EVENTS:-1 10}
USERS=${USERS:-1500}
SPAWN=${SPAWN:-150}
MIX_SECS=${MIX_SECS:-30}
MIX_ROUNDS=${MIX_ROUNDS:-2}
BCRYPT_COST=${BCRYPT_COST:-4}
ONLY=${ONLY:-1 2}
SCENARIO=$ROOT/profiles/scenarios/decnet-2026-04.yaml
PY=/usr/bin/python3
. "$ROOT/tests/bench/lib/ingest.sh"
want() { [[ " $ONLY " == *" $1 "* ]]; }
has() { [[ " $BACKENDS " == *" $1 "* ]]; }

for t in refserver loadgen; do
    [ -x "$BIN/$t" ] || { echo "db-backends.sh: no $BIN/$t (build first, or set BUILD_DIR)" >&2; exit 2; }
done
for tool in wrk taskset curl sqlite3; do
    command -v "$tool" >/dev/null || { echo "db-backends.sh: $tool not found (scripts/install-deps)" >&2; exit 2; }
done
if has mariadb; then
    # the help text read whole first: grep -q quitting early would SIGPIPE refserver (pipefail)
    rs_help=$("$BIN/refserver" --help 2>&1 || true)
    grep -q 'mysql://' <<<"$rs_help" ||
        { echo "db-backends.sh: this refserver has no MariaDB backend (--db mysql://...)" >&2; exit 2; }
    [ -x "$ROOT/scripts/mariadb-local" ] || { echo "db-backends.sh: no scripts/mariadb-local" >&2; exit 2; }
    command -v mariadb >/dev/null || { echo "db-backends.sh: no mariadb client (scripts/install-deps)" >&2; exit 2; }
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/lb-bench-dbb.XXXXXX")
RS_PID=""
MARIA=""   # the private server's folder while one runs
cleanup() {
    if [ -n "$RS_PID" ]; then kill -TERM "$RS_PID" 2>/dev/null || true; wait "$RS_PID" 2>/dev/null || true; fi
    if [ -n "$MARIA" ]; then "$ROOT/scripts/mariadb-local" stop "$MARIA" >/dev/null 2>&1 || true; fi
    rm -rf "$T"
}
trap cleanup EXIT
export REFSERVER_JWT_SECRET=bench-db-backends-0123456789abcdef0123456789ab
status=0
bad() { echo "FAIL: $*"; status=1; }

maria_start() {   # maria_start [taskset prefix...]: a private server in $T/maria, URL in $URL
    MARIA=$T/maria
    "$@" "$ROOT/scripts/mariadb-local" start "$MARIA" >"$T/maria-start.log" 2>&1 ||
        { cat "$T/maria-start.log" >&2; echo "db-backends.sh: scripts/mariadb-local start failed" >&2; exit 1; }
    URL=$(cat "$MARIA/url")
}
maria_cpu() {   # CPU seconds mariadbd has used so far (0 without one)
    local pid
    pid=$(cat "$MARIA/mariadbd.pid" 2>/dev/null) || { echo 0; return; }
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$pid/stat" 2>/dev/null || echo 0
}
maria_stop() { "$ROOT/scripts/mariadb-local" stop "$MARIA" >/dev/null 2>&1 || true; MARIA=""; }

fresh_db() {   # fresh_db BACKEND NAME -> the --db argument of an empty database
    if [ "$1" = sqlite ]; then
        rm -f "$T/$2.db"*
        echo "$T/$2.db"
    else
        "$ROOT/scripts/mariadb-local" reset "$MARIA" >"$T/maria-reset.log" 2>&1 ||
            { cat "$T/maria-reset.log" >&2; echo "db-backends.sh: mariadb-local reset failed" >&2; exit 1; }
        echo "$URL"
    fi
}
count_ingested() {   # count_ingested BACKEND DB -> rows with raw_line 'bench-ingest'
    local q="select count(*) from logs where raw_line = 'bench-ingest'"
    if [ "$1" = sqlite ]; then
        sqlite3 "$2" "$q"
    else   # mysql://USER:PASS@HOST:PORT/DB
        local u=${2#*://} user pass host port db
        user=${u%%:*}; u=${u#*:}; pass=${u%%@*}; u=${u#*@}
        host=${u%%:*}; u=${u#*:}; port=${u%%/*}; db=${u#*/}
        MYSQL_PWD=$pass mariadb --protocol=tcp -h "$host" -P "$port" -u "$user" -N -B "$db" -e "$q"
    fi
}

rs_start() {   # rs_start NAME DB ARGS... -> RS_PID, RS_PORT (stderr in $T/NAME.rs.log)
    local name=$1 db=$2
    shift 2
    rm -f "$T/port"
    "$BIN/refserver" --bind 127.0.0.1:0 --port-file "$T/port" --db "$db" "$@" 2>"$T/$name.rs.log" &
    RS_PID=$!
    for _ in $(seq 600); do [ -s "$T/port" ] && break; kill -0 "$RS_PID" 2>/dev/null || break; sleep 0.05; done
    [ -s "$T/port" ] || { echo "db-backends.sh: $name: refserver did not start:" >&2; tail -5 "$T/$name.rs.log" >&2; exit 1; }
    RS_PORT=$(cat "$T/port")
}
rs_stop() {
    kill -TERM "$RS_PID"
    wait "$RS_PID" || echo "  refserver exit $? ($(tail -1 "$T/$1.rs.log"))"
    RS_PID=""
}
login() {   # login PORT -> an admin token
    curl -s -X POST -d '{"username":"admin","password":"admin"}' "http://127.0.0.1:$1/api/v1/auth/login" |
        $PY -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'
}
ratio() { $PY -c "import sys; a, b = map(float, sys.argv[1:]); print('%.2f' % (a / b) if b else 'n/a')" "$1" "$2"; }

echo "# refserver SQLite vs MariaDB ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "# backends: $BACKENDS; $(mariadbd --version 2>/dev/null | sed 's/^.*Ver //' | cut -d' ' -f1 || true)"

if want 1; then
    echo
    echo "## 1. Durable ingest per --db-mode (refserver --workers 1 --cpu-pin 0$(has mariadb && echo ', mariadbd on CPU 0'); wrk -t1 -c50 -d${INGEST_SECS}s on CPU 1)"
    ingest_lua "$T"
    ! has mariadb || maria_start taskset -c 0
    declare -A EPS
    for mode in naive pooled batched; do
        for ev in $INGEST_EVENTS; do
            for b in $BACKENDS; do
                name=ingest-$b-$mode-$ev
                db=$(fresh_db "$b" "$name")
                rs_start "$name" "$db" --workers 1 --cpu-pin 0 --bcrypt-cost 4 --db-mode "$mode" \
                    --dataset-logs 1000 --quiet
                tok=$(login "$RS_PORT")
                read -r rps sent non2xx < <(ingest_wrk "$RS_PORT" "$tok" "$T/post$ev.lua" "$INGEST_SECS")
                rs_stop "$name"
                stored=$(count_ingested "$b" "$db") || { bad "$name: could not count the stored rows"; stored=0; }
                acked=$((ev * (sent - non2xx)))
                # wrk's req/s counts every response; events/s counts only the acknowledged ones
                EPS[$b,$mode,$ev]=$($PY -c "import sys; r, s, n, e = map(float, sys.argv[1:]); print('%.0f' % (r * (s - n) / s * e if s else 0))" "$rps" "$sent" "$non2xx" "$ev")
                printf '%-7s %-7s %2s event(s)/POST: %8s events/s acknowledged; %s responses, %s non-2xx, %s rows stored (>= acknowledged: %s)\n' \
                    "$mode" "$b" "$ev" "${EPS[$b,$mode,$ev]}" "$sent" "$non2xx" "$stored" \
                    "$([ "$stored" -ge "$acked" ] && echo yes || echo NO)"
                [ "$stored" -ge "$acked" ] || bad "$name: $acked events acknowledged, $stored stored"
                [ "$sent" -gt 0 ] || bad "$name: no response"
                [ "$non2xx" = 0 ] || bad "$name: $non2xx non-2xx responses ($(grep -c ' 5[0-9][0-9] ' "$T/$name.rs.log" || true) 5xx log lines)"
            done
        done
    done
    ! has mariadb || maria_stop
    if has sqlite && has mariadb; then
        echo
        echo "| mode | events/POST | SQLite events/s | MariaDB events/s | MariaDB/SQLite |"
        echo "|---|---:|---:|---:|---:|"
        for mode in naive pooled batched; do
            for ev in $INGEST_EVENTS; do
                echo "| $mode | $ev | ${EPS[sqlite,$mode,$ev]} | ${EPS[mariadb,$mode,$ev]} | $(ratio "${EPS[mariadb,$mode,$ev]}" "${EPS[sqlite,$mode,$ev]}")x |"
            done
        done
        for b in sqlite mariadb; do
            for ev in $INGEST_EVENTS; do
                echo "$b, $ev event(s)/POST: batched/naive $(ratio "${EPS[$b,batched,$ev]}" "${EPS[$b,naive,$ev]}")x, pooled/naive $(ratio "${EPS[$b,pooled,$ev]}" "${EPS[$b,naive,$ev]}")x"
            done
        done
    fi
fi

mix_row() {   # mix_row STATS_CSV -> "requests failures p50 p95 p99 rps"
    $PY - "$1" <<'PYEOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["Name"] == "Aggregated":
        print(r["Request Count"], r["Failure Count"], r["50%"], r["95%"], r["99%"], "%.0f" % float(r["Requests/s"]))
PYEOF
}
if want 2 && [ "$MIX_ROUNDS" -gt 0 ]; then
    echo
    echo "## 2. decnet-2026-04 mix at $USERS users, spawn $SPAWN/s, ${MIX_SECS}s, dataset decnet-2026-04, bcrypt cost $BCRYPT_COST, refserver --workers 2, loadgen$(has mariadb && echo ' and mariadbd') on the same 2 cores, $MIX_ROUNDS round(s) alternated"
    ! has mariadb || maria_start
    read -r -a order <<<"$BACKENDS"
    for r in $(seq "$MIX_ROUNDS"); do
        for b in "${order[@]}"; do
            name=mix-r$r-$b
            db=$(fresh_db "$b" "$name")
            rs_start "$name" "$db" --workers 2 --dataset decnet-2026-04 --bcrypt-cost "$BCRYPT_COST"
            # finalise the admin (no pending change): every on-start is then one login
            tok=$(login "$RS_PORT")
            curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" \
                -d '{"old_password":"admin","new_password":"admin"}' "http://127.0.0.1:$RS_PORT/api/v1/auth/change-password"
            echo "  $name: running ${MIX_SECS}s ($(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg))" >&2
            lrc=0
            c0=0; [ "$b" = sqlite ] || c0=$(maria_cpu)
            "$BIN/loadgen" -f "$SCENARIO" -u "$USERS" -r "$SPAWN" -t "${MIX_SECS}s" -s 5 --seed 20260417 \
                -H "http://127.0.0.1:$RS_PORT" --csv "$T/$name" --only-summary >"$T/$name.lg.log" 2>&1 || lrc=$?
            rs_stop "$name"
            dbcpu=0; [ "$b" = sqlite ] || dbcpu=$($PY -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$c0" "$(maria_cpu)")
            # the workers' exit lines: "... N requests, cpu C s ..."
            rscpu=$(awk '/ requests, cpu / {for (i = 1; i < NF; i++) if ($i == "cpu") c += $(i+1)} END {printf "%.1f", c}' "$T/$name.rs.log")
            [ -s "$T/${name}_stats.csv" ] || { bad "$name: loadgen wrote no stats (exit $lrc): $(tail -2 "$T/$name.lg.log")"; continue; }
            read -r n f p50 p95 p99 rps < <(mix_row "$T/${name}_stats.csv")
            echo "$r $b $n $f $p50 $p95 $p99 $rps $rscpu $dbcpu" >>"$T/mix.txt"
            printf 'round %s %-7s requests %s, failures %s, p50 %s ms, p95 %s ms, p99 %s ms, %s req/s; server CPU: refserver %s s + mariadbd %s s; loadgen saturation warnings %s\n' \
                "$r" "$b" "$n" "$f" "$p50" "$p95" "$p99" "$rps" "$rscpu" "$dbcpu" "$(grep -c SATURATED "$T/$name.lg.log" || true)"
            [ "$n" -gt 0 ] || bad "$name: no requests"
            if [ "$f" != 0 ]; then
                bad "$name: $f failures"
                sed -n '2,6p' "$T/${name}_failures.csv" | sed 's/^/    /'
            fi
        done
        mapfile -t order < <(printf '%s\n' "${order[@]}" | tac)   # the other backend first next round
    done
    ! has mariadb || maria_stop
    [ -s "$T/mix.txt" ] && $PY - "$T/mix.txt" <<'PYEOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {}
for r, b, n, f, p50, p95, p99, rps, rscpu, dbcpu in rows:
    by.setdefault(b, {})[r] = dict(n=int(n), f=int(f), p95=float(p95), rps=float(rps),
                                   cpu=1e6 * (float(rscpu) + float(dbcpu)) / max(int(n), 1))
print()
print("| backend | req/s (median of rounds) | p95 ms (median) | failures (total) | server CPU µs/request (refserver + mariadbd, median) |")
print("|---|---:|---:|---:|---:|")
for b, runs in by.items():
    v = list(runs.values())
    print("| %s | %.0f | %.0f | %d | %.0f |" % (b, statistics.median(x["rps"] for x in v),
          statistics.median(x["p95"] for x in v), sum(x["f"] for x in v), statistics.median(x["cpu"] for x in v)))
if "sqlite" in by and "mariadb" in by:
    pairs = [(by["sqlite"][r], by["mariadb"][r]) for r in by["sqlite"] if r in by["mariadb"]]
    rr = [m["rps"] / s["rps"] for s, m in pairs if s["rps"]]
    pr = [m["p95"] / s["p95"] for s, m in pairs if s["p95"]]
    if rr:
        print("MariaDB/SQLite req/s %.2fx median (rounds %s); p95 %.2fx median (rounds %s)" % (
            statistics.median(rr), ", ".join("%.2f" % x for x in rr),
            statistics.median(pr) if pr else float("nan"), ", ".join("%.2f" % x for x in pr)))
PYEOF
fi
exit $status
