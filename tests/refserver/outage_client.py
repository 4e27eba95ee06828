#!/usr/bin/python3
"""outage_client.py — a bounded loop of requests against refserver while its database
server is killed and restarted (live_mariadb_outage.sh), and the verdict on what it saw.

usage: outage_client.py run PORT TOKEN TAG STOP_FILE MAX_SECONDS OUT_JSONL
         THREADS threads cycle through ROUTES until STOP_FILE exists or MAX_SECONDS pass;
         one JSON line per request: route, start/end (epoch s), status, detail, acked
         ingest rows (id, raw_line). A request gets at most 10 s (then status 0).
       outage_client.py check OUT_JSONL T_KILL T_RESTART T_UP ACKED_TSV
         prints "name|expected|actual" lines for the test's check(), and writes every
         acknowledged "id<TAB>raw_line" to ACKED_TSV.
"""
import http.client
import json
import os
import sys
import threading
import time

THREADS = 4
REQ_TIMEOUT = 10
HANG_S = 5.0        # "never a hang past a few seconds": no answer may take longer
SETTLE_S = 0.5      # after the kill returns, in-flight requests may still finish either way
RECOVER_S = 4.0     # refserver's reconnect backoff is at most ~2 s between attempts
# routes that always reach the database (no cache in front): 503 during the outage
DB_ROUTES = {"logs_search", "attackers_search", "ingest"}
# routes a TTL cache may still answer during the outage: 200 (stale) or 503
CACHED_ROUTES = {"stats", "config", "health", "login"}


def routes(tag, t):
    seq = [0]
    # each thread its own attacker IPs: two workers creating the same new attacker at
    # once is live_backends_race.sh's subject, not this test's

    def ingest():
        seq[0] += 1
        ev = [{"decky": "decky-01", "service": "ssh", "event_type": "login_attempt",
               "attacker_ip": "10.99.%d.%d" % (t, seq[0] % 200), "raw_line": "%s-%d-%d" % (tag, seq[0], i),
               "fields": {"username": "root", "password": "x%d" % i}} for i in range(3)]
        return "POST", "/api/v1/logs", json.dumps(ev), [e["raw_line"] for e in ev]
    return [
        ("logs_search", lambda: ("GET", "/api/v1/logs?limit=5&search=" + tag, None, None)),
        ("ingest", ingest),
        ("attackers_search", lambda: ("GET", "/api/v1/attackers?search=10.99.", None, None)),
        ("stats", lambda: ("GET", "/api/v1/stats", None, None)),
        ("health", lambda: ("GET", "/api/v1/health", None, None)),
        ("healthz", lambda: ("GET", "/healthz", None, None)),
        ("config", lambda: ("GET", "/api/v1/config", None, None)),
        ("login", lambda: ("POST", "/api/v1/auth/login",
                           json.dumps({"username": "admin", "password": "admin"}), None)),
    ]


def run(port, token, tag, stop_file, max_s, out):
    lock = threading.Lock()
    recs = []
    deadline = time.time() + max_s

    def worker(t):
        rts = routes("%s-t%d" % (tag, t), t)
        i = t
        while time.time() < deadline and not os.path.exists(stop_file):
            name, make = rts[i % len(rts)]
            i += 1
            method, path, body, raws = make()
            rec = {"route": name, "start": time.time()}
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQ_TIMEOUT)
            try:
                hdrs = {"Content-Type": "application/json"}
                if name != "login":
                    hdrs["Authorization"] = "Bearer " + token
                conn.request(method, path, body, hdrs)
                r = conn.getresponse()
                data = r.read()
                rec["status"] = r.status
                try:
                    d = json.loads(data)
                except ValueError:
                    d = None
                rec["detail"] = d.get("detail") if isinstance(d, dict) else None
                if name == "health" and isinstance(d, dict):
                    rec["body"] = data.decode(errors="replace")[:400]
                if name == "ingest" and r.status == 201:
                    rec["acked"] = list(zip(d["ids"], raws))
            except (OSError, http.client.HTTPException) as e:
                rec["status"], rec["detail"] = 0, repr(e)
            finally:
                conn.close()
            rec["end"] = time.time()
            with lock:
                recs.append(rec)
            time.sleep(0.02)

    ths = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for th in ths:
        th.start()
    for th in ths:
        th.join()
    with open(out, "w") as f:
        for r in sorted(recs, key=lambda r: r["start"]):
            f.write(json.dumps(r) + "\n")


def check(out, t_kill, t_restart, t_up, acked_tsv):
    recs = [json.loads(line) for line in open(out)]
    res = []

    def c(name, expected, actual):
        res.append("%s|%s|%s" % (name, expected, actual))

    def show(rs, n=3):
        """[] when none, else the first n (route status detail) and how many in all"""
        return "[%s%s]" % ("; ".join("%s %d %r" % (r["route"], r["status"], r.get("detail")) for r in rs[:n]),
                           " ... %d in all" % len(rs) if len(rs) > n else "")
    before = [r for r in recs if r["end"] < t_kill]
    outage = [r for r in recs if r["start"] > t_kill + SETTLE_S and r["end"] < t_restart]
    after = [r for r in recs if r["start"] > t_up + RECOVER_S]
    c("requests before the kill", True, len(before) > 20)
    c("requests during the outage", True, len(outage) > 20)
    c("requests after recovery", True, len(after) > 20)
    c("before the kill: all 2xx", "[]", show([r for r in before if not 200 <= r["status"] < 300]))
    bad = [r for r in recs if r["status"] >= 500 and r["status"] != 503 or r["status"] == 0]
    c("never a 5xx other than 503, never a dropped connection", "[]", show(bad))
    slow = [r for r in recs if r["end"] - r["start"] > HANG_S]
    c("no answer took over %g s" % HANG_S, "[]", show(slow))
    c("slowest answer (s)", True, max(r["end"] - r["start"] for r in recs) <= HANG_S)
    not_db = [r for r in recs if r["status"] == 503 and not str(r.get("detail")).startswith("Database unavailable")
              and r["route"] != "health"]
    c("every 503 says 'Database unavailable...'", "[]", show(not_db))
    for route in sorted(DB_ROUTES):
        rs = [r for r in outage if r["route"] == route]
        c("outage: %s answered" % route, True, len(rs) > 0)
        c("outage: %s only 503 Database unavailable" % route, "[]",
          show([r for r in rs if r["status"] != 503 or not str(r.get("detail")).startswith("Database unavailable")]))
    for route in sorted(CACHED_ROUTES):
        c("outage: %s 200 (cached) or 503" % route, "[]",
          show([r for r in outage if r["route"] == route and r["status"] not in (200, 503)]))
    c("outage: /healthz (no database) always 200", "[]",
      show([r for r in outage if r["route"] == "healthz" and r["status"] != 200]))
    c("outage: no 401/403 for a valid token", "[]", show([r for r in outage if r["status"] in (401, 403)]))
    # /health says "unhealthy" (503) once its 1 s probe cache runs out; where the token
    # itself needs the database (naive: no auth cache) it cannot get that far and is the
    # same 503 "Database unavailable" as every other route
    health = [r for r in outage if r["route"] == "health"]
    c("outage: /api/v1/health answers 503 (unhealthy, or Database unavailable before it)", True,
      any(r["status"] == 503 for r in health))
    c("outage: /api/v1/health's 503s say unhealthy or Database unavailable", "[]",
      show([r for r in health if r["status"] == 503 and '"unhealthy"' not in r.get("body", "")
            and not str(r.get("detail")).startswith("Database unavailable")]))
    ups = [r["end"] - t_up for r in recs if r["start"] > t_up and r["route"] in DB_ROUTES and
           200 <= r["status"] < 300]
    c("recovered: a database route answers 2xx after the restart", True, bool(ups))
    c("after recovery: all 2xx", "[]", show([r for r in after if not 200 <= r["status"] < 300]))
    acked = [tuple(a) for r in recs for a in r.get("acked", [])]
    with open(acked_tsv, "w") as f:
        for i, raw in sorted(acked):
            f.write("%d\t%s\n" % (i, raw))
    for line in res:
        print(line)
    # figures for the report (not asserted: wall time)
    n503 = sum(r["status"] == 503 for r in recs)
    print("figure: %d requests (%d before, %d in the outage, %d after recovery), %d x 503, "
          "first database 2xx %.2f s after mariadbd answered, slowest answer %.2f s, %d events acknowledged"
          % (len(recs), len(before), len(outage), len(after), n503, min(ups) if ups else -1,
             max(r["end"] - r["start"] for r in recs), len(acked)), file=sys.stderr)
    if health:
        h = [r for r in health if r["status"] == 503] or health
        print("figure: /api/v1/health during the outage: %d %s" % (h[-1]["status"], h[-1].get("body")),
              file=sys.stderr)


if sys.argv[1] == "run":
    run(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]), sys.argv[7])
else:
    check(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
