#!/usr/bin/python3
"""race_client.py — THREADS keep-alive clients ingest in ROUNDS lock-step rounds; in each
round every client posts one event from the same new attacker IP at the same moment (a
barrier), so the refserver workers race to create that attacker. Prints one JSON line:
{"statuses": {status: count}, "errors": [first few non-201 bodies]}.

usage: race_client.py PORT TOKEN THREADS ROUNDS TAG
"""
import http.client
import json
import sys
import threading

port, token, nthreads, rounds, tag = (int(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                                      int(sys.argv[4]), sys.argv[5])
lock = threading.Lock()
statuses, errors = {}, []
barrier = threading.Barrier(nthreads, timeout=30)


def worker(t):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for seq in range(rounds):
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            return
        ev = {"decky": "decky-01", "service": "ssh", "event_type": "login_attempt",
              "attacker_ip": "10.98.%d.%d" % (seq // 250, seq % 250),
              "timestamp": "2026-04-18T12:%02d:%02d" % (seq // 60 % 60, seq % 60),
              "raw_line": "%s-%d-%d" % (tag, t, seq), "fields": {"username": "u%d" % t, "password": "p"}}
        try:
            conn.request("POST", "/api/v1/logs", json.dumps(ev),
                         {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = conn.getresponse()
            body = r.read()
            st = r.status
        except (OSError, http.client.HTTPException) as e:
            st, body = 0, repr(e).encode()
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            statuses[st] = statuses.get(st, 0) + 1
            if st != 201 and len(errors) < 3:
                errors.append("%d %s" % (st, body[:200].decode(errors="replace")))
    conn.close()


threads = [threading.Thread(target=worker, args=(t,)) for t in range(nthreads)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(json.dumps({"statuses": statuses, "errors": errors}, sort_keys=True))
