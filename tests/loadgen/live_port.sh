#!/usr/bin/env bash
# live_port.sh — docs/porting.md's worked port, run both ways against
# refserver: tests/loadgen/port/locustfile.py by real Locust 2.12.1 and its
# YAML (port/decnet_port.yaml) by loadgen, same users, spawn rate and time.
# Every endpoint's share of the requests in the two _stats.csv files must
# agree within 3 percentage points, with 0 failures on both sides; the
# files porting.md shows must be these files. Skipped (77) without Locust
# or refserver.
source "$(dirname "$0")/lib.sh"
RS="$LB_BIN_DIR/refserver"
LOCUST=$(command -v locust || true)
[ -x "$RS" ] && [ -n "$LOCUST" ] || { echo "SKIP: needs refserver and locust"; exit 77; }
PORT_DIR="$HERE/port"
DOC="$HERE/../../docs/porting.md"

# porting.md shows exactly the files run here
"$PY" - "$DOC" "$PORT_DIR/locustfile.py" "$PORT_DIR/decnet_port.yaml" <<'PYEOF' || exit 1
import re, sys
doc = open(sys.argv[1]).read()
blocks = re.findall(r"```(python|yaml)\n(.*?)```", doc, re.S)
for path, lang in ((sys.argv[2], "python"), (sys.argv[3], "yaml")):
    text = open(path).read()
    assert any(l == lang and b == text for l, b in blocks), "porting.md does not show %s as it is" % path
print("ok: porting.md shows locustfile.py and decnet_port.yaml verbatim")
PYEOF

export REFSERVER_ADMIN_PASSWORD=port-pass-1 PORT_PASSWORD=port-pass-1
"$RS" --bind 127.0.0.1:0 --port-file "$T/rs.port" --db "$T/rs.db" --bcrypt-cost 4 >"$T/rs.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 150); do [ -s "$T/rs.port" ] && break; sleep 0.1; done
[ -s "$T/rs.port" ] || fail "refserver did not start: $(tail -3 "$T/rs.log")"
HOST="http://127.0.0.1:$(cat "$T/rs.port")"
USERS=${PORT_USERS:-10}
SECS=${PORT_SECONDS:-15}

(cd "$T" && timeout $((SECS + 30)) "$LOCUST" -f "$PORT_DIR/locustfile.py" --headless -u "$USERS" -r "$USERS" \
    -t "${SECS}s" -H "$HOST" --csv "$T/locust" --only-summary >"$T/locust.out" 2>&1) ||
    fail "locust run failed: $(tail -5 "$T/locust.out")"
"$LOADGEN" -f "$PORT_DIR/decnet_port.yaml" -u "$USERS" -r "$USERS" -t "${SECS}s" -H "$HOST" \
    --csv "$T/lg" --only-summary 2>"$T/lg.err" || fail "loadgen run failed: $(tail -5 "$T/lg.err")"

"$PY" - "$T/locust_stats.csv" "$T/lg_stats.csv" <<'PYEOF'
import csv, sys
def shares(path):
    rows = list(csv.DictReader(open(path, newline="")))
    agg = [r for r in rows if r["Name"] == "Aggregated"][0]
    assert int(agg["Failure Count"]) == 0, "%s: %s failures" % (path, agg["Failure Count"])
    total = int(agg["Request Count"])
    return total, {(r["Type"], r["Name"]): int(r["Request Count"]) / total * 100
                   for r in rows if r["Name"] != "Aggregated"}
nl, loc = shares(sys.argv[1])
ng, lg = shares(sys.argv[2])
assert set(loc) == set(lg), "endpoints differ: %s" % (set(loc) ^ set(lg))
worst = 0
print("%-50s %8s %8s %6s" % ("endpoint", "Locust%", "loadgen%", "diff"))
for k in sorted(loc, key=lambda k: -loc[k]):
    d = abs(loc[k] - lg[k])
    worst = max(worst, d)
    print("%-50s %8.2f %8.2f %6.2f" % (" ".join(k), loc[k], lg[k], d))
print("requests: Locust %d, loadgen %d; largest share difference %.2f points" % (nl, ng, worst))
assert worst <= 3.0, "shares differ by %.2f points (limit 3)" % worst
PYEOF
ok "the worked port gives Locust's request mix within 3 points"
