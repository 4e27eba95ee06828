#!/usr/bin/env bash
# live_user_classes.sh — several user classes in one scenario (`users:`, as a
# locustfile with several User classes, issue 16): each class gets Locust's
# count (fixed_count first, then by weight), runs its own on_start, tasks and
# headers, and the request mix follows the users; -l and "All users spawned"
# name the classes. Then the same under a load shape (stages), and classes
# that all have a fixed_count (-u beyond their sum is lowered, with a word).
source "$(dirname "$0")/lib.sh"
start_server
# Each user's on_start request counts the users of its class exactly. Only
# Writer sends a token: its /api/v1 request succeeds, Reader's gets 401.
cat >"$T/classes.yaml" <<'YEOF'
name: shop
wait: constant(0.02)
users:
  - name: Reader
    weight: 3
    on_start: [{request: {path: /ok, name: "Reader [on_start]"}}]
    tasks:
      - {path: /ok, name: /read}
      - {path: /api/v1/stats, name: /reader-api, expect: [401]}
  - name: Writer
    weight: 1
    headers: {Authorization: "Bearer tok-writer"}
    on_start: [{request: {path: /ok, name: "Writer [on_start]"}}]
    tasks:
      - {path: /ok, name: /write}
      - {path: /api/v1/stats, name: /writer-api}
  - name: Admin
    fixed_count: 1
    on_start: [{request: {path: /ok, name: "Admin [on_start]"}}]
    tasks:
      - {path: /ok, name: /admin}
YEOF
"$LOADGEN" -f "$T/classes.yaml" -l >"$T/list.txt"
[ "$(cat "$T/list.txt")" = "$(printf 'Available Users:\n    Reader\n    Writer\n    Admin')" ] ||
    fail "-l: $(cat "$T/list.txt")"
# 9 users: Admin 1 (fixed_count), then 8 by weight 3:1 -> Reader 6, Writer 2
"$LOADGEN" -f "$T/classes.yaml" -H "$URL" -u 9 -r 9 -t 3s --threads 2 --csv "$T/c" \
    --only-summary 2>"$T/c.err" || fail "run: $(tail -3 "$T/c.err")"
grep -qF 'All users spawned: {"Admin": 1, "Reader": 6, "Writer": 2} (9 total users)' "$T/c.err" ||
    fail "spawn log: $(grep 'All users' "$T/c.err")"
check() {  # check STATS_CSV READERS WRITERS ADMINS [mix]: mix checks the request shares too
"$PY" - "$@" <<'PYEOF' || exit 1
import csv, sys
rows = {r["Name"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
n = lambda name, col="Request Count": int(rows[name][col]) if name in rows else 0
want = dict(zip(("Reader", "Writer", "Admin"), map(int, sys.argv[2:5])))
got = {c: n(c + " [on_start]") for c in want}
assert got == want, ("users per class (on_start requests)", got, want)
# each class's own headers: Writer's token authorises its API calls, Reader has none
assert n("/writer-api") > 5 and n("/writer-api", "Failure Count") == 0, "Writer's header missing"
assert n("/reader-api") > 5 and n("/reader-api", "Failure Count") == 0, "Reader sent a token?"
# the request mix follows the users (same wait for all): shares within 5 points
per = {"Reader": n("/read") + n("/reader-api"), "Writer": n("/write") + n("/writer-api"),
       "Admin": n("/admin")}
total, users = sum(per.values()), sum(want.values())
for c in want if len(sys.argv) > 5 else ():
    share, expect = per[c] / total * 100, want[c] / users * 100
    assert abs(share - expect) < 5, (c, round(share, 1), round(expect, 1), per)
print("ok: users per class %s, request shares %s" % (got, {c: round(per[c] / total * 100, 1) for c in per}))
PYEOF
}
check "$T/c_stats.csv" 6 2 1 mix

# a load shape: 3 users (Admin 1, Reader 2), then 9; each class grows to its count
sed 's/^wait:/stages: [{duration: 2s, users: 3}, {duration: 2s, users: 9}]\nwait:/' \
    "$T/classes.yaml" >"$T/shape.yaml"
"$LOADGEN" -f "$T/shape.yaml" -H "$URL" -t 4s --csv "$T/s" --only-summary 2>"$T/s.err" ||
    fail "shape run: $(tail -3 "$T/s.err")"
# (the mix is skewed by the 3-user stage: counts only)
check "$T/s_stats.csv" 6 2 1
grep -q "Shape test updating to 9 users" "$T/s.err" || fail "no second stage: $(tail -3 "$T/s.err")"

# only fixed_count classes: -u beyond their sum is lowered, with a warning
printf 'wait: constant(0.05)\nusers:\n  - {name: A, fixed_count: 2, tasks: [{path: /ok}]}\n  - {name: B, fixed_count: 1, tasks: [{path: /ok}]}\n' >"$T/fixed.yaml"
"$LOADGEN" -f "$T/fixed.yaml" -H "$URL" -u 5 -r 5 -t 1s --only-summary 2>"$T/fx.err" ||
    fail "fixed run: $(tail -3 "$T/fx.err")"
grep -q "every user class has a fixed_count: running 3 users, not 5" "$T/fx.err" ||
    fail "no warning: $(grep -i warn "$T/fx.err")"
grep -qF 'All users spawned: {"A": 2, "B": 1} (3 total users)' "$T/fx.err" ||
    fail "fixed spawn log: $(grep 'All users' "$T/fx.err")"
ok "only fixed_count classes: 3 users (A 2, B 1) for -u 5, with a warning"
