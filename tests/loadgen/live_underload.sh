#!/usr/bin/env bash
# live_underload.sh — issue 16's "silent under-load and misleading output":
# URL mode and --rate start every user at once unless -r is given; a --rate
# that is not reached is warned about and recorded in _meta.json; history rows
# advance every second and spawn progress never repeats a line; saturation
# says "busy" or "not scheduled"; the final summary has exact percentiles;
# -u 0 is refused; -L DEBUG prints more; "All users spawned" names the
# scenario. Each check failed before the change that made it pass.
source "$(dirname "$0")/lib.sh"
start_server
meta() { "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); exec("print("+sys.argv[2]+")")' "$@"; }

# 1. URL mode: all 30 users at once (before: 1 user/s, 3 users after 2 s).
"$LOADGEN" -u 30 -t 2s --csv "$T/url" --only-summary "$URL/delay?ms=20" 2>"$T/url.err" ||
    fail "URL-mode run failed: $(tail -3 "$T/url.err")"
peak=$(meta "$T/url_meta.json" 'd["users_peak"]')
[ "$peak" -eq 30 ] || fail "URL mode -u 30 -t 2s reached $peak users (want all 30 at once)"
grep -q "starting all 30 users at once" "$T/url.err" || fail "URL mode does not say it starts all users"
# ... and -r still ramps when given
"$LOADGEN" -u 30 -r 5 -t 2s --csv "$T/ramp" --only-summary "$URL/ok" 2>/dev/null || fail "ramp run failed"
peak=$(meta "$T/ramp_meta.json" 'd["users_peak"]')
[ "$peak" -lt 30 ] || fail "-r 5 did not ramp ($peak users after 2 s)"
ok "URL mode starts all users at once (30), -r 5 still ramps ($peak after 2 s)"

# 2. --rate spawns at once too, and a reachable rate gives no warning.
"$LOADGEN" -u 20 --rate 100 -t 4s --csv "$T/rate" --only-summary "$URL/ok" 2>"$T/rate.err" ||
    fail "--rate run failed"
[ "$(meta "$T/rate_meta.json" 'd["users_peak"]')" -eq 20 ] || fail "--rate did not start all users"
under=$(meta "$T/rate_meta.json" 'd["rate_check"]["under_rate_seconds"]')
checked=$(meta "$T/rate_meta.json" 'd["rate_check"]["checked_seconds"]')
[ "$checked" -ge 1 ] || fail "--rate 100 run checked no second"
[ "$under" -eq 0 ] || fail "--rate 100 with 20 users flagged $under s under rate: $(grep UNDER "$T/rate.err")"
ok "--rate 100 -u 20: all users at once, $checked s checked, none under rate"

# 3. An unreachable rate is warned about and recorded (2 users x 20 ms = 100/s at best).
"$LOADGEN" -u 2 --rate 1000 -t 4s --csv "$T/under" --only-summary "$URL/delay?ms=20" 2>"$T/under.err" ||
    fail "under-rate run failed"
grep -q "UNDER RATE: --rate 1000 asked" "$T/under.err" || fail "no under-rate warning"
under=$(meta "$T/under_meta.json" 'd["rate_check"]["under_rate_seconds"]')
ach=$(meta "$T/under_meta.json" 'int(d["rate_check"]["achieved_per_s"])')
[ "$under" -ge 1 ] && [ "$ach" -lt 500 ] || fail "_meta.json rate_check: under $under s, achieved $ach/s"
ok "--rate 1000 -u 2: warned, _meta.json has $under s under rate, $ach req/s achieved"

# 4. History: every Aggregated row after the first request advances (count up,
# timestamp up); spawn progress prints each count once.
printf 'name: fixed\nwait: between(0.01, 0.03)\ntasks:\n  - {path: /ok}\n' >"$T/fixed.yaml"
"$LOADGEN" -u 40 -r 10 -t 6s --threads 2 -f "$T/fixed.yaml" -H "$URL" --csv "$T/h" \
    --only-summary 2>"$T/h.err" || fail "history run failed: $(tail -3 "$T/h.err")"
"$PY" - "$T/h_stats_history.csv" <<'PYEOF' || exit 1
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if r["Name"] == "Aggregated"]
rows = [r for r in rows if int(r["Total Request Count"]) > 0]
assert len(rows) >= 4, len(rows)
for a, b in zip(rows, rows[1:]):
    assert int(b["Timestamp"]) > int(a["Timestamp"]), (a["Timestamp"], b["Timestamp"])
    assert int(b["Total Request Count"]) > int(a["Total Request Count"]), \
        "history repeats: %s at t=%s and t=%s" % (a["Total Request Count"], a["Timestamp"], b["Timestamp"])
print("ok: %d history rows, each with more requests than the last" % len(rows))
PYEOF
dups=$(grep -o 'Spawning: [0-9]*/40' "$T/h.err" | sort | uniq -d)
[ -z "$dups" ] || fail "spawn progress repeats: $dups"
grep -q 'All users spawned: {"fixed": 40}' "$T/h.err" ||
    fail "'All users spawned' does not name the scenario: $(grep 'All users' "$T/h.err")"
ok "spawn progress without repeats; All users spawned names the scenario"

# 5. Saturation: a stopped loadgen is "not scheduled", a busy one "busy".
"$LOADGEN" -u 2 -t 4s --csv "$T/stop" --only-summary "$URL/delay?ms=10" 2>"$T/stop.err" &
LGPID=$!
PIDS+=($LGPID)
sleep 1.5
kill -STOP $LGPID
sleep 0.8
kill -CONT $LGPID
wait $LGPID || fail "stopped run failed"
grep -q "SATURATED (not scheduled)" "$T/stop.err" || fail "a stopped loadgen is not reported as not scheduled: $(grep SATUR "$T/stop.err")"
! grep -q "SATURATED (busy)" "$T/stop.err" || fail "a stopped loadgen is reported busy"
[ "$(meta "$T/stop_meta.json" 'd["client"]["not_scheduled_seconds"]')" -ge 1 ] || fail "meta lacks not_scheduled_seconds"
"$LOADGEN" -u 2 -t 2s --saturation-cpu 0.01 --csv "$T/busy" --only-summary "$URL/ok" 2>"$T/busy.err" ||
    fail "busy run failed"
grep -q "SATURATED (busy)" "$T/busy.err" || fail "no busy report"
[ "$(meta "$T/busy_meta.json" 'd["client"]["busy_seconds"]')" -ge 1 ] || fail "meta lacks busy_seconds"
ok "saturation: a stopped loadgen is 'not scheduled', a busy one 'busy'"

# 6. Exact percentiles in the final summary: /ok answers in well under a
# millisecond here... or not; either way its exact median has 3 decimals.
grep -q "Response time percentiles (exact, ms" "$T/busy.err" || fail "no exact percentile table"
grep -Eq '^GET +/ok +[0-9]+\.[0-9]{3} ' "$T/busy.err" || fail "no exact /ok row: $(grep -A4 'exact, ms' "$T/busy.err")"
ok "final summary has exact HDR percentiles: $(grep -E '^GET +/ok +[0-9]+\.' "$T/busy.err" | head -1 | tr -s ' ')"

# 7. -u 0 is refused; -L DEBUG prints more than INFO.
set +e
"$LOADGEN" -u 0 -t 1s "$URL/ok" 2>"$T/u0.err"
rc=$?
set -e
[ $rc -eq 2 ] && grep -q "option -u" "$T/u0.err" || fail "-u 0: exit $rc ($(cat "$T/u0.err"))"
"$LOADGEN" -u 1 -t 1s -L DEBUG --only-summary "$URL/ok" 2>"$T/dbg.err" || fail "-L DEBUG run failed"
"$LOADGEN" -u 1 -t 1s --only-summary "$URL/ok" 2>"$T/info.err" || fail "-L INFO run failed"
nd=$(grep -c '/DEBUG/loadgen' "$T/dbg.err" || true)
ni=$(grep -c '/DEBUG/loadgen' "$T/info.err" || true)
[ "$nd" -ge 3 ] && [ "$ni" -eq 0 ] || fail "-L DEBUG printed $nd debug lines, INFO $ni"
ok "-u 0 exits 2; -L DEBUG prints $nd more lines"
