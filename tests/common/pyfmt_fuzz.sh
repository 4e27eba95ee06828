#!/usr/bin/env bash
# pyfmt_fuzz.sh — pyfmt_repr vs Python's repr() on 300,000 random doubles (label fuzz).
# Three populations: random bit patterns (any exponent), response-time-like values
# (0.001 .. 1e6 ms with random fractions), and exact powers of two / their neighbours
# (where the shortest-digits search is most delicate). Seeded, so reproducible.
set -euo pipefail
BIN=${LB_BIN_DIR:?LB_BIN_DIR not set}
SEED=${SEED:-20261129}
/usr/bin/python3 - "$SEED" <<'PYEOF' | "$BIN/pyfmt_check"
import math, random, struct, sys
rnd = random.Random(int(sys.argv[1]))
out = []
def emit(x):
    if math.isfinite(x):
        out.append("%s %r" % (x.hex(), x))
for _ in range(100000):
    emit(struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0])
for _ in range(100000):
    emit(10 ** rnd.uniform(-3, 6) * (1 + rnd.random()))
for e in range(-1074, 1024):
    p = math.ldexp(1.0, e) if e >= -1022 else math.ldexp(1.0, e)
    for x in (p, math.nextafter(p, 0), math.nextafter(p, math.inf)):
        emit(x); emit(-x)
for _ in range(100000 - 6 * 2098):
    emit(rnd.randint(0, 10**6) / 100)
sys.stdout.write("\n".join(out) + "\n")
PYEOF
