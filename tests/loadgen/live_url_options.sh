#!/usr/bin/env bash
# live_url_options.sh — URL mode's request options (wrk/curl habits, issue 16):
# -X/--method, --header 'Name: v' (repeatable; -H stays Locust's --host),
# --body and --body-file reach the server as given; bad values exit 2.
source "$(dirname "$0")/lib.sh"
start_server
echo_field() { curl -s "$URL/__echo" | "$PY" -c 'import json,sys; d=json.load(sys.stdin); exec("print("+sys.argv[1]+")")' "$1"; }

"$LOADGEN" -u 1 -t 1s -X put --header 'Content-Type: application/json' --header 'X-Run: {literal}' \
    --body '{"a": 1}' --only-summary "$URL/echo/x" 2>"$T/a.err" || fail "PUT run failed: $(tail -3 "$T/a.err")"
[ "$(echo_field 'd["method"]')" = PUT ] || fail "-X put sent $(echo_field 'd["method"]')"
[ "$(echo_field 'd["headers"].get("X-Run")')" = "{literal}" ] || fail "--header X-Run: $(echo_field 'd["headers"]')"
[ "$(echo_field 'd["headers"].get("Content-Type")')" = application/json ] || fail "--header Content-Type not sent"
[ "$(echo_field 'd["body"]')" = '{"a": 1}' ] || fail "--body sent $(echo_field 'd["body"]')"
grep -q '^PUT  *\/echo\/x ' "$T/a.err" || fail "stats name lacks the method PUT"
ok "-X put, two --header lines (braces literal), --body arrive as given"

printf 'line one\nline {two}\n' >"$T/body.txt"
"$LOADGEN" -u 1 -t 1s -X POST --body-file "$T/body.txt" --only-summary "$URL/echo/f" 2>/dev/null ||
    fail "--body-file run failed"
[ "$(echo_field 'repr(d["body"])')" = "'line one\\nline {two}\\n'" ] || fail "--body-file sent $(echo_field 'repr(d["body"])')"
ok "--body-file sends the file's bytes"

for bad in "-X G3T" "--header NoColon" "--body x --body-file $T/body.txt" "--body-file $T/none.txt"; do
    set +e
    # shellcheck disable=SC2086
    "$LOADGEN" -u 1 -t 1s $bad "$URL/echo" 2>"$T/bad.err"
    rc=$?
    set -e
    [ $rc -eq 2 ] || fail "'$bad' exit $rc (want 2): $(cat "$T/bad.err")"
done
set +e
"$LOADGEN" -u 1 -t 1s -X POST -H "$URL" 2>"$T/sc.err"
rc=$?
set -e
[ $rc -eq 2 ] && grep -q "are for URL mode" "$T/sc.err" || fail "-X with a scenario: exit $rc"
ok "bad method, header, both bodies, a missing body file, -X without URLs: exit 2"
