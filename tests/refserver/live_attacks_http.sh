#!/usr/bin/env bash
# live_attacks_http.sh — attacks on the connection layer (issue 13), each a
# row of docs/RELIABILITY.md; prints "figure:" lines for that table.
#  1. a client sending only CR/LF is cut by the header timeout (was held forever)
#  2. out of descriptors: the connection cap derives from RLIMIT_NOFILE, clients
#     past it get 503 + Connection: close, open connections keep working in
#     every db mode, and the refusals are logged once per burst
#  5. pipelining big replies without reading: backpressure bounds the memory
#  7. an Upgrade request is 400 and the connection is closed
cd "$(dirname "$0")" && source ./lib.sh

# hold N SECONDS PAYLOAD — N connections each send PAYLOAD every 0.2 s for
# SECONDS; prints how many the server had closed by then
hold() {
    $PY - "$RS_PORT" "$@" <<'PYEOF'
import socket, sys, time
port, n, secs, payload = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), eval(sys.argv[4])
conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
closed = set()
end = time.time() + secs
while time.time() < end:
    for i, s in enumerate(conns):
        if i in closed:
            continue
        try:
            s.sendall(payload)
            s.setblocking(False)
            try:
                if s.recv(4096) == b"":
                    closed.add(i)
            except BlockingIOError:
                pass
            s.setblocking(True)
        except OSError:
            closed.add(i)
    time.sleep(0.2)
print(len(closed))
PYEOF
}

# --- 1: CR/LF only, past the header timeout (0.5 s) but inside the idle timeout (30 s)
rs_start --workers 1 --header-timeout 0.5 --idle-timeout 30
check "CR/LF-only clients cut by the header timeout" 20 "$(hold 20 3 'b"\r\n"')"
check "a started request still gets its full header timeout" 0 "$(hold 1 0.3 'b"GET /healthz HTTP/1.1\r\n"')"
check "normal client served beside them" 200 "$(status "$RS_URL/healthz")"
echo "figure: crlf: 20 of 20 CR/LF-only connections closed within 3 s (header timeout 0.5 s)"

# --- 7: Upgrade is refused, not answered 200 with HTTP parsing going on
upg=$($PY - "$RS_PORT" <<'PYEOF'
import socket, sys, re
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /healthz HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
          b"GET /healthz HTTP/1.1\r\n\r\n")
s.settimeout(3)
out = b""
while True:
    d = s.recv(65536)
    if not d:
        break
    out += d
print(" ".join(m.decode() for m in re.findall(rb"HTTP/1\.1 (\d{3}) ", out)) + " closed")
PYEOF
)
check "Upgrade request: 400 and close" "400 closed" "$upg"
check "Upgrade header alone: 400" 400 "$(status -H 'Upgrade: h2c' "$RS_URL/healthz")"
rs_stop

# --- 2: out of descriptors. A wrapper lowers RLIMIT_NOFILE (soft and hard) to 64
cat >"$RS_DIR/low-nofile" <<SH
#!/bin/sh
ulimit -n 64
exec "$RS_BIN" "\$@"
SH
chmod +x "$RS_DIR/low-nofile"
REAL_BIN=$RS_BIN
RS_BIN=$RS_DIR/low-nofile
for mode in naive pooled batched; do
    RS_DB=$RS_DIR/fd-$mode.db RS_QUIET= rs_start --workers 1 --db-mode $mode
    res=$($PY - "$RS_PORT" <<'PYEOF'
import socket, sys, time
port = int(sys.argv[1])
body = b'{"username":"nobody","password":"x"}'
def get(s):   # a login looks the user up: naive mode opens its database for it
    s.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    s.settimeout(5)
    return s.recv(65536).split(b"\r\n")[0].decode()
held, refused, hung = [], 0, 0
for i in range(100):                       # far past 64 descriptors
    if hung >= 3:
        break
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(0.05)                     # a refused client is answered at once
    try:
        d = s.recv(4096)
    except socket.timeout:
        d = b""
    if d.startswith(b"HTTP/1.1 503") and b"Connection: close" in d:
        refused += 1
        s.close()
        continue
    s.settimeout(1)
    try:
        s.sendall(b"GET /healthz HTTP/1.1\r\n\r\n")
        d = s.recv(4096)
    except socket.timeout:
        hung += 1                          # accepted by the kernel, never by the server
        continue
    held.append(s)
# the connections already open keep working (naive mode opens its DB per request)
ok = sum(get(s) == "HTTP/1.1 401 Unauthorized" for s in held[:5])
print(len(held) > 0, refused > 0, hung, ok, len(held), refused)
for s in held:
    s.close()
PYEOF
)
    check "$mode: past the fd-derived cap 503+close, none hung, open ones served" \
        "True True 0 5" "$(echo "$res" | cut -d' ' -f1-4)"
    echo "figure: fd: $mode: RLIMIT_NOFILE 64: $(echo "$res" | cut -d' ' -f5) connections held," \
         "$(echo "$res" | cut -d' ' -f6) answered 503, $(echo "$res" | cut -d' ' -f3) hung," \
         "$(echo "$res" | cut -d' ' -f4) of 5 held ones served a login after"
    check "$mode: healthz after the burst" 200 "$(status "$RS_URL/healthz")"
    rs_stop
    check "$mode: one log line for the burst" 1 \
        "$(grep -c 'connection limit' "$RS_DIR/server.log")"
    grep 'connection limit' "$RS_DIR/server.log" | sed 's/^/figure: fd: /'
    : >"$RS_DIR/server.log"
done
RS_BIN=$REAL_BIN
RS_DB=$RS_DIR/rs.db

# --- 5: 50 clients pipeline /logs?limit=1000 (500 KB replies with the default
# dataset) and never read; a normal client beside them is served, and the
# worker's memory stays bounded
# (an ASan build keeps freed memory in quarantine: RSS would count it)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0" \
    rs_start --workers 1 --max-output-bytes 8388608
tok=$(rs_token)
WPID=$(pgrep -P "$RS_PID")
before=$(awk '/VmRSS/{print $2}' "/proc/$WPID/status")
mem=$($PY - "$RS_PORT" "$tok" "$WPID" <<'PYEOF'
import socket, sys, time, urllib.request
port, tok, pid = int(sys.argv[1]), sys.argv[2], sys.argv[3]
req = ("GET /api/v1/logs?limit=1000 HTTP/1.1\r\nAuthorization: Bearer %s\r\n\r\n" % tok).encode()
conns = []
for _ in range(50):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.setblocking(False)
    conns.append(s)
end = time.time() + 6
while time.time() < end:                 # keep pushing requests, read nothing
    for s in conns:
        try:
            s.send(req * 8)
        except (BlockingIOError, OSError):
            pass
    time.sleep(0.05)
t0 = time.time()
r = urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port, timeout=5)
print(r.status, round((time.time() - t0) * 1000, 1))
peak = max(int(l.split()[1]) for l in open("/proc/%s/status" % pid) if l.startswith("VmRSS"))
print(peak)
for s in conns:
    s.close()
PYEOF
)
after=$(echo "$mem" | sed -n 2p)
check "normal client served beside 50 non-reading pipeliners" 200 "$(echo "$mem" | sed -n 1p | cut -d' ' -f1)"
grown=$(( (after - before) / 1024 ))
echo "figure: backpressure: worker RSS grew ${grown} MiB with 50 non-reading pipeliners (cap 8 MiB unsent);" \
     "healthz beside them in $(echo "$mem" | sed -n 1p | cut -d' ' -f2) ms"
# before backpressure the worker grew ~2.7 MB a connection (135 MB for 50):
# the sent front of a slow client's output was never reclaimed
[ "$grown" -lt 40 ]; check "memory bounded under 40 MiB (grew $grown MiB)" 0 $?
check "healthz after the pipeliners left" 200 "$(status "$RS_URL/healthz")"
rs_stop
rs_done
