# shellcheck shell=bash
# tests/bench/lib/ingest.sh — the durable-ingest load that tests/bench/refserver.sh
# (section 2) and tests/bench/db-backends.sh both drive: wrk posting DECNET events to
# refserver's POST /api/v1/logs. Sourced, not run; needs wrk and taskset.
#
#   ingest_lua DIR                  writes DIR/post1.lua (one event per POST) and
#                                   DIR/post10.lua (ten: a collector flushing small batches)
#   ingest_wrk PORT TOKEN LUA SECS  wrk -t1 -c50 for SECS s pinned to CPU 1 with that body;
#                                   prints "rps sent non2xx" (wrk's Requests/sec, responses
#                                   received, non-2xx among them)
#
# Every event's raw_line is 'bench-ingest', so the caller can count the rows stored and
# check that nothing acknowledged (201) was lost.

ingest_lua() {
    cat >"$1/post1.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"decky":"decky-01","service":"ssh","event_type":"login_attempt","attacker_ip":"10.66.0.1","raw_line":"bench-ingest","fields":{"username":"root"}}'
LUA
    /usr/bin/python3 - "$1/post10.lua" <<'PYEOF'
import json, sys
ev = [{"decky": "decky-01", "service": "ssh", "event_type": "login_attempt",
       "attacker_ip": "10.66.0.%d" % i, "raw_line": "bench-ingest", "fields": {"username": "root"}}
      for i in range(10)]
open(sys.argv[1], "w").write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                             "wrk.body = '%s'\n" % json.dumps(ev, separators=(",", ":")))
PYEOF
}

ingest_wrk() {
    taskset -c 1 wrk -t1 -c50 -d"$4s" -s "$3" -H "Authorization: Bearer $2" \
        "http://127.0.0.1:$1/api/v1/logs" |
        awk '/Requests\/sec/ {rps = $2} /requests in/ {sent = $1} /Non-2xx/ {bad = $NF}
             END {print (rps == "" ? 0 : rps), (sent == "" ? 0 : sent), bad + 0}'
}
