#!/usr/bin/python3
"""testserver.py — a small HTTP/1.1 keep-alive server for the live tests
(loadgen's, and the real-Locust runs of common/ and analyze/).

Binds 127.0.0.1 on a free port (port 0) and writes the port to the file given
as argv[1] once it listens. Options: --password=P, --must-change,
--login-fail=N:CODE (below), --delay-ms=N (every counted request waits N ms
before its answer). Endpoints:
  GET  /ok, /healthz          200 {"status":"ok"}
  GET  /delay?ms=N            sleeps N ms, then 200 (counted like everything)
  GET  /missing               404 (reason "Not Found")
  GET  /status?code=N         answers with status N
  POST /api/v1/auth/login     {"access_token": "tok-<n>", "token_type": "bearer",
                              "must_change_password": <true the first time if
                              --must-change>} (401 on bad credentials; with
                              --login-fail=N:CODE the first N logins answer CODE)
  POST /api/v1/auth/change-password   200 (needs the Bearer token)
  GET  /api/v1/stream         text/event-stream: one frame, then held open
  GET  /api/v1/...            200 JSON, 401 without "Authorization: Bearer tok-"
  GET  /__counts              JSON {"METHOD path?query": count} of all other requests
  GET  /__conns               number of TCP connections accepted so far
  ANY  /echo...               200 {"echo": true}; remembers the method, path,
                              headers and body of the last one
  GET  /__echo                that last /echo request as JSON
Only for tests: no TLS, loopback only.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

COUNTS = {}
LOCK = threading.Lock()
STATE = {"conns": 0, "logins": 0, "must_change": "--must-change" in sys.argv, "changed": False}
USER = "admin"
PASSWORD = "admin"
LOGIN_FAIL = [0, 503]  # --login-fail=N:CODE: the first N logins answer CODE
DELAY = 0.0           # --delay-ms=N
for a in sys.argv[2:]:
    if a.startswith("--delay-ms="):
        DELAY = int(a.split("=", 1)[1]) / 1000.0
    if a.startswith("--password="):
        PASSWORD = a.split("=", 1)[1]
    if a.startswith("--login-fail="):
        n, code = a.split("=", 1)[1].split(":")
        LOGIN_FAIL = [int(n), int(code)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per response and no Nagle: otherwise headers and body leave
    # in two segments and the client's delayed ACK adds 40 ms to every request.
    wbufsize = -1
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):  # quiet
        pass

    def setup(self):
        with LOCK:
            STATE["conns"] += 1
        super().setup()

    def send_json(self, code, obj, extra=None):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def count(self):
        key = self.command + " " + self.path
        with LOCK:
            COUNTS[key] = COUNTS.get(key, 0) + 1
        if DELAY:
            time.sleep(DELAY)

    def authed(self):
        return self.headers.get("Authorization", "").startswith("Bearer tok-")

    def do_GET(self):
        u = urlsplit(self.path)
        q = parse_qs(u.query)
        if u.path == "/__counts":
            with LOCK:
                return self.send_json(200, dict(COUNTS))
        if u.path == "/__conns":
            with LOCK:
                return self.send_json(200, STATE["conns"])
        if u.path == "/__echo":
            with LOCK:
                return self.send_json(200, STATE.get("echo"))
        if u.path.startswith("/echo"):
            return self.echo()
        self.count()
        if u.path in ("/ok", "/healthz"):
            return self.send_json(200, {"status": "ok"})
        if u.path == "/delay":
            time.sleep(int(q.get("ms", ["0"])[0]) / 1000.0)
            return self.send_json(200, {"status": "ok"})
        if u.path == "/status":
            code = int(q.get("code", ["200"])[0])
            return self.send_json(code, {"code": code})
        if u.path == "/api/v1/stream":
            if not self.authed():
                return self.send_json(401, {"detail": "Could not validate credentials"})
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            try:
                self.wfile.write(b"event: message\ndata: {\"type\":\"stats\"}\n\n")
                self.wfile.flush()
                time.sleep(2)  # held open; the client closes after its first chunk
            except OSError:
                pass
            self.close_connection = True
            return
        if u.path.startswith("/api/v1/"):
            if not self.authed():
                return self.send_json(401, {"detail": "Could not validate credentials"},
                                      {"WWW-Authenticate": "Bearer"})
            return self.send_json(200, {"total": 0, "limit": 50, "offset": 0, "data": []})
        return self.send_json(404, {"detail": "Not Found"})

    def echo(self):
        self.count()
        n = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(n) if n else b""
        with LOCK:
            STATE["echo"] = {"method": self.command, "path": self.path,
                             "headers": dict(self.headers.items()),
                             "body": raw.decode("utf-8", "replace")}
        return self.send_json(200, {"echo": True})

    do_PUT = do_DELETE = do_PATCH = echo

    def do_POST(self):
        if self.path.startswith("/echo"):
            return self.echo()
        self.count()
        u = urlsplit(self.path)
        n = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(n) if n else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.send_json(400, {"detail": "bad json"})
        if u.path == "/api/v1/auth/login":
            with LOCK:
                failing = LOGIN_FAIL[0] > 0
                LOGIN_FAIL[0] -= 1 if failing else 0
            if failing:  # 429 says when to come back
                return self.send_json(LOGIN_FAIL[1], {"detail": "try later"},
                                      {"Retry-After": "0"} if LOGIN_FAIL[1] == 429 else None)
            if body.get("username") != USER or body.get("password") != PASSWORD:
                return self.send_json(401, {"detail": "Incorrect username or password"})
            with LOCK:
                STATE["logins"] += 1
                tok = "tok-%d" % STATE["logins"]
                must = STATE["must_change"] and not STATE["changed"]
            return self.send_json(200, {"access_token": tok, "token_type": "bearer",
                                        "must_change_password": must})
        if u.path == "/api/v1/auth/change-password":
            if not self.authed():
                return self.send_json(401, {"detail": "Could not validate credentials"})
            with LOCK:
                STATE["changed"] = True
            return self.send_json(200, {"message": "Password updated successfully"})
        return self.send_json(404, {"detail": "Not Found"})


class Server(ThreadingHTTPServer):
    request_queue_size = 4096  # the default 5 drops SYNs when many users connect at once
    daemon_threads = True

    def handle_error(self, request, client_address):
        # loadgen aborts in-flight requests at stop (RST): not worth a traceback
        if not isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            super().handle_error(request, client_address)


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    import os
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    srv.serve_forever()


if __name__ == "__main__":
    main()
