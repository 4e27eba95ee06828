#!/usr/bin/python3
"""fuzz_http.py — throw mutated HTTP requests at a running refserver.

Each case is a valid request (from a small corpus of the API's routes, with a
valid token) mutated by byte flips, insertions, deletions, truncation,
duplicated headers, huge or negative lengths, random query strings and
pipelining; it is sent on a fresh connection and the reply must be either a
well-formed HTTP/1.1 status line or a closed connection — never a hang. Every
50 cases /healthz must still answer. Bounded in count and time.

usage: fuzz_http.py PORT TOKEN CASES SEED
"""
import random
import socket
import sys
import time

port, token, cases, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
auth = b"Authorization: Bearer " + token.encode() + b"\r\n"
corpus = [
    b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/v1/stats HTTP/1.1\r\n" + auth + b"\r\n",
    b"GET /api/v1/logs?limit=50&offset=3&search=ssh%20service:http HTTP/1.1\r\n" + auth + b"\r\n",
    b"GET /api/v1/logs/histogram?interval_minutes=5 HTTP/1.1\r\n" + auth + b"\r\n",
    b"GET /api/v1/attackers?search=1&sort_by=active HTTP/1.1\r\n" + auth + b"\r\n",
    b"GET /api/v1/bounty?bounty_type=credential HTTP/1.1\r\n" + auth + b"\r\n",
    b"GET /api/v1/stream?maxOutput=1&token=" + token.encode() + b" HTTP/1.1\r\n\r\n",
    b"POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 39\r\n\r\n"
    b'{"username":"admin","password":"wrong"}',
    b"POST /api/v1/logs HTTP/1.1\r\n" + auth + b"Content-Length: 74\r\n\r\n"
    b'{"decky":"d","service":"ssh","event_type":"x","attacker_ip":"10.9.9.9"}   ',
    b"POST /api/v1/logs HTTP/1.1\r\n" + auth + b"Transfer-Encoding: chunked\r\n\r\n"
    b'5\r\n[{"de\r\n0\r\n\r\n',
]
junk = [b"\x00", b"\r\n", b"\r", b"\n", b":", b" ", b"%", b"%zz", b"?", b"&", b"=", b"\xff\xfe",
        b"Content-Length: -1\r\n", b"Content-Length: 99999999999999999999\r\n",
        b"Transfer-Encoding: chunked\r\n", b"Expect: 100-continue\r\n", b"\"", b"\\",
        b"{", b"}", b"[", b"]", b"'", b"%00", b"null", b"A" * 3000]


def mutate(req):
    r = bytearray(req)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        pos = rng.randrange(len(r) + 1)
        if op == 0 and r:
            r[min(pos, len(r) - 1)] = rng.randrange(256)
        elif op == 1:
            r[pos:pos] = rng.choice(junk)
        elif op == 2 and r:
            del r[pos:pos + rng.randint(1, 8)]
        elif op == 3:
            r = r[:pos]
        elif op == 4:
            r += rng.choice(corpus)          # pipelining
        else:
            r[pos:pos] = bytes(rng.randrange(32, 127) for _ in range(rng.randint(1, 40)))
    return bytes(r)


def send(data, timeout):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        if rng.random() < 0.9:   # mostly half-close: the server sees EOF at once
            s.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            try:
                d = s.recv(65536)
            except socket.timeout:
                return out, "timeout"
            except ConnectionResetError:
                return out, "reset"
            if not d:
                return out, "closed"
            out += d
            if len(out) > 4 << 20:
                return out, "big"
    finally:
        s.close()


bad = 0
t_end = time.time() + 40
for i in range(cases):
    if time.time() > t_end:
        break
    data = mutate(rng.choice(corpus))
    out, how = send(data, 2.0)
    # a reply, if any, starts with a status line; silence ends in a close,
    # or in our timeout only while the server waits for more of a request
    if out and not out.startswith(b"HTTP/1.1 "):
        bad += 1
        print("case %d: malformed reply %r to %r" % (i, out[:80], data[:120]))
    if i % 50 == 0:
        ok, _ = send(b"GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n", 5.0)
        if b'{"status":"ok"}' not in ok:
            print("case %d: server no longer answers /healthz after %r" % (i, data[:120]))
            sys.exit(1)
print("fuzz_http: %d cases, %d malformed replies" % (i + 1, bad))
sys.exit(1 if bad else 0)
