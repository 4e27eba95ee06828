#!/usr/bin/python3
"""ingest_client.py — POST /api/v1/logs from several keep-alive connections until
the server goes away (or a bound is hit); print every acknowledged
"id<TAB>raw_line" pair, so a test can prove none of them was lost.

usage: ingest_client.py PORT TOKEN THREADS MAX_SECONDS OUT_FILE
"""
import http.client
import json
import sys
import threading
import time

port, token, nthreads, max_s, out_path = (int(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                                          float(sys.argv[4]), sys.argv[5])
lock = threading.Lock()
acked = []
errors = []


def worker(t):
    deadline = time.monotonic() + max_s
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    seq = 0
    while time.monotonic() < deadline:
        n = 1 + seq % 5
        events = [{"decky": "decky-%02d" % (t % 4 + 1), "service": "ssh",
                   "event_type": "login_attempt", "attacker_ip": "10.77.%d.%d" % (t, i),
                   "raw_line": "t%d-s%d-e%d" % (t, seq, i), "fields": {"seq": str(seq)}}
                  for i in range(n)]
        body = json.dumps(events if n > 1 else events[0])
        try:
            conn.request("POST", "/api/v1/logs", body,
                         {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            resp = conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException):
            break   # the server stopped: nothing more can be acknowledged
        if resp.status != 201:
            with lock:
                errors.append("%d %s" % (resp.status, data[:200]))
            break
        ids = json.loads(data)["ids"]
        with lock:
            acked.extend(zip(ids, (e["raw_line"] for e in events)))
        if resp.getheader("Connection", "").lower() == "close":
            break
        seq += 1
    conn.close()


threads = [threading.Thread(target=worker, args=(t,)) for t in range(nthreads)]
for th in threads:
    th.start()
for th in threads:
    th.join()
with open(out_path, "w") as f:
    for i, raw in sorted(acked):
        f.write("%d\t%s\n" % (i, raw))
for e in errors:
    print("unexpected reply:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
