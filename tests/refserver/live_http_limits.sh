#!/usr/bin/env bash
# live_http_limits.sh — malformed requests, oversize headers and bodies,
# pipelining, header timeout and the connection cap, each answered with the
# right status while the server keeps serving.
cd "$(dirname "$0")" && source ./lib.sh
rs_start --dataset decnet-2026-04 --workers 1 --max-conns 8 --header-timeout 0.5 \
    --max-header-bytes 4096 --max-body-bytes 65536

# raw REQUEST_PY_BYTES_EXPR [WAIT] — send raw bytes, print the status lines seen
raw() {
    $PY - "$RS_PORT" "$1" "${2:-0.3}" <<'PYEOF'
import socket, sys, time
port, data, wait = int(sys.argv[1]), eval(sys.argv[2]), float(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port))
s.sendall(data)
time.sleep(wait)
s.settimeout(2)
out = b""
try:
    while True:
        d = s.recv(65536)
        if not d:
            break
        out += d
except socket.timeout:
    out += b" <open>"
import re
print(" ".join(m.decode() for m in re.findall(rb"HTTP/1\.1 (\d{3}) ", out))
      + (" open" if out.endswith(b"<open>") else " closed"))
PYEOF
}
alive() { check "still serving after $1" '{"status":"ok"}' "$(curl -s --max-time 2 "$RS_URL/healthz")"; }

check "malformed request line" "400 closed" "$(raw 'b"GARBAGE\r\n\r\n"')"
alive malformed
check "bad header syntax" "400 closed" "$(raw 'b"GET /healthz HTTP/1.1\r\nNo colon here\r\n\r\n"')"
alive "bad header"
check "oversize header 431" "431 closed" "$(raw 'b"GET /healthz HTTP/1.1\r\nX-Big: " + b"a" * 5000 + b"\r\n\r\n"')"
alive "oversize header"
check "oversize URL 431" "431 closed" "$(raw 'b"GET /healthz?" + b"q" * 5000 + b" HTTP/1.1\r\n\r\n"')"
check "oversize body 413" "413 closed" "$(raw 'b"POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 100000\r\n\r\n"')"
check "oversize chunked body 413" "413 closed" \
    "$(raw 'b"POST /api/v1/auth/login HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + (b"4000\r\n" + b"x" * 16384 + b"\r\n") * 5' 0.5)"
alive "oversize body"
check "pipelined 3 in order, kept open" "200 404 200 open" \
    "$(raw 'b"GET /healthz HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n"')"
check "pipelined then garbage" "200 400 closed" "$(raw 'b"GET /healthz HTTP/1.1\r\n\r\nBLAH\r\n\r\n"')"
check "HEAD: headers only, connection stays usable" "200 200 open" \
    "$(raw 'b"HEAD /healthz HTTP/1.1\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n"')"
check "HEAD sends no body" 1 "$($PY - "$RS_PORT" <<'PYEOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"HEAD /healthz HTTP/1.1\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n")
time.sleep(0.3)
print(s.recv(65536).count(b'{"status":"ok"}'))
PYEOF
)"
check "HEAD carries the GET Content-Length" "15" \
    "$(curl -s -I "$RS_URL/healthz" | tr -d '\r' | sed -n 's/^Content-Length: //p')"
check "Connection: close honoured" "200 closed" "$(raw 'b"GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"')"
check "HTTP/1.0 closes by default" "200 closed" "$(raw 'b"GET /healthz HTTP/1.0\r\n\r\n"')"
check "Expect: 100-continue answered, then 408 when no body comes" "100 408 closed" \
    "$(raw 'b"POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 40\r\nExpect: 100-continue\r\n\r\n"' 0.2)"
check "partial request times out 408" "408 closed" "$(raw 'b"GET /healthz HTTP/1.1\r\nHost: x\r\n"' 1.0)"
alive "header timeout"

# connection cap: hold 8 idle connections, the 9th gets 503 and close
capped=$($PY - "$RS_PORT" <<'PYEOF'
import socket, sys, time
port = int(sys.argv[1])
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(8)]
time.sleep(0.3)
s = socket.create_connection(("127.0.0.1", port))
s.settimeout(2)
data = s.recv(4096)
print(data.split(b"\r\n")[0].decode())
for h in held:
    h.close()
PYEOF
)
check "past --max-conns 503" "HTTP/1.1 503 Service Unavailable" "$capped"
sleep 0.2
alive "connection cap"

rs_stop
check "graceful exit code" 0 "$RS_EXIT"

# a client that pipelines requests and never reads: once the socket buffers are
# full and nothing moves for --idle-timeout, the server drops the connection
RS_DB="$RS_DIR/stall.db"
rs_start --dataset decnet-2026-04 --workers 1 --idle-timeout 0.5
stalled=$($PY - "$RS_PORT" <<'PYEOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.setblocking(False)
req = b"GET /healthz HTTP/1.1\r\n\r\n" * 1000
deadline = time.time() + 20
while time.time() < deadline:          # send until the server stops taking input
    try:
        s.send(req)
    except BlockingIOError:
        break
    except OSError:
        break
time.sleep(2.0)                        # > idle timeout with no progress
s.setblocking(True)
s.settimeout(5)
try:
    while s.recv(1 << 20):             # drain what was sent before the close
        pass
    print("closed")
except ConnectionResetError:
    print("closed")
except socket.timeout:
    print("still open")
PYEOF
)
check "stalled reader is disconnected after --idle-timeout" closed "$stalled"
alive "stalled reader"
rs_stop
rs_done
