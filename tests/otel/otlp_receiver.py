#!/usr/bin/python3
"""otlp_receiver.py — a minimal OTLP/HTTP receiver for the live tests.

Listens on a free loopback port (bound to port 0, written to --port-file),
saves the body of each POST to /v1/traces as DIR/NNNN.json and its
Content-Type as DIR/NNNN.ctype, and answers 200 with an empty
ExportTraceServiceResponse. POSTs to /v1/fail get HTTP 500, so a test can
check that a failed export is counted. Exits by itself after --max-seconds
so a failed test never leaves it behind.
"""
import argparse
import http.server
import os
import sys
import threading


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True, help="where to save POST bodies")
    ap.add_argument("--port-file", required=True, help="file to write the chosen port to")
    ap.add_argument("--max-seconds", type=float, default=60.0,
                    help="exit after this many seconds (default 60)")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    lock = threading.Lock()
    counter = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as collectors do

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            if self.path == "/v1/fail":
                self.reply(500, b'{"error":"told to fail"}')
                return
            if self.path != "/v1/traces":
                self.reply(404, b"{}")
                return
            with lock:
                counter[0] += 1
                base = os.path.join(args.dir, "%04d" % counter[0])
            with open(base + ".ctype", "w") as f:
                f.write(self.headers.get("Content-Type", ""))
            # Write the body last and atomically: the test polls for .json files.
            with open(base + ".tmp", "wb") as f:
                f.write(body)
            os.rename(base + ".tmp", base + ".json")
            self.reply(200, b"{}")

        def reply(self, code, body):
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *a):
            sys.stderr.write("otlp_receiver: " + (fmt % a) + "\n")

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, args.port_file)
    threading.Timer(args.max_seconds, srv.shutdown).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()
