#!/usr/bin/env bash
# locust_live.sh — real Locust 2.12.1 against a loopback server, read back by our reader.
#
# Starts tests/testserver.py on a free 127.0.0.1 port (200 for /ok, 404 for
# /missing so failures.csv has rows), runs /usr/bin/locust
# headless for ~8 s with --csv, then checks that lc_dump (the common/ reader)
# parses all four files, that the numbers it reports agree with Python's csv
# module reading the same files, and that our writer's four header lines are
# byte-identical to Locust's. 2.12.1 flushes history only every 10 s, so the
# history file may hold a single row (locust-format.md §0).
set -euo pipefail

BIN=${LB_BIN_DIR:?LB_BIN_DIR not set}
PY=/usr/bin/python3
LOCUST=/usr/bin/locust
[ -x "$LOCUST" ] || { echo "FAIL: $LOCUST not installed (python3-locust)"; exit 1; }
[ -x "$BIN/lc_dump" ] || { echo "FAIL: $BIN/lc_dump not built"; exit 1; }

work=$(mktemp -d /tmp/lb-locust-live.XXXXXX)
server_pid=""
locust_pid=""
cleanup() {
    [ -n "$locust_pid" ] && kill "$locust_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/locustfile.py" <<'PYEOF'
from locust import HttpUser, task, constant
class Visitor(HttpUser):
    wait_time = constant(0.05)
    @task(4)
    def root(self):
        self.client.get("/ok")
    @task(1)
    def item(self):
        self.client.get("/ok?id=1,2", name="/items?id=1,2")
    @task(1)
    def missing(self):
        self.client.get("/missing")
PYEOF

"$PY" "$(dirname "$0")/../testserver.py" "$work/port" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
[ -n "$port" ] || { echo "FAIL: test server did not start"; exit 1; }

echo "== locust headless 8 s against 127.0.0.1:$port"
set +e
timeout 40 "$LOCUST" -f "$work/locustfile.py" --headless -u 4 -r 4 -t 8s --only-summary \
    -H "http://127.0.0.1:$port" --csv "$work/run" >"$work/locust.out" 2>&1 &
locust_pid=$!
wait "$locust_pid"
rc=$?
locust_pid=""
set -e
# Locust exits 1 when there were failures (our /missing 404s); anything else is a problem.
if [ "$rc" -ne 1 ] && [ "$rc" -ne 0 ]; then
    echo "FAIL: locust exited $rc"; tail -20 "$work/locust.out"; exit 1
fi

fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

for f in stats stats_history failures exceptions; do
    check "locust wrote run_$f.csv" "[ -s '$work/run_$f.csv' ]"
done

# Our reader on all four files.
"$BIN/lc_dump" "$work/run_stats.csv" "$work/run_stats_history.csv" "$work/run_failures.csv" \
    "$work/run_exceptions.csv" > "$work/dump.txt"
check "reader detects the four layouts" \
    "grep -c '^file .* layout=\(stats\|history\|failures\|exceptions\) ' '$work/dump.txt' | grep -qx 4"

# The same numbers through Python's csv module: requests, failures, median, average,
# min, max, rps and the percentiles of every _stats.csv row, in lc_dump's format.
"$PY" - "$work/run_stats.csv" > "$work/expect.txt" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
for r in rows[1:]:
    pct = " ".join("p%s=%s" % (h, "NA" if v == "N/A" else repr(float(v))) for h, v in zip(rows[0][11:], r[11:]))
    print('method="%s" name="%s" requests=%s failures=%s median=%r avg=%r min=%r max=%r rps=%r %s'
          % (r[0], r[1], r[2], r[3], float(r[4]), float(r[5]), float(r[6]), float(r[7]), float(r[9]), pct))
PYEOF
awk '/^file .*run_stats.csv /{on=1; next} /^file /{on=0} on' "$work/dump.txt" |
    "$PY" -c '
import re, sys
for line in sys.stdin:
    kv = dict(re.findall(r"(\S+?)=(\"[^\"]*\"|\S+)", line))
    num = lambda k: repr(float(kv[k]))
    pct = " ".join("p%s=%s" % (h, "NA" if kv["p" + h] == "NA" else num("p" + h))
                   for h in ["50%","66%","75%","80%","90%","95%","98%","99%","99.9%","99.99%","100%"])
    print("method=%s name=%s requests=%s failures=%s median=%s avg=%s min=%s max=%s rps=%s %s"
          % (kv["method"], kv["name"], kv["requests"], kv["failures"], num("median"), num("avg"),
             num("min"), num("max"), num("rps"), pct))
' > "$work/got.txt"
check "python saw the rows too" "[ \$(wc -l < '$work/expect.txt') -ge 4 ]"
check "reader values == python csv values (stats.csv)" "diff '$work/expect.txt' '$work/got.txt' >&2"
check "stats has GET /ok with requests" "grep -q 'method=\"GET\" name=\"/ok\" requests=[1-9]' '$work/got.txt'"
check "quoted name with a comma parsed" "grep -q 'name=\"/items?id=1,2\"' '$work/got.txt'"
check "Aggregated row last" "tail -1 '$work/got.txt' | grep -q 'method=\"\" name=\"Aggregated\"'"
check "failures.csv rows for /missing" \
    "grep -q '^failure .*name=\"/missing\" occurrences=[1-9].*HTTPError' '$work/dump.txt'"
check "history has at least one Aggregated row" \
    "grep -q 'name=\"Aggregated\".*timestamp=1[0-9]\{9\}' <(awk '/run_stats_history.csv/{on=1;next} /^file /{on=0} on' '$work/dump.txt')"

# Our writer's headers, byte for byte (CRLF included), against Locust's first lines.
"$BIN/lc_dump" --write "$work/ours/run"
for f in stats stats_history failures exceptions; do
    check "header of _$f.csv byte-identical" \
        "cmp <(head -n 1 '$work/run_$f.csv') <(head -n 1 '$work/ours/run_$f.csv')"
done

if [ "$fail" -ne 0 ]; then
    echo "--- locust output"; tail -30 "$work/locust.out"
    exit 1
fi
echo "PASS locust_live"
