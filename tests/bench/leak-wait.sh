#!/usr/bin/env bash
# leak-wait.sh — what --db-checkout-timeout changes in refserver's leak fault
# (--leak-on-disconnect): the same load against the same server, once with
# the old fail-fast checkout (0) and once with the seed's 30 s wait, side by
# side in one run. The seed's pool-drain death spiral stalled (long tails,
# few requests); fail-fast turns it into a flood of instant 500s.
#
# refserver: 1 worker, dataset decnet-2026-04, bcrypt cost 4 (so bcrypt does
# not hide the DB wait), --db-slots $SLOTS (default 10, so the scenario's SSE
# task drains them early), fresh database per run. loadgen: scenario
# decnet-2026-04, $USERS users (50) at $SPAWN/s (10), $SECS s (60: longer
# than one 30 s wait). Prints, per run, requests, failures, req/s, median and
# max response time and the worker's db phase total, then the ratios. Build
# folder: $BUILD_DIR (default build). Loopback only; stops only its own PIDs.
# Noisy on a shared 2-core machine: the contrast is orders of magnitude, the
# digits are not.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
BIN=$(cd "$BUILD_DIR/bin" && pwd)
USERS=${USERS:-50}
SPAWN=${SPAWN:-10}
SECS=${SECS:-60}
SLOTS=${SLOTS:-10}
PY=/usr/bin/python3
D=$(mktemp -d "${TMPDIR:-/tmp}/leak-wait.XXXXXX")
RP=""
cleanup() {
    if [ -n "$RP" ] && kill -0 "$RP" 2>/dev/null; then kill -TERM "$RP"; wait "$RP" || true; fi
    rm -rf "$D"
}
trap cleanup EXIT
export REFSERVER_JWT_SECRET=leak-wait-bench-0123456789abcdef0123456789ab

for T in 0 30; do
    echo "run: --db-checkout-timeout $T ($USERS users, $SPAWN/s, ${SECS}s) ..." >&2
    "$BIN/refserver" --bind 127.0.0.1:0 --port-file "$D/port$T" --db "$D/db$T.db" \
        --dataset decnet-2026-04 --workers 1 --bcrypt-cost 4 --leak-on-disconnect \
        --db-slots "$SLOTS" --db-checkout-timeout "$T" 2>"$D/srv$T.log" &
    RP=$!
    for _ in $(seq 100); do [ -s "$D/port$T" ] && break; sleep 0.05; done
    [ -s "$D/port$T" ] || { echo "refserver did not start"; cat "$D/srv$T.log"; exit 1; }
    # failures are the point here: loadgen's exit 1 is expected
    "$BIN/loadgen" -f decnet-2026-04 -H "http://127.0.0.1:$(cat "$D/port$T")" -u "$USERS" \
        -r "$SPAWN" -t "${SECS}s" -s 1 --only-summary --csv "$D/run$T" >"$D/lg$T.log" 2>&1 || true
    kill -TERM "$RP"
    wait "$RP" || true
    RP=""
done

$PY - "$D" <<'PYEOF'
import csv, re, sys
d = sys.argv[1]
res = {}
for t in ("0", "30"):
    agg = [r for r in csv.DictReader(open(f"{d}/run{t}_stats.csv")) if r["Name"] == "Aggregated"][0]
    db = re.search(r"phase totals \(s\):.* db ([0-9.]+)", open(f"{d}/srv{t}.log").read())
    res[t] = dict(req=int(agg["Request Count"]), fail=int(agg["Failure Count"]),
                  rps=float(agg["Requests/s"]), p50=float(agg["Median Response Time"]),
                  mx=float(agg["Max Response Time"]), db=float(db.group(1)) if db else float("nan"))
print(f"{'checkout timeout':>17} {'requests':>9} {'failures':>9} {'fail %':>7} {'req/s':>8} "
      f"{'median ms':>10} {'max ms':>9} {'db phase s':>11}")
for t, r in res.items():
    print(f"{t + ' s':>17} {r['req']:>9} {r['fail']:>9} {100 * r['fail'] / max(r['req'], 1):>7.1f} "
          f"{r['rps']:>8.1f} {r['p50']:>10.2f} {r['mx']:>9.0f} {r['db']:>11.1f}")
a, b = res["0"], res["30"]
print(f"ratio 0 s / 30 s: requests x{a['req'] / max(b['req'], 1):.0f}, "
      f"failures x{a['fail'] / max(b['fail'], 1):.0f}; max response time 30 s / 0 s: "
      f"x{b['mx'] / max(a['mx'], 1e-9):.0f}")
PYEOF
