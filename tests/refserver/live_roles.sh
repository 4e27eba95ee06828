#!/usr/bin/env bash
# live_roles.sh — the auth matrix over every route of the table: no token
# (401 + WWW-Authenticate), a viewer (reads allowed, every write 403
# "Insufficient permissions" even with a bad body: the role check runs
# first, as FastAPI's dependencies do), a user whose password change is
# pending (403 "Password change required ..." except change-password and the
# stream), and an admin (never 401/403). Each admin answer is the route's
# own status for a harmless request.
cd "$(dirname "$0")" && source ./lib.sh
rs_start --dataset default --dataset-logs 200 --dataset-attackers 20 --dataset-bounty 10 \
    --dataset-deckies 2 --workers 1
U="$RS_URL/api/v1"
adm=$(rs_token)
AA="Authorization: Bearer $adm"
jpy() { $PY -c 'import sys,json; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"; }
login() { jpy "$(curl -s -X POST -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$U/auth/login")" 'd["access_token"]'; }

# a viewer (password changed) and a pending user, made through the API
curl -s -o /dev/null -X POST -H "$AA" -d '{"username":"vic","password":"viewer-pass"}' "$U/config/users"
curl -s -o /dev/null -X POST -H "$AA" -d '{"username":"pat","password":"pending-pass","role":"admin"}' "$U/config/users"
vt=$(login vic viewer-pass)
curl -s -o /dev/null -X POST -H "Authorization: Bearer $vt" \
    -d '{"old_password":"viewer-pass","new_password":"viewer-pass"}' "$U/auth/change-password"
vt=$(login vic viewer-pass)
pt=$(login pat pending-pass)
VA="Authorization: Bearer $vt"
PA="Authorization: Bearer $pt"
vic_uuid=$(jpy "$(curl -s -H "$AA" "$U/config")" '[u["uuid"] for u in d["users"] if u["username"] == "vic"][0]')
att=$(jpy "$(curl -s -H "$AA" "$U/attackers?limit=1")" 'd["data"][0]["uuid"]')

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
INSUF='{"detail":"Insufficient permissions"}'
PEND='{"detail":"Password change required before accessing this resource"}'

# --- reads: METHOD PATH ADMIN_STATUS
READS="GET stats 200
GET logs 200
GET logs/histogram 200
GET attackers 200
GET attackers/$att 200
GET attackers/$att/commands 200
GET deckies 200
GET bounty 200
GET health 200
GET config 200"
while read -r m p want; do
    check "none $m $p" 401 "$(code -X "$m" "$U/$p")"
    check "viewer $m $p" "$want" "$(code -X "$m" -H "$VA" "$U/$p")"
    check "admin $m $p" "$want" "$(code -X "$m" -H "$AA" "$U/$p")"
    check "pending $m $p" "$PEND" "$(curl -s -X "$m" -H "$PA" "$U/$p")"
done <<< "$READS"
check "viewer /config: no users, no developer_mode" "['role', 'deployment_limit', 'global_mutation_interval'] viewer" \
    "$(jpy "$(curl -s -H "$VA" "$U/config")" 'str(list(d)) + " " + d["role"]')"
check "none stream" 401 "$(code "$U/stream?maxOutput=1")"
check "viewer stream" 200 "$(code --max-time 5 -H "$VA" "$U/stream?maxOutput=1")"
check "pending stream (not enforced)" 200 "$(code --max-time 5 -H "$PA" "$U/stream?maxOutput=1")"

# --- writes: METHOD PATH BODY ADMIN_STATUS (the last ones change state)
WRITES="POST logs {\"decky\":\"d\",\"service\":\"ssh\",\"event_type\":\"x\",\"attacker_ip\":\"10.9.9.9\"} 201
POST config/users {\"username\":\"neo\",\"password\":\"neo-password\"} 200
DELETE config/users/no-such - 404
PUT config/users/no-such/role {\"role\":\"viewer\"} 404
PUT config/users/no-such/reset-password {\"new_password\":\"long-enough\"} 404
PUT config/deployment-limit {\"deployment_limit\":10} 200
PUT config/global-mutation-interval {\"global_mutation_interval\":\"30m\"} 200
POST deckies/deploy {\"ini_content\":\"[extra-01]\\\\nservices=ssh\"} 200
POST deckies/no-such/mutate - 404
PUT deckies/no-such/mutate-interval {\"mutate_interval\":\"5m\"} 404
PUT config/users/$vic_uuid/role {\"role\":\"viewer\"} 200
DELETE config/reinit - 200"
while read -r m p body want; do
    [ "$body" = "-" ] && body=""
    hdr=$(curl -s -D - -o /dev/null -X "$m" ${body:+-d "$body"} "$U/$p" | tr -d '\r')
    check "none $m $p" "401 1" "$(echo "$hdr" | head -1 | cut -d' ' -f2) $(echo "$hdr" | grep -c '^WWW-Authenticate: Bearer$')"
    check "viewer $m $p" "$INSUF" "$(curl -s -X "$m" -H "$VA" ${body:+-d "$body"} "$U/$p")"
    check "viewer $m $p bad body" "$INSUF" "$(curl -s -X "$m" -H "$VA" -d '{bad' "$U/$p")"
    check "pending $m $p" "$PEND" "$(curl -s -X "$m" -H "$PA" ${body:+-d "$body"} "$U/$p")"
    check "admin $m $p" "$want" "$(code -X "$m" -H "$AA" ${body:+-d "$body"} "$U/$p")"
done <<< "$WRITES"

# --- role changes take effect at once in this worker (its auth cache is dropped)
check "viewer promoted can write" 200 "$(curl -s -o /dev/null -X PUT -H "$AA" -d '{"role":"admin"}' "$U/config/users/$vic_uuid/role"; code -X PUT -H "$VA" -d '{"deployment_limit":9}' "$U/config/deployment-limit")"
check "deleted user's token refused" 401 "$(curl -s -o /dev/null -X DELETE -H "$AA" "$U/config/users/$vic_uuid"; code -H "$VA" "$U/stats")"
rs_stop
rs_done
