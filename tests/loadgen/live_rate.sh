#!/usr/bin/env bash
# live_rate.sh — --rate R keeps a constant arrival rate, and latency counts
# from each request's intended start: when the server cannot keep up, the
# reported latency grows with the backlog (coordinated omission corrected)
# instead of staying at the server's delay.
source "$(dirname "$0")/lib.sh"
start_server
"$LOADGEN" -u 10 -r 100 --rate 200 -t 4s --stop-timeout 2 --csv "$T/r" --only-summary \
    "$URL/delay?ms=2" 2>"$T/r.err" || fail "rate run failed: $(tail -3 "$T/r.err")"
n=$(csv_field "$T/r_stats.csv" Aggregated "Request Count")
[ "$n" -ge 680 ] && [ "$n" -le 860 ] || fail "--rate 200 for 4 s gave $n requests (want ~800)"
ok "--rate 200 for 4 s: $n requests"

# 2 users can do at most 2/0.2 = 10 req/s; 50 req/s are intended.
"$LOADGEN" -u 2 -r 10 --rate 50 -t 3s --stop-timeout 1 --csv "$T/co" --only-summary \
    "$URL/delay?ms=200" 2>/dev/null || fail "overloaded rate run failed"
med=$(csv_field "$T/co_hdr.csv" "/delay?ms=200" "50%")
[ "$med" -gt 500000 ] || fail "median $med us: coordinated omission not corrected (server delay 200 ms)"
ok "overloaded --rate: median $((med / 1000)) ms from intended start (server delay 200 ms)"
