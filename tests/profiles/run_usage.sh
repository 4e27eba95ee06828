#!/usr/bin/env bash
# run_usage.sh — profiles/run without servers: --help, --list (every definition, the
# quick sizes), bad options and names (exit 2 with the option or name), and a bad
# definition named by file and line. Default set: it starts nothing.
set -euo pipefail
SRC=${LB_SOURCE_DIR:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/lb-profiles-usage.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
checks=0
ok() { checks=$((checks + 1)); }
run() { rc=0; bash "$SRC/profiles/run" "$@" >"$T/out" 2>"$T/err" || rc=$?; }

run --help
[ $rc = 0 ] && grep -q -- '--quick' "$T/out" && grep -q -- '--duration S' "$T/out" || fail "--help"; ok
run --list
[ $rc = 0 ] || fail "--list exit $rc"; ok
n=$(ls "$SRC"/profiles/defs/*.def | wc -l)
[ "$(grep -c 'users @' "$T/out")" = "$n" ] || fail "--list does not show all $n definitions"; ok
for name in 3106d03 2dd86fb 255c2e5 e967aaa fb69a06 1500_fb69a06 1500_notracing_fb69a06 \
            1500_notracing_12_workers_fb69a06 1500_notracing_single_core_fb69a06; do
    grep -q "^$name " "$T/out" || fail "--list lacks $name"; ok
done
grep -A1 '^3106d03 ' "$T/out" | grep -q -- '--caches none --no-auth-user-cache --no-login-user-cache --leak-on-disconnect' ||
    fail "3106d03 switches"; ok
grep -A1 '^1500_notracing_single_core_fb69a06 ' "$T/out" | grep -- '--workers 1 ' | grep -q -- '--cpu-pin 0' ||
    fail "single-core switches"; ok
grep -A1 '^1500_notracing_12_workers_fb69a06 ' "$T/out" | grep -q -- '--workers 12 ' || fail "12 workers"; ok
grep -A1 '^fb69a06 ' "$T/out" | grep -q -- '--leak-on-disconnect' && fail "fb69a06 must not leak"; ok
# db = mariadb: one extra line under that definition only, none under the others
ndb=$(grep -l '^db *= *mariadb' "$SRC"/profiles/defs/*.def | wc -l)
[ "$(grep -c '^    db mariadb ' "$T/out")" = "$ndb" ] || fail "db lines: $(grep -c '^    db mariadb ' "$T/out") for $ndb definitions"; ok
grep -A2 '^1500_notracing_mariadb_fb69a06 ' "$T/out" | grep -q '^    db mariadb ' || fail "mariadb def has no db line"; ok
grep -A2 '^1500_notracing_fb69a06 ' "$T/out" | grep -q 'db mariadb' && fail "SQLite def lists a db line"; ok
run --quick --list fb69a06
grep -q '^fb69a06 .* 10 users @10/s for 8 s' "$T/out" || fail "quick sizes: $(cat "$T/out")"; ok
run --duration 30 --list 1500_fb69a06
grep -q '300 users @15/s for 30 s' "$T/out" || fail "--duration"; ok
run --users 40 --spawn-rate 8 --list 1500_fb69a06 fb69a06
[ "$(grep -c '40 users @8/s for 60 s' "$T/out")" = 2 ] || fail "--users/--spawn-rate: $(cat "$T/out")"; ok
run --users 0 --list
[ $rc = 2 ] && grep -q -- "--users: '0'" "$T/err" || fail "bad users"; ok
run --spawn-rate 0 --list
[ $rc = 2 ] && grep -q -- "--spawn-rate: '0'" "$T/err" || fail "bad spawn rate"; ok
run --bogus
[ $rc = 2 ] && grep -q "unknown option '--bogus'" "$T/err" || fail "bad option"; ok
run --duration 0 --list
[ $rc = 2 ] && grep -q -- "--duration: '0'" "$T/err" || fail "bad duration"; ok
run --list nosuch
[ $rc = 2 ] && grep -q "unknown profile 'nosuch'" "$T/err" || fail "bad name"; ok
# A bad definition is named by file and line (a copy of the runner with its own defs).
mkdir -p "$T/repo/profiles/defs"
cp "$SRC/profiles/run" "$T/repo/profiles/run"
printf 'name = x\ncolour = red\n' >"$T/repo/profiles/defs/01_x.def"
rc=0; bash "$T/repo/profiles/run" --list >"$T/out" 2>"$T/err" || rc=$?
[ $rc = 2 ] && grep -q "01_x.def:2: unknown key colour" "$T/err" || fail "bad key: $(cat "$T/err")"; ok
printf 'name = x\n' >"$T/repo/profiles/defs/01_x.def"
rc=0; bash "$T/repo/profiles/run" --list >"$T/out" 2>"$T/err" || rc=$?
[ $rc = 2 ] && grep -q "01_x.def: missing key 'commit'" "$T/err" || fail "missing key: $(cat "$T/err")"; ok
printf 'name = x\ncommit = c\ndb = postgres\n' >"$T/repo/profiles/defs/01_x.def"
rc=0; bash "$T/repo/profiles/run" --list >"$T/out" 2>"$T/err" || rc=$?
[ $rc = 2 ] && grep -q "01_x.def:3: db must be sqlite or mariadb, not 'postgres'" "$T/err" || fail "bad db: $(cat "$T/err")"; ok
echo "run_usage.sh: $checks checks passed"
