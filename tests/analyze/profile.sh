#!/usr/bin/env bash
# profile.sh — `analyze profile DIR` on small generated refserver profile folders:
# hand-computed CSV rows and Markdown cells, file selection, --top, streaming a
# larger file in bounded memory, bad input naming file:line, usage errors, --help.
source "$(dirname "$0")/lib.sh"
HDR=timestamp_us,method,route,status,total_us,parse_us,auth_us,cache_us,db_us,bcrypt_us,serialize_us,write_us
D=$TMP/prof; mkdir -p "$D"
# Worker 101: GET /api/v1/logs, totals 100..2000 us (p50 = 10th = 1 ms, p95 = 19th = 1.9 ms),
# db half of each total, constant parse 2, serialize 10, write 5.
{ echo "$HDR"
  for i in $(seq 1 20); do
    echo "$((1700000000000000 + i)),GET,/api/v1/logs,200,$((100 * i)),2,0,0,$((50 * i)),0,10,5"
  done; } >"$D/requests-101.csv"
# Worker 202: four logins of 50 ms (bcrypt 49 ms, db 0.5 ms, parse 20 us), two health checks.
{ echo "$HDR"
  for i in 1 2 3 4; do echo "$((1700000000100000 + i)),POST,/api/v1/auth/login,200,50000,20,0,0,500,49000,0,0"; done
  echo "1700000000200000,GET,/api/v1/health,200,300,0,0,0,100,0,0,0"
  echo "1700000000200001,GET,/api/v1/health,503,300,0,0,0,100,0,0,0"; } >"$D/requests-202.csv"
# Not profile files: ignored (one would be bad input if read).
echo garbage >"$D/requests-1.csv.bak"; echo garbage >"$D/notes.txt"

expect_rc 0 "$AZ" profile --format csv "$D"
# All server time 221600 us: login 200000 (90.25%), logs 21000 (9.48%), health 600 (0.27%).
# logs: parse 40 (0.19%), db 10500 (50%), serialize 200 (0.95%), write 100 (0.48%),
# other 21000-10840 = 10160 (48.38%).
cat >"$TMP/want.csv" <<'CSV'
method,route,requests,share_pct,total_ms,p50_ms,p95_ms,parse_p50_ms,parse_p95_ms,parse_pct,auth_p50_ms,auth_p95_ms,auth_pct,cache_p50_ms,cache_p95_ms,cache_pct,db_p50_ms,db_p95_ms,db_pct,bcrypt_p50_ms,bcrypt_p95_ms,bcrypt_pct,serialize_p50_ms,serialize_p95_ms,serialize_pct,write_p50_ms,write_p95_ms,write_pct,other_pct,top_phases
POST,/api/v1/auth/login,4,90.25,200,50,50,0.02,0.02,0.04,0,0,0,0,0,0,0.5,0.5,1,49,49,98,0,0,0,0,0,0,0.96,bcrypt;db;parse
GET,/api/v1/logs,20,9.48,21,1,1.9,0.002,0.002,0.19,0,0,0,0,0,0,0.5,0.95,50,0,0,0,0.01,0.01,0.95,0.005,0.005,0.48,48.38,db;serialize;write;parse
GET,/api/v1/health,2,0.27,0.6,0.3,0.3,0,0,0,0,0,0,0,0,0,0.1,0.1,33.33,0,0,0,0,0,0,0,0,0,66.67,db
CSV
diff -u "$TMP/want.csv" "$TMP/out" || fail "csv output differs"; ok

expect_rc 0 "$AZ" profile "$D"
expect_out '**26 requests** in 2 files, 3 endpoints, 0.22 s of server time'
expect_out '| `POST /api/v1/auth/login` | 4 | 90.3% | 50 | 50 | bcrypt 98%, db 1%, parse <0.1% |'
expect_out '| `GET /api/v1/logs` | 20 | 9.5% | 1 | 1.9 | db 50%, serialize 1%, write 0.5% |'
expect_out '| `GET /api/v1/logs` | 0.002 / 0.002 (0.2%) | — | — | 0.5 / 0.95 (50%) | — | 0.01 / 0.01 (1%) | 0.005 / 0.005 (0.5%) | 48.4% |'
expect_rc 0 "$AZ" profile --top 1 "$D/"
expect_out '2 more endpoints not shown (9.7% of server time; --top 0 lists all)'
grep -q 'api/v1/health' "$TMP/out" && fail "--top 1 still shows health"; ok

# At a terminal, progress goes to stderr (file i of n, then the total); never to stdout.
if command -v script >/dev/null; then
  script -qec "$AZ profile --format csv $D >$TMP/tty_out" "$TMP/tty_log" >/dev/null
  grep -qF "reading 2/2 $D/requests-202.csv" "$TMP/tty_log" || fail "no progress at a terminal"; ok
  grep -qF "read 2 files, 26 requests" "$TMP/tty_log" || fail "no final progress line"; ok
  cmp -s "$TMP/tty_out" "$TMP/want.csv" || fail "progress leaked into stdout"; ok
else
  echo "note: no script(1), terminal progress not checked"
fi
grep -q 'reading' "$TMP/err" && fail "progress printed without a terminal"; ok

# Streaming: 200k rows over 3 endpoints use about the memory of 20k rows.
big() {
  awk -v n="$1" -v h="$HDR" 'BEGIN { print h
    for (i = 0; i < n; i++) printf "%d,GET,/r%d,200,%d,1,2,3,%d,0,5,6\n", 1700000000000000 + i, i % 3, 100 + i % 5000, i % 4000 }'
}
mkdir -p "$TMP/small" "$TMP/large"
big 20000 >"$TMP/small/requests-1.csv"; big 200000 >"$TMP/large/requests-1.csv"
/usr/bin/time -f %M -o "$TMP/rss_small" "$AZ" profile --format csv "$TMP/small" >/dev/null
/usr/bin/time -f %M -o "$TMP/rss_large" "$AZ" profile --format csv "$TMP/large" >"$TMP/out"
grep -q '^GET,/r0,66667,' "$TMP/out" || fail "large run: wrong count for /r0"; ok
small_kb=$(tail -1 "$TMP/rss_small"); large_kb=$(tail -1 "$TMP/rss_large")
echo "max RSS: 20k rows ${small_kb} KiB, 200k rows ${large_kb} KiB"
# Keeping rows would cost >= 180k * 12 fields more; allow 4 MiB of allocator noise.
[ "$large_kb" -lt $((small_kb + 4096)) ] || fail "memory grows with rows: $small_kb -> $large_kb KiB"; ok

# Against an independent rollup: Python's exact order statistics (rank ceil(q*n), the rule
# hdr.h documents) on 6000 pseudo-random records over 3 files. analyze may read high by the
# histogram's < 0.1% plus the 3-decimal rounding; counts and shares must match.
R=$TMP/rand; mkdir -p "$R"
for w in 1 2 3; do
  awk -v h="$HDR" -v w="$w" 'BEGIN { srand(w); print h
    for (i = 0; i < 2000; i++) {
      e = int(rand() * 5); db = int(rand() * rand() * 60000); bc = e == 4 ? int(30000 + rand() * 20000) : 0
      pa = int(rand() * 50); ca = rand() < 0.3 ? int(rand() * 300) : 0
      printf "%d,%s,/e%d,200,%d,%d,0,%d,%d,%d,%d,%d\n", i, e == 4 ? "POST" : "GET", e,
        pa + ca + db + bc + int(rand() * 3000), pa, ca, db, bc, int(rand() * 900), int(rand() * 40) }
  }' >"$R/requests-$w.csv"
done
expect_rc 0 "$AZ" profile --format csv "$R"
/usr/bin/python3 - "$TMP/out" "$R"/requests-*.csv <<'PY' || fail "analyze disagrees with the exact rollup"
import csv, math, sys
got = {(r["method"], r["route"]): r for r in csv.DictReader(open(sys.argv[1]))}
cols = ["total", "parse", "auth", "cache", "db", "bcrypt", "serialize", "write"]
eps = {}
for p in sys.argv[2:]:
    for r in csv.DictReader(open(p)):
        eps.setdefault((r["method"], r["route"]), []).append([int(r[c + "_us"]) for c in cols])
grand = sum(row[0] for rows in eps.values() for row in rows)
assert set(got) == set(eps), (sorted(got), sorted(eps))
bad = 0
def near(a, e, what):
    global bad
    if not (e - 1e-9 <= a <= e * (1 + 1 / 1024) + 0.0005 + 1e-9):
        print("mismatch", what, "analyze", a, "exact", e); bad += 1
for key, rows in eps.items():
    g, n = got[key], len(rows)
    if int(g["requests"]) != n: print("count", key); bad += 1
    tot = sum(r[0] for r in rows)
    if abs(float(g["share_pct"]) - 100 * tot / grand) > 0.005: print("share", key); bad += 1
    for i, c in enumerate(cols):
        s = sorted(r[i] for r in rows)
        for q, name in ((0.5, "p50_ms"), (0.95, "p95_ms")):
            exact = s[max(1, math.ceil(q * n)) - 1] / 1000
            near(float(g[name if c == "total" else c + "_" + name]), exact, (key, c, name))
        if c != "total" and abs(float(g[c + "_pct"]) - (100 * sum(s) / tot if tot else 0)) > 0.005:
            print("phase share", key, c); bad += 1
order = [k for k, _ in sorted(eps.items(), key=lambda kv: (-sum(r[0] for r in kv[1]), kv[0][1], kv[0][0]))]
if order != list(got): print("order", order, list(got)); bad += 1
sys.exit(1 if bad else 0)
PY
ok

# Bad input: exit 2, message names file:line (and column for a cell).
B=$TMP/bad
bad() {  # bad NAME CONTENT WANT
  rm -rf "$B"; mkdir -p "$B"
  printf '%s\n' "$HDR" '1,GET,/a,200,5,0,0,0,0,0,0,0' >"$B/requests-1.csv"
  printf '%b' "$2" >"$B/$1"
  expect_rc 2 "$AZ" profile "$B"; expect_err "$3"
}
bad requests-2.csv "$HDR\n1,GET,/a,200,5,0,0\n" "$B/requests-2.csv:2: ragged row: 7 fields, the header has 12"
bad requests-2.csv "$HDR\n1,GET,/a,200,5,0,0,0,0,0,0,0\n1,GET,/a,200,5,0,0,0,x7,0,0,0\n" "$B/requests-2.csv:3:9: db_us 'x7' is not a whole number"
bad requests-2.csv "$HDR\n1,GET,/a,200,-5,0,0,0,0,0,0,0\n" "$B/requests-2.csv:2:5: total_us '-5' is negative"
bad requests-2.csv "ts,method,route\n1,GET,/a\n" "$B/requests-2.csv:1: unknown header (want exactly $HDR)"
bad requests-2.csv "" "$B/requests-2.csv:1: empty file"
bad requests-2.csv "$HDR\n1,GET,/a,700,5,0,0,0,0,0,0,0\n" "$B/requests-2.csv:2:4: status '700'"
# The first file is read before the second: its error comes first.
bad requests-0.csv "$HDR\n1,GET,/a,200,5,0,0,0,0,0,zz,0\n" "$B/requests-0.csv:2:11: serialize_us 'zz'"
rm -rf "$B"; mkdir -p "$B"
expect_rc 2 "$AZ" profile "$B";            expect_err "$B: no requests-*.csv files"
expect_rc 2 "$AZ" profile "$TMP/missing";  expect_err "$TMP/missing: No such file or directory"

# Usage errors name the option.
expect_rc 2 "$AZ" profile;                         expect_err 'needs exactly one DIR (got 0)'
expect_rc 2 "$AZ" profile "$D" "$D";               expect_err 'needs exactly one DIR (got 2)'
expect_rc 2 "$AZ" profile --format tsv "$D";       expect_err "option --format: 'tsv' is not md or csv"
expect_rc 2 "$AZ" profile --top x "$D";            expect_err "option --top: 'x'"
expect_rc 2 "$AZ" profile --bogus "$D";            expect_err 'see analyze profile --help'

# --help documents every option with its default; the top-level help lists profile.
expect_rc 0 "$AZ" profile --help
for o in '--format md|csv' 'md (default)' '--top N' '(default: 20; 0 = all)' 'requests-*.csv' "$HDR" 'Exit status'; do
  expect_out "$o"
done
grep -qF 'timestamp_us,method,route,status,total_us,parse_us,' "$TMP/out" || fail "help lacks the record format"; ok
expect_rc 0 "$AZ" --help; expect_out 'profile   roll up'
done_checks
