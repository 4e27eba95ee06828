#!/usr/bin/env bash
# live_locust_habits.sh — Locust 2.12.1's flags as a Locust user types them
# (issue 16): --logfile, LOCUST_* variables, ./locust.conf and --config with
# Locust's precedence, --tags/--exclude-tags on tagged tasks, -l,
# --show-task-ratio, -V, and -f locustfile.py pointing at docs/porting.md.
source "$(dirname "$0")/lib.sh"
start_server
LG="$(cd "$(dirname "$LOADGEN")" && pwd)/$(basename "$LOADGEN")"
peak() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["users_peak"])' "$1"; }
cat >"$T/tagged.yaml" <<YEOF
name: TaggedUser
wait: constant(0.01)
tasks:
  - {path: /ok, weight: 3, tags: [fast]}
  - {path: "/delay?ms=1", weight: 1, tags: [slow]}
YEOF

# --logfile: log lines go to the file, the tables stay on stderr
"$LG" -u 2 -t 2s --logfile "$T/lg.log" "$URL/ok" 2>"$T/lf.err" || fail "--logfile run failed"
grep -q "/INFO/loadgen: Starting loadgen" "$T/lg.log" || fail "--logfile has no log lines"
! grep -q "/INFO/loadgen" "$T/lf.err" || fail "log lines still on stderr with --logfile"
grep -q "Aggregated" "$T/lf.err" || fail "the stats table left stderr"
ok "--logfile: $(wc -l <"$T/lg.log") log lines in the file, tables on stderr"

# LOCUST_USERS=5 (ignored before): the users of the run
LOCUST_USERS=5 LOCUST_RUN_TIME=2s LOCUST_WEB_PORT=8089 "$LG" --csv "$T/env" --only-summary \
    "$URL/ok" 2>"$T/env.err" || fail "LOCUST_USERS run failed: $(tail -2 "$T/env.err")"
[ "$(peak "$T/env_meta.json")" -eq 5 ] || fail "LOCUST_USERS=5 gave $(peak "$T/env_meta.json") users"
ok "LOCUST_USERS=5 LOCUST_RUN_TIME=2s: 5 users, LOCUST_WEB_PORT ignored"

# ./locust.conf, then --config FILE, then LOCUST_*, then the command line
mkdir "$T/conf"
cat >"$T/conf/locust.conf" <<CEOF
# as Locust's docs write it
locustfile = $T/tagged.yaml
host = $URL
users = 3
spawn-rate = 3
run-time = 2s
headless = true
only-summary = true
CEOF
(cd "$T/conf" && "$LG" --csv "$T/c1" 2>"$T/c1.err") || fail "locust.conf run failed: $(tail -2 "$T/c1.err")"
[ "$(peak "$T/c1_meta.json")" -eq 3 ] || fail "locust.conf users = 3 not used"
grep -q '"scenario": "TaggedUser"' "$T/c1_meta.json" || fail "locust.conf locustfile not used"
printf 'users = 4\n' >"$T/more.conf"
(cd "$T/conf" && "$LG" --config "$T/more.conf" --csv "$T/c2" 2>/dev/null) || fail "--config run failed"
[ "$(peak "$T/c2_meta.json")" -eq 4 ] || fail "--config did not override locust.conf"
(cd "$T/conf" && LOCUST_USERS=2 "$LG" --config "$T/more.conf" --csv "$T/c3" 2>/dev/null) || fail "env run failed"
[ "$(peak "$T/c3_meta.json")" -eq 2 ] || fail "LOCUST_USERS did not override the config files"
(cd "$T/conf" && LOCUST_USERS=2 "$LG" --config "$T/more.conf" -u 6 -r 6 --csv "$T/c4" 2>/dev/null) || fail "cli run failed"
[ "$(peak "$T/c4_meta.json")" -eq 6 ] || fail "-u did not override LOCUST_USERS"
printf 'users = 4\nbogus = 1\n' >"$T/bad.conf"
set +e
"$LG" --config "$T/bad.conf" "$URL/ok" 2>"$T/bad.err"
rc=$?
set -e
[ $rc -eq 2 ] && grep -q "bad.conf:2: unknown option 'bogus'" "$T/bad.err" || fail "bad config: exit $rc $(cat "$T/bad.err")"
ok "locust.conf < --config < LOCUST_* < command line; a bad key names file:line"

# --tags / --exclude-tags run only the matching tasks
"$LG" -f "$T/tagged.yaml" -H "$URL" -u 2 -r 2 -t 2s --tags fast --csv "$T/t1" --only-summary 2>/dev/null ||
    fail "--tags run failed"
grep -q '^GET,/ok,' "$T/t1_stats.csv" && ! grep -q '^GET,/delay' "$T/t1_stats.csv" || fail "--tags fast ran other tasks"
"$LG" -f "$T/tagged.yaml" -H "$URL" -u 2 -r 2 -t 2s -E fast --csv "$T/t2" --only-summary 2>/dev/null ||
    fail "--exclude-tags run failed"
grep -q '^GET,/delay?ms=1,' "$T/t2_stats.csv" && ! grep -q '^GET,/ok,' "$T/t2_stats.csv" || fail "-E fast ran /ok"
ok "--tags fast runs only /ok, --exclude-tags fast only /delay"

# -l, --show-task-ratio, -V: print and exit, no traffic
before=$(curl -s "$URL/__counts")
"$LG" -f "$T/tagged.yaml" -l >"$T/list.out" || fail "-l failed"
[ "$(cat "$T/list.out")" = "$(printf 'Available Users:\n    TaggedUser')" ] || fail "-l printed: $(cat "$T/list.out")"
"$LG" -f "$T/tagged.yaml" --show-task-ratio >"$T/ratio.out" || fail "--show-task-ratio failed"
grep -q '^   75.0       GET /ok ' "$T/ratio.out" && grep -q '^   25.0       GET /delay?ms=1 ' "$T/ratio.out" ||
    fail "--show-task-ratio printed: $(cat "$T/ratio.out")"
"$LG" -V | grep -q '^loadgen ' || fail "-V"
[ "$(curl -s "$URL/__counts")" = "$before" ] || fail "-l/--show-task-ratio sent requests"
ok "-l, --show-task-ratio (75.0/25.0), -V print and exit without traffic"

# -f locustfile.py: a pointer, not a YAML parse error
printf 'from locust import HttpUser\n' >"$T/locustfile.py"
set +e
"$LG" -f "$T/locustfile.py" -t 1s 2>"$T/py.err"
rc=$?
set -e
[ $rc -eq 2 ] && grep -q "loadgen reads YAML scenarios; see docs/porting.md" "$T/py.err" ||
    fail "-f locustfile.py: exit $rc $(cat "$T/py.err")"
ok "-f locustfile.py: exit 2, see docs/porting.md"
