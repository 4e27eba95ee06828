#!/usr/bin/env bash
# compare_commits.sh (live) — scripts/compare-commits end to end on a tiny git repository whose
# "server" is a Python script (the generic --build-cmd/--start-cmd/--ready-url path): commit 2
# answers 30 ms slower than commit 1, so BASE=c1 HEAD=c2 must fail the gate (exit 1, JSON,
# JUnit, tags in the compare header, alternating runs), while c1 against itself with two runs
# per side must pass and say the test cannot fail. Then refserver's test-only
# --inject-delay-us/--inject-delay-route: only the named route waits, and the worker keeps
# serving others meanwhile. Only loopback; every process started here is stopped by PID.
source "$(dirname "$0")/lib.sh"
CC=$SRC/scripts/compare-commits
RS=$LB_BIN_DIR/refserver
repo=$TMP/repo
mkdir -p "$repo"
git -C "$repo" init -q
git -C "$repo" config user.email t@example.invalid
git -C "$repo" config user.name test
cat >"$repo/server.py" <<'PY'
import http.server, sys, time
delay = float(open("delay.txt").read()) / 1000.0
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        time.sleep(delay)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
echo 0 >"$repo/delay.txt"
git -C "$repo" add -A && git -C "$repo" commit -qm c1
echo 30 >"$repo/delay.txt"
git -C "$repo" commit -qam c2
cat >"$TMP/one.yaml" <<'Y'
name: one
wait: between(0.01, 0.02)
tasks:
  - {path: /}
Y
cc() { "$CC" --repo "$repo" --bin "$LB_BIN_DIR" --scenario "$TMP/one.yaml" \
        --users 4 --duration 2 --work "$TMP/wt" --build-cmd 'test -f {worktree}/server.py' \
        --start-cmd 'python3 server.py {port}' --ready-url 'http://127.0.0.1:{port}/' "$@"; }

expect_rc 1 cc --runs 5 --out "$TMP/ab" HEAD~1 HEAD
expect_out 'verdict: REGRESSION'
expect_out 'FAIL p95_ms: rose'
expect_out 'significant (p=0.01219'
expect_out '| Metric | A: base-'
expect_out ' (base@'
expect_out ' (head@'
# alternation: base-1 head-1 base-2 head-2 ... in this order
order=$(grep -oE '^   (base|head)-[0-9]+' "$TMP/out" | tr -d ' ' | tr '\n' ' ')
[ "$order" = "base-1 head-1 base-2 head-2 base-3 head-3 base-4 head-4 base-5 head-5 " ] ||
    fail "runs not alternating: $order"; ok
python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert g["verdict"] == "REGRESSION" and g["samples"] == "runs", g' \
    "$TMP/ab/gate.json" || fail "gate.json"; ok
grep -q '<failure message="FAIL p95_ms: rose' "$TMP/ab/gate.xml" || fail "gate.xml has no failure"; ok
# each run had its own server: ten server logs
[ "$(ls -d "$TMP"/ab/run-* | wc -l)" -eq 10 ] || fail "not one server per run"; ok

# A/A, two runs per side: cannot fail, and says so
expect_rc 0 cc --runs 2 --out "$TMP/aa" HEAD~1 HEAD~1
expect_out 'verdict: PASS'
expect_out 'CAVEAT: too few runs'
expect_out '== building base'
grep -q '== building head' "$TMP/out" && fail "A/A built twice"; ok

# bad usage and failures to build or start: exit 2 naming the cause
expect_rc 2 cc nosuchrev
expect_err "BASE 'nosuchrev' is not a commit here"
expect_rc 2 cc --runs 1 --build-cmd false --out "$TMP/b" HEAD~1 HEAD
expect_err 'building base failed'
expect_rc 2 cc --runs 1 --start-cmd 'sh -c "exit 3"' --out "$TMP/s" HEAD~1 HEAD
expect_err 'base-1: the server exited (status 3) before answering'
expect_rc 2 cc --runs 0 HEAD
expect_err "--runs: '0' is not a whole number >= 1"

# refserver --inject-delay-us: only the named route waits, and not behind a blocked loop
"$RS" --bind 127.0.0.1:0 --port-file "$TMP/port" --db "$TMP/rs.db" --workers 1 --quiet \
    --bcrypt-cost 4 --inject-delay-us 400000 --inject-delay-route /healthz 2>"$TMP/rs.log" &
rs=$!
trap 'kill -TERM $rs 2>/dev/null; wait $rs 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.05; done
url="http://127.0.0.1:$(cat "$TMP/port")"
for _ in $(seq 100); do curl -s -o /dev/null "$url/api/v1/nothing" && break; sleep 0.05; done
curl -s -o /dev/null -w '%{time_total}\n' "$url/healthz" >"$TMP/slow" &
c=$!
sleep 0.1
# during the delayed reply, the same single worker answers another route at once
other=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/nothing")
[ "$other" = 404 ] || fail "other route: $other"; ok
kill -0 $c 2>/dev/null || fail "the delayed request finished before the other route"; ok
wait $c
awk '{ exit !($1 >= 0.4) }' "$TMP/slow" || fail "healthz was not delayed: $(cat "$TMP/slow") s"; ok
"$RS" --inject-delay-us -1 >/dev/null 2>"$TMP/err" && fail "negative delay accepted"; ok
expect_err "--inject-delay-us"
done_checks
