#!/usr/bin/env bash
# live_endpoints.sh — every route of decnet-api.md §2 against a real refserver:
# without a token, with bad tokens, before and after the password change,
# parameter validation (422/400) and response shapes.
cd "$(dirname "$0")" && source ./lib.sh
# one worker: the auth-user cache is per process (as in the seed), so after the
# password change another worker would answer 403 for up to 10 s
rs_start --dataset decnet-2026-04 --workers 1

# jpy JSON EXPR — evaluate a Python expression over the parsed body `d`
jpy() { $PY -c 'import sys,json; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"; }

GETS="stats logs logs/histogram attackers deckies bounty health config"

# --- no token: 401 with the seed's body and WWW-Authenticate
for r in $GETS stream; do
    check "no token $r" 401 "$(status "$RS_URL/api/v1/$r")"
done
hdrs=$(curl -s -D - -o /dev/null "$RS_URL/api/v1/stats" | tr -d '\r')
check "401 carries WWW-Authenticate" 1 "$(echo "$hdrs" | grep -c '^WWW-Authenticate: Bearer$')"
check "401 body" '{"detail":"Could not validate credentials"}' "$(curl -s "$RS_URL/api/v1/logs")"
check "ingest without token" 401 "$(status -X POST -d '{}' "$RS_URL/api/v1/logs")"
check "healthz is public" '{"status":"ok"}' "$(curl -s "$RS_URL/healthz")"

# --- bad tokens: garbage, alg none, wrong signature, expired
b64() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
uuid=$(sqlite3 "$RS_DIR/rs.db" "select uuid from users limit 1")
now=$(date +%s)
none_tok="$(b64 '{"alg":"none","typ":"JWT"}').$(b64 "{\"uuid\":\"$uuid\",\"exp\":$((now+3600)),\"iat\":$now}")."
sign() { # sign HEADER.PAYLOAD with a secret (HS256)
    local hp="$1" sec="$2"
    $PY -c 'import base64, hashlib, hmac, sys
hp, sec = sys.argv[1].encode(), sys.argv[2].encode()
sig = base64.urlsafe_b64encode(hmac.new(sec, hp, hashlib.sha256).digest()).rstrip(b"=")
print((hp + b"." + sig).decode())' "$hp" "$sec"
}
hdr=$(b64 '{"alg":"HS256","typ":"JWT"}')
wrong_sig=$(sign "$hdr.$(b64 "{\"uuid\":\"$uuid\",\"exp\":$((now+3600)),\"iat\":$now}")" "not-the-secret")
expired=$(sign "$hdr.$(b64 "{\"uuid\":\"$uuid\",\"exp\":$((now-10)),\"iat\":$((now-100))}")" "$REFSERVER_JWT_SECRET")
no_uuid=$(sign "$hdr.$(b64 "{\"exp\":$((now+3600)),\"iat\":$now}")" "$REFSERVER_JWT_SECRET")
good_forged=$(sign "$hdr.$(b64 "{\"uuid\":\"$uuid\",\"exp\":$((now+3600)),\"iat\":$now}")" "$REFSERVER_JWT_SECRET")
for t in garbage "$none_tok" "$wrong_sig" "$expired" "$no_uuid"; do
    check "bad token ${t:0:12}" 401 "$(status -H "Authorization: Bearer $t" "$RS_URL/api/v1/stats")"
done
check "Basic scheme rejected" 401 "$(status -H "Authorization: Basic YWRtaW46YWRtaW4=" "$RS_URL/api/v1/stats")"
unknown=$(sign "$hdr.$(b64 "{\"uuid\":\"no-such-user\",\"exp\":$((now+3600)),\"iat\":$now}")" "$REFSERVER_JWT_SECRET")
check "unknown user 401" 401 "$(status -H "Authorization: Bearer $unknown" "$RS_URL/api/v1/stats")"
check "unknown user on stream 403" 403 "$(status "$RS_URL/api/v1/stream?token=$unknown&maxOutput=1")"

# --- login
check "login wrong password" 401 "$(status -X POST -d '{"username":"admin","password":"nope"}' "$RS_URL/api/v1/auth/login")"
check "login unknown user" '{"detail":"Incorrect username or password"}' \
    "$(curl -s -X POST -d '{"username":"ghost","password":"x"}' "$RS_URL/api/v1/auth/login")"
check "login missing field 400" 400 "$(status -X POST -d '{"username":"admin"}' "$RS_URL/api/v1/auth/login")"
check "login wrong type 400" 400 "$(status -X POST -d '{"username":"admin","password":5}' "$RS_URL/api/v1/auth/login")"
check "login bad json 422" 422 "$(status -X POST -d '{"username":' "$RS_URL/api/v1/auth/login")"
long=$(printf 'x%.0s' $(seq 73))
check "login password > 72 chars 422" string_too_long \
    "$(jpy "$(curl -s -X POST -d "{\"username\":\"admin\",\"password\":\"$long\"}" "$RS_URL/api/v1/auth/login")" 'd["detail"][0]["type"]')"
login=$(curl -s -X POST -d '{"username":"admin","password":"admin"}' "$RS_URL/api/v1/auth/login")
check "login keys" "['access_token', 'token_type', 'must_change_password']" "$(jpy "$login" 'list(d)')"
check "login must_change pending" True "$(jpy "$login" 'd["must_change_password"]')"
tok=$(jpy "$login" 'd["access_token"]')
claims=$(echo "$tok" | cut -d. -f2 | tr '_-' '/+'); while [ $(( ${#claims} % 4 )) -ne 0 ]; do claims="$claims="; done
check "jwt claims" "['exp', 'iat', 'uuid']" "$(jpy "$(echo "$claims" | base64 -d)" 'sorted(d)')"
AUTH="Authorization: Bearer $tok"
# a token we sign ourselves with the server's secret is accepted (proves HS256 + shared secret)
check "self-signed HS256 accepted by auth" 403 "$(status -H "Authorization: Bearer $good_forged" "$RS_URL/api/v1/stats")"

# --- must_change pending: viewer routes 403, change-password and stream allowed
check "pending 403 body" '{"detail":"Password change required before accessing this resource"}' \
    "$(curl -s -H "$AUTH" "$RS_URL/api/v1/stats")"
for r in $GETS; do
    check "pending $r" 403 "$(status -H "$AUTH" "$RS_URL/api/v1/$r")"
done
check "pending stream allowed" 200 "$(status --max-time 5 -H "$AUTH" "$RS_URL/api/v1/stream?maxOutput=1")"
check "change-password wrong old" '{"detail":"Incorrect old password"}' \
    "$(curl -s -X POST -H "$AUTH" -d '{"old_password":"x","new_password":"admin"}' "$RS_URL/api/v1/auth/change-password")"
check "change-password" '{"message":"Password updated successfully"}' \
    "$(curl -s -X POST -H "$AUTH" -d '{"old_password":"admin","new_password":"admin"}' "$RS_URL/api/v1/auth/change-password")"
check "must_change cleared in DB" 0 "$(sqlite3 "$RS_DIR/rs.db" 'select must_change_password from users')"
tok=$(rs_token)
AUTH="Authorization: Bearer $tok"

# --- every GET with a token
for r in $GETS; do
    check "token $r" 200 "$(status -H "$AUTH" "$RS_URL/api/v1/$r")"
done
check "stats" '{"total_logs":78,"unique_attackers":5,"active_deckies":0,"deployed_deckies":0}' \
    "$(curl -s -H "$AUTH" "$RS_URL/api/v1/stats")"
logs=$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?limit=50")
check "logs envelope" "['total', 'limit', 'offset', 'data']" "$(jpy "$logs" 'list(d)')"
check "logs page" "78 50 50" "$(jpy "$logs" '"%d %d %d" % (d["total"], d["limit"], len(d["data"]))')"
check "log keys" "['id', 'timestamp', 'decky', 'service', 'event_type', 'attacker_ip', 'raw_line', 'fields', 'msg', 'trace_id', 'span_id']" \
    "$(jpy "$logs" 'list(d["data"][0])')"
check "log fields is a JSON string" "True" "$(jpy "$logs" 'isinstance(json.loads(d["data"][0]["fields"]), dict)')"
check "logs newest first" True "$(jpy "$logs" 'all(a["timestamp"] >= b["timestamp"] for a, b in zip(d["data"], d["data"][1:]))')"
check "ISO timestamp" True "$(jpy "$logs" '"T" in d["data"][0]["timestamp"] and len(d["data"][0]["timestamp"]) == 19')"
check "offset past end" 0 "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?limit=100&offset=78")" 'len(d["data"])')"
check "offset 77" 1 "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?limit=100&offset=77")" 'len(d["data"])')"
ssh=$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=ssh&limit=100")
check "search ssh" "4 4" "$(jpy "$ssh" '"%d %d" % (d["total"], len(d["data"]))')"
check "search key:val" 4 "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=service:ssh")" 'd["total"]')"
check "search json field" True "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=username:root")" 'd["total"] >= 4')"
check "search empty = absent" 78 "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=")" 'd["total"]')"
check "search null = absent" 78 "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs?search=null")" 'd["total"]')"
hist=$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs/histogram")
check "histogram buckets" "3 78" "$(jpy "$hist" '"%d %d" % (len(d), sum(b["count"] for b in d))')"
check "histogram keys" "['time', 'count']" "$(jpy "$hist" 'list(d[0])')"
check "histogram 60 min" 1 "$(jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/logs/histogram?interval_minutes=60")" 'len(d)')"
check "attackers empty" '{"total":0,"limit":50,"offset":0,"data":[]}' "$(curl -s -H "$AUTH" "$RS_URL/api/v1/attackers")"
check "attackers search+sort" 200 "$(status -H "$AUTH" "$RS_URL/api/v1/attackers?search=brute&sort_by=recent")"
check "bounty empty" '{"total":0,"limit":50,"offset":0,"data":[]}' "$(curl -s -H "$AUTH" "$RS_URL/api/v1/bounty")"
check "deckies empty" '[]' "$(curl -s -H "$AUTH" "$RS_URL/api/v1/deckies")"
cfg=$(curl -s -H "$AUTH" "$RS_URL/api/v1/config")
check "config keys" "['role', 'deployment_limit', 'global_mutation_interval', 'users', 'developer_mode']" "$(jpy "$cfg" 'list(d)')"
check "config 214 B as in the profiles" 214 "$(printf '%s' "$cfg" | wc -c)"
health=$(curl -s -H "$AUTH" "$RS_URL/api/v1/health")
check "health" "healthy ['database', 'writer', 'workers']" "$(jpy "$health" 'd["status"] + " " + str(list(d["components"]))')"
check "attacker detail 404" 404 "$(status -H "$AUTH" "$RS_URL/api/v1/attackers/nope")"
check "attacker commands 404" 404 "$(status -H "$AUTH" "$RS_URL/api/v1/attackers/nope/commands")"

# --- validation (developer mode: FastAPI's detailed 422)
v422() { jpy "$(curl -s -H "$AUTH" "$RS_URL/api/v1/$1")" 'd["detail"][0]["type"] + " " + "/".join(map(str, d["detail"][0]["loc"]))'; }
check "limit=0" "greater_than_equal query/limit" "$(v422 'logs?limit=0')"
check "limit=1001" "less_than_equal query/limit" "$(v422 'logs?limit=1001')"
check "limit=abc" "int_parsing query/limit" "$(v422 'logs?limit=abc')"
check "offset=-1" "greater_than_equal query/offset" "$(v422 'logs?offset=-1')"
check "search > 512" "string_too_long query/search" "$(v422 "logs?search=$(printf 's%.0s' $(seq 513))")"
check "sort_by pattern" "string_pattern_mismatch query/sort_by" "$(v422 'attackers?sort_by=bogus')"
check "interval_minutes=0" "greater_than_equal query/interval_minutes" "$(v422 'logs/histogram?interval_minutes=0')"
check "bounty limit" "less_than_equal query/limit" "$(v422 'bounty?limit=5000')"
check "422 status" 422 "$(status -H "$AUTH" "$RS_URL/api/v1/attackers?limit=0")"

# --- routing
check "unknown route 404 with token" 404 "$(status -H "$AUTH" "$RS_URL/api/v1/nope")"
check "wrong method 405" 405 "$(status -X DELETE -H "$AUTH" "$RS_URL/api/v1/stats")"

# --- SSE: frames in order, ?token= accepted, maxOutput ends the response
sse=$(curl -s --max-time 8 "$RS_URL/api/v1/stream?token=$tok&maxOutput=2&search=")
check "sse keepalive first" ": keepalive" "$(echo "$sse" | head -1)"
check "sse stats frame" 1 "$(echo "$sse" | grep -c '^data: {"type":"stats"')"
check "sse histogram frame" 1 "$(echo "$sse" | grep -c '^data: {"type":"histogram"')"
check "sse content type" "text/event-stream; charset=utf-8" \
    "$(curl -s --max-time 5 -D - -o /dev/null -H "$AUTH" "$RS_URL/api/v1/stream?maxOutput=1" | tr -d '\r' | sed -n 's/^Content-Type: //p')"

# --- ingest needs admin and valid events; new rows reach the stream
check "ingest bad event 400" 400 "$(status -X POST -H "$AUTH" -d '{"decky":"d"}' "$RS_URL/api/v1/logs")"
check "ingest impossible timestamp 422" 422 "$(status -X POST -H "$AUTH" -d '{"decky":"d","service":"s","event_type":"e","attacker_ip":"1.2.3.4","timestamp":"2026-13-45T99:00:00"}' "$RS_URL/api/v1/logs")"
check "ingest bad json 422" 422 "$(status -X POST -H "$AUTH" -d '[{' "$RS_URL/api/v1/logs")"
ing=$(curl -s -X POST -H "$AUTH" -d '{"decky":"decky-09","service":"ssh","event_type":"login_attempt","attacker_ip":"10.1.2.3","fields":{"username":"root"}}' "$RS_URL/api/v1/logs")
check "ingest one" "1 79" "$(jpy "$ing" '"%d %d" % (d["stored"], d["ids"][0])')"
check "ingest updated attackers" "10.1.2.3|1|[\"ssh\"]" "$(sqlite3 "$RS_DIR/rs.db" "select ip, event_count, services from attackers")"

rs_stop
check "graceful exit code" 0 "$RS_EXIT"
rs_done
