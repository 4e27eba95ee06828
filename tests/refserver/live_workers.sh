#!/usr/bin/env bash
# live_workers.sh — the process model: N pre-forked workers share the port,
# --cpu-pin pins them, a worker that dies is replaced while the others keep
# serving, and the exit code then reports the failure.
cd "$(dirname "$0")" && source ./lib.sh
rs_start --dataset decnet-2026-04 --workers 2 --cpu-pin 0
workers() { pgrep -P "$RS_PID" | sort; }
check "two workers" 2 "$(workers | wc -l)"
for w in $(workers); do
    check "worker $w pinned to CPU 0" 0 "$(taskset -cp "$w" | sed 's/.*: //')"
done
AUTH="Authorization: Bearer $(rs_token)"
victim=$(workers | head -1)
kill -KILL "$victim"
ok=0
for i in $(seq 40); do [ "$(status --max-time 2 "$RS_URL/healthz")" = 200 ] && ok=$((ok + 1)); sleep 0.02; done
check "served throughout a worker crash" 40 "$ok"
for _ in $(seq 50); do [ "$(workers | wc -l)" = 2 ] && ! workers | grep -qx "$victim" && break; sleep 0.1; done
check "crashed worker replaced" "2 no" "$(workers | wc -l) $(workers | grep -qx "$victim" && echo yes || echo no)"
check "replacement serves the API" 200 "$(status -H "$AUTH" "$RS_URL/api/v1/logs")"
check "log names the crash and the restart" 2 "$(grep -cE 'killed by signal 9|restarted' "$RS_DIR/server.log")"
rs_stop
check "exit code reports the failed worker" 1 "$RS_EXIT"
rs_done
