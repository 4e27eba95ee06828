#!/usr/bin/env bash
# live_api_contract.sh — the routes DECNET's API has beyond the load test's
# (decnet/web/router/** at edc5c59f) against a real refserver: status,
# shape, paging, filters, bad input (400/409/422 with the seed's detail),
# and that every write shows in the reads (a created user in /config, a
# deploy in /deckies, a mutation's last_mutated, the limit in /config, an
# ingested credential in /bounty and the attacker). Roles: live_roles.sh.
cd "$(dirname "$0")" && source ./lib.sh
# one worker: caches are per process, as in the seed; the writer's own
# worker drops what a write changes
rs_start --dataset default --dataset-logs 800 --dataset-attackers 40 --dataset-bounty 40 \
    --dataset-deckies 3 --workers 1
U="$RS_URL/api/v1"
tok=$(rs_token)
A="Authorization: Bearer $tok"
# jpy JSON CODE — "stmt; stmt; expr" over the parsed body d; prints expr
jpy() { $PY -c 'import sys, json
d = json.loads(sys.argv[1]); parts = sys.argv[2].split("; ")
for p in parts[:-1]: exec(p)
print(eval(parts[-1]))' "$1" "$2"; }
# req METHOD PATH [BODY] — the body of the answer; st: its status
req() { curl -s -X "$1" -H "$A" ${3:+-d "$3"} "$U/$2"; }
st() { curl -s -o /dev/null -w '%{http_code}' -X "$1" -H "$A" ${3:+-d "$3"} "$U/$2"; }
BAD400='{"detail":"Bad Request: Schema structural violation (wrong type, extra fields, or invalid length)."}'
e422() { jpy "$(req "$@")" 'd["detail"][0]["type"] + " " + "/".join(map(str, d["detail"][0]["loc"]))'; }

# --- attackers: list shape, DECNET's value sets, detail, commands paging + filter
al=$(req GET 'attackers?sort_by=active&limit=5')
check "attackers envelope" "['total', 'limit', 'offset', 'data'] 5" "$(jpy "$al" 'str(list(d)) + " " + str(len(d["data"]))')"
check "attacker keys" "['uuid', 'ip', 'first_seen', 'last_seen', 'event_count', 'service_count', 'decky_count', 'services', 'deckies', 'traversal_path', 'is_traversal', 'bounty_count', 'credential_count', 'fingerprints', 'commands', 'updated_at', 'behavior']" "$(jpy "$al" 'list(d["data"][0])')"
check "active = event_count desc" True "$(jpy "$al" 'all(a["event_count"] >= b["event_count"] for a, b in zip(d["data"], d["data"][1:]))')"
check "behavior keys" "['attacker_uuid', 'os_guess', 'hop_distance', 'tcp_fingerprint', 'retransmit_count', 'behavior_class', 'beacon_interval_s', 'beacon_jitter_pct', 'tool_guesses', 'timing_stats', 'phase_sequence', 'updated_at']" "$(jpy "$al" 'list(d["data"][0]["behavior"])')"
check "timing_stats keys" "['event_count', 'duration_s', 'mean_iat_s', 'median_iat_s', 'stdev_iat_s', 'min_iat_s', 'max_iat_s', 'cv']" "$(jpy "$al" 'list(d["data"][0]["behavior"]["timing_stats"])')"
check "phase_sequence keys" "['recon_end_ts', 'exfil_start_ts', 'exfil_latency_s', 'large_payload_count']" "$(jpy "$al" 'list(d["data"][0]["behavior"]["phase_sequence"])')"
check "tcp_fingerprint keys" "['window', 'wscale', 'mss', 'options_sig', 'has_sack', 'has_timestamps']" "$(jpy "$al" 'list(d["data"][0]["behavior"]["tcp_fingerprint"])')"
all=$(req GET 'attackers?limit=1000')
check "behavior classes are DECNET's" True "$(jpy "$all" 'all(a["behavior"]["behavior_class"] in {"beaconing","interactive","scanning","brute_force","slow_scan","mixed","unknown"} for a in d["data"])')"
check "traversal = 2+ deckies, path joined by arrows" True "$(jpy "$all" 'all(a["is_traversal"] == (len(a["deckies"]) >= 2) and (not a["is_traversal"] or a["traversal_path"] == " \u2192 ".join(a["deckies"])) for a in d["data"])')"
check "services sorted" True "$(jpy "$all" 'all(a["services"] == sorted(a["services"]) for a in d["data"])')"
check "fingerprints carry fingerprint_type" True "$(jpy "$all" 'all("fingerprint_type" in f["payload"] for a in d["data"] for f in a["fingerprints"]) and any(a["fingerprints"] for a in d["data"])')"
check "fingerprint counts" True "$(jpy "$all" 'all(a["bounty_count"] >= a["credential_count"] + len(a["fingerprints"]) for a in d["data"])')"
check "attackers service filter" True "$(jpy "$(req GET 'attackers?service=ssh&limit=1000')" 'd["total"] > 0 and all("ssh" in a["services"] for a in d["data"])')"
check "attackers service=zzz" 0 "$(jpy "$(req GET 'attackers?service=zzz')" 'd["total"]')"
check "the scripted attackers bring the other classes" True "$(jpy "$all" '{"brute_force", "scanning", "beaconing", "interactive"} <= {a["behavior"]["behavior_class"] for a in d["data"]}')"
check "a beacon has its interval, jitter and C2 guess" True "$(jpy "$all" 'any(a["behavior"]["beacon_interval_s"] and a["behavior"]["beacon_jitter_pct"] and "cobalt_strike" in a["behavior"]["tool_guesses"] for a in d["data"])')"
# a seeded SSH attacker (two commands), not a scripted one
uuid=$(jpy "$(req GET 'attackers?service=ssh&limit=1000')" '[a["uuid"] for a in d["data"] if not a["ip"].startswith("198.51.100.")][0]')
check "attacker detail" "$uuid" "$(jpy "$(req GET "attackers/$uuid")" 'd["uuid"]')"
check "attacker detail 404" '{"detail":"Attacker not found"}' "$(req GET attackers/no-such)"
cm=$(req GET "attackers/$uuid/commands")
check "commands envelope" "['total', 'limit', 'offset', 'data'] 50 0" "$(jpy "$cm" 'str(list(d)) + " %d %d" % (d["limit"], d["offset"])')"
check "command keys" "['service', 'decky', 'command', 'timestamp']" "$(jpy "$cm" 'list(d["data"][0])')"
check "commands paging" "2 1 cat /etc/passwd" "$(jpy "$(req GET "attackers/$uuid/commands?limit=1&offset=1")" '"%d %d %s" % (d["total"], len(d["data"]), d["data"][0]["command"])')"
check "commands service filter" "0 0" "$(jpy "$(req GET "attackers/$uuid/commands?service=zzz")" '"%d %d" % (d["total"], len(d["data"]))')"
check "commands service=ssh" 2 "$(jpy "$(req GET "attackers/$uuid/commands?service=ssh")" 'd["total"]')"
check "commands service=null is absent" 2 "$(jpy "$(req GET "attackers/$uuid/commands?service=null")" 'd["total"]')"
check "commands limit 201" "less_than_equal query/limit" "$(e422 GET "attackers/$uuid/commands?limit=201")"
check "commands limit 0" "greater_than_equal query/limit" "$(e422 GET "attackers/$uuid/commands?limit=0")"
check "commands offset -1" "greater_than_equal query/offset" "$(e422 GET "attackers/$uuid/commands?offset=-1")"
check "commands 404" '{"detail":"Attacker not found"}' "$(req GET attackers/no-such/commands)"

# --- bounty: DECNET's payloads, filter
bt=$(req GET 'bounty?bounty_type=fingerprint&limit=1000')
check "fingerprint bounty payload" True "$(jpy "$bt" 'd["total"] > 0 and all(b["payload"]["fingerprint_type"] == "http_useragent" and b["service"] == "http" for b in d["data"])')"
check "bounty_type filter" True "$(jpy "$(req GET 'bounty?bounty_type=credential')" 'all(b["bounty_type"] == "credential" for b in d["data"])')"

# --- ingest derives what DECNET's ingester and profiler derive
ev='[{"decky":"decky-01","service":"ssh","event_type":"login_attempt","attacker_ip":"198.18.0.9","timestamp":"2026-04-18T10:00:00","fields":{"username":"root","password":"toor"}},
{"decky":"decky-02","service":"http","event_type":"request","attacker_ip":"198.18.0.9","timestamp":"2026-04-18T10:00:01","fields":{"method":"GET","path":"/","headers":{"User-Agent":"sqlmap/1.7"}}},
{"decky":"decky-02","service":"ssh","event_type":"command","attacker_ip":"198.18.0.9","timestamp":"2026-04-18T10:00:02","fields":{"command":"uname -a"}},
{"decky":"decky-01","service":"ssh","event_type":"login_attempt","attacker_ip":"198.18.0.9","timestamp":"2026-04-18T10:00:03","fields":{"username":"root","password":"toor"}}]'
check "ingest 4" 4 "$(jpy "$(req POST logs "$ev")" 'd["stored"]')"
check "credential bounty (deduplicated)" '1 {"username": "root", "password": "toor"}' \
    "$(jpy "$(req GET 'bounty?bounty_type=credential&search=198.18.0.9')" '"%d %s" % (d["total"], json.dumps(d["data"][0]["payload"]))')"
check "user-agent fingerprint bounty" '{"fingerprint_type": "http_useragent", "value": "sqlmap/1.7", "method": "GET", "path": "/"}' \
    "$(jpy "$(req GET 'bounty?bounty_type=fingerprint&search=198.18.0.9')" 'json.dumps(d["data"][0]["payload"])')"
at=$(req GET 'attackers?search=198.18.0.9')
check "attacker counters" "1 4 2 1 1" "$(jpy "$at" 'a = d["data"][0]; "%d %d %d %d %d" % (d["total"], a["event_count"], a["bounty_count"], a["credential_count"], len(a["fingerprints"]))')"
check "attacker services/deckies/traversal" "['http', 'ssh'] ['decky-01', 'decky-02'] True" "$(jpy "$at" 'a = d["data"][0]; "%s %s %s" % (a["services"], a["deckies"], a["is_traversal"])')"
check "attacker command" "uname -a ssh decky-02" "$(jpy "$at" 'c = d["data"][0]["commands"][0]; "%s %s %s" % (c["command"], c["service"], c["decky"])')"
check "behaviour from the events" "scanning 4 1.0 ['sqlmap'] 2026-04-18T10:00:03 2026-04-18T10:00:02" "$(jpy "$at" 'b = d["data"][0]["behavior"]; "%s %d %s %s %s %s" % (b["behavior_class"], b["timing_stats"]["event_count"], b["timing_stats"]["mean_iat_s"], b["tool_guesses"], b["phase_sequence"]["recon_end_ts"], b["phase_sequence"]["exfil_start_ts"])')"

# --- users: create -> /config, 409, validation, role, reset, delete
cu=$(req POST config/users '{"username":"vera","password":"viewerpass1"}')
check "create user" "['uuid', 'username', 'role', 'must_change_password'] vera viewer True" "$(jpy "$cu" 'str(list(d)) + " %s %s %s" % (d["username"], d["role"], d["must_change_password"])')"
vuuid=$(jpy "$cu" 'd["uuid"]')
check "created user in /config" "viewer True" "$(jpy "$(req GET config)" '" ".join(str(x) for u in d["users"] if u["username"] == "vera" for x in (u["role"], u["must_change_password"]))')"
check "duplicate username 409" '{"detail":"Username already exists"}' "$(req POST config/users '{"username":"vera","password":"viewerpass1"}')"
check "create missing password 400" "$BAD400" "$(req POST config/users '{"username":"x"}')"
check "create short password 400" "$BAD400" "$(req POST config/users '{"username":"x","password":"short"}')"
check "create empty username 400" "$BAD400" "$(req POST config/users '{"username":"","password":"longenough"}')"
check "create username > 64" "string_too_long body/username" "$(e422 POST config/users "{\"username\":\"$(printf 'u%.0s' $(seq 65))\",\"password\":\"longenough\"}")"
check "create password > 72" "string_too_long body/password" "$(e422 POST config/users "{\"username\":\"x\",\"password\":\"$(printf 'p%.0s' $(seq 73))\"}")"
check "create bad role" "literal_error body/role Input should be 'admin' or 'viewer'" "$(jpy "$(req POST config/users '{"username":"x","password":"longenough","role":"root"}')" 'e = d["detail"][0]; e["type"] + " " + "/".join(e["loc"]) + " " + e["msg"]')"
check "create bad json 422" "json_invalid body/0" "$(e422 POST config/users '{"username":')"
check "create admin user" admin "$(jpy "$(req POST config/users '{"username":"ada","password":"adminpass1","role":"admin"}')" 'd["role"]')"
check "role to admin" '{"message":"User role updated"}' "$(req PUT "config/users/$vuuid/role" '{"role":"admin"}')"
check "role shows in /config" admin "$(jpy "$(req GET config)" '[u["role"] for u in d["users"] if u["username"] == "vera"][0]')"
check "role bad value" "literal_error body/role" "$(e422 PUT "config/users/$vuuid/role" '{"role":"owner"}')"
check "role missing 400" "$BAD400" "$(req PUT "config/users/$vuuid/role" '{}')"
admin_uuid=$(jpy "$(req GET config)" '[u["uuid"] for u in d["users"] if u["username"] == "admin"][0]')
check "own role 403" '{"detail":"Cannot change your own role"}' "$(req PUT "config/users/$admin_uuid/role" '{"role":"viewer"}')"
check "role unknown user 404" '{"detail":"User not found"}' "$(req PUT config/users/nope/role '{"role":"viewer"}')"
check "reset password" '{"message":"Password reset successfully"}' "$(req PUT "config/users/$vuuid/reset-password" '{"new_password":"another-pass"}')"
check "reset short 400" "$BAD400" "$(req PUT "config/users/$vuuid/reset-password" '{"new_password":"x"}')"
check "reset unknown 404" '{"detail":"User not found"}' "$(req PUT config/users/nope/reset-password '{"new_password":"another-pass"}')"
check "reset password works, change pending" True "$(jpy "$(curl -s -X POST -d '{"username":"vera","password":"another-pass"}' "$U/auth/login")" 'd["must_change_password"]')"
check "delete self 403" '{"detail":"Cannot delete your own account"}' "$(req DELETE "config/users/$admin_uuid")"
check "delete unknown 404" '{"detail":"User not found"}' "$(req DELETE config/users/nope)"
check "delete user" '{"message":"User deleted"}' "$(req DELETE "config/users/$vuuid")"
check "deleted user gone from /config" 0 "$(jpy "$(req GET config)" 'sum(u["username"] == "vera" for u in d["users"])')"
check "deleted user cannot log in" 401 "$(status -X POST -d '{"username":"vera","password":"another-pass"}' "$U/auth/login")"

# --- deployment limit and mutation interval -> /config
check "limit 0" "greater_than_equal body/deployment_limit" "$(e422 PUT config/deployment-limit '{"deployment_limit":0}')"
check "limit 501" "less_than_equal body/deployment_limit" "$(e422 PUT config/deployment-limit '{"deployment_limit":501}')"
check "limit abc" "int_parsing body/deployment_limit" "$(e422 PUT config/deployment-limit '{"deployment_limit":"abc"}')"
check "limit 1.5" "int_from_float body/deployment_limit" "$(e422 PUT config/deployment-limit '{"deployment_limit":1.5}')"
check "limit missing 400" "$BAD400" "$(req PUT config/deployment-limit '{}')"
check "limit set" '{"message":"Deployment limit updated"}' "$(req PUT config/deployment-limit '{"deployment_limit":6}')"
check "limit in /config" 6 "$(jpy "$(req GET config)" 'd["deployment_limit"]')"
check "interval pattern" "string_pattern_mismatch body/global_mutation_interval" "$(e422 PUT config/global-mutation-interval '{"global_mutation_interval":"10s"}')"
check "interval int 400" "$BAD400" "$(req PUT config/global-mutation-interval '{"global_mutation_interval":5}')"
check "interval set" '{"message":"Global mutation interval updated"}' "$(req PUT config/global-mutation-interval '{"global_mutation_interval":"2d"}')"
check "interval in /config" 2d "$(jpy "$(req GET config)" 'd["global_mutation_interval"]')"

# --- fleet: deploy (INI), limit, mutate, mutate-interval
check "deckies before" "3 3" "$(jpy "$(req GET deckies)" 'len(d)') $(jpy "$(req GET stats)" 'd["deployed_deckies"]')"
check "deploy extra field 400" "$BAD400" "$(req POST deckies/deploy '{"ini_content":"[a]","x":1}')"
check "deploy not a string 400" "$BAD400" "$(req POST deckies/deploy '{"ini_content":5}')"
check "deploy empty 409" '{"detail":"Configuration conflict: INI content is empty."}' "$(req POST deckies/deploy '{"ini_content":"  \n"}')"
check "deploy no header 409" '{"detail":"Configuration conflict: INI syntax or characters are invalid."}' "$(req POST deckies/deploy '{"ini_content":"ip=1.2.3.4"}')"
check "deploy no sections 409" '{"detail":"Invalid INI config structure: No decky sections found."}' "$(req POST deckies/deploy '{"ini_content":"# only a comment"}')"
check "deploy unknown service 409" 409 "$(st POST deckies/deploy '{"ini_content":"[web-9]\nservices=ssh,gopher"}')"
check "deploy unknown service detail" True "$(jpy "$(req POST deckies/deploy '{"ini_content":"[web-9]\nservices=ssh,gopher"}')" 'd["detail"].startswith("Unknown service(s) in [web-9]: [\x27gopher\x27]. Available: [")')"
check "deploy bad amount 409" "[farm] amount= must be a positive integer, got 'x'" "$(jpy "$(req POST deckies/deploy '{"ini_content":"[farm]\namount=x"}')" 'd["detail"]')"
check "deploy over the limit 409" "Deployment would result in 7 deckies, exceeding the configured limit of 6" "$(jpy "$(req POST deckies/deploy '{"ini_content":"[farm]\narchetype=iot-device\namount=4"}')" 'd["detail"]')"
ini='[general]\nnet=10.0.1.0/24\ngw=10.0.1.1\n\n[web-01]\narchetype=web-server\n\n[web-01.http]\nserver_header=nginx\n\n[iot]\narchetype=iot-device\namount=2\nmutate_interval=45'
check "deploy" '{"message":"Deckies deployed successfully"}' "$(req POST deckies/deploy "{\"ini_content\":\"$ini\"}")"
dk=$(req GET deckies)
check "deployed deckies listed" "['decky-01', 'decky-02', 'decky-03', 'web-01', 'iot-01', 'iot-02']" "$(jpy "$dk" '[x["name"] for x in d]')"
check "decky keys" "['name', 'ip', 'services', 'distro', 'base_image', 'build_base', 'hostname', 'archetype', 'service_config', 'nmap_os', 'mutate_interval', 'last_mutated', 'last_login_attempt']" "$(jpy "$dk" 'list(d[3])')"
check "archetype services + persona + interval" "['http', 'ftp'] {'http': {'server_header': 'nginx'}} embedded 45" "$(jpy "$dk" '"%s %s %s %s" % (d[3]["services"], d[3]["service_config"], d[4]["nmap_os"], d[4]["mutate_interval"])')"
check "distinct IPs" 6 "$(jpy "$dk" 'len({x["ip"] for x in d})')"
check "stats counts deployed" 6 "$(jpy "$(req GET stats)" 'd["deployed_deckies"]')"
before=$(jpy "$dk" '[x["last_mutated"] for x in d if x["name"] == "iot-01"][0]')
sleep 1
check "mutate" '{"message":"Successfully mutated iot-01"}' "$(req POST deckies/iot-01/mutate)"
dk2=$(req GET deckies)
check "last_mutated moves" True "$(jpy "$dk2" '[x["last_mutated"] for x in d if x["name"] == "iot-01"][0] > '"$before")"
check "mutated services from the archetype" True "$(jpy "$dk2" 'set([x["services"] for x in d if x["name"] == "iot-01"][0]) <= {"mqtt", "snmp", "telnet"}')"
check "mutate unknown 404" '{"detail":"Decky ghost not found or failed to mutate"}' "$(req POST deckies/ghost/mutate)"
check "mutate bad name 422" "string_pattern_mismatch path/decky_name" "$(e422 POST deckies/Web_01/mutate)"
check "interval set (days -> minutes)" '{"message":"Mutation interval updated"}' "$(req PUT deckies/web-01/mutate-interval '{"mutate_interval":"2d"}')"
check "interval in /deckies" 2880 "$(jpy "$(req GET deckies)" '[x["mutate_interval"] for x in d if x["name"] == "web-01"][0]')"
check "interval null clears" None "$(req PUT deckies/web-01/mutate-interval '{"mutate_interval":null}' >/dev/null; jpy "$(req GET deckies)" '[x["mutate_interval"] for x in d if x["name"] == "web-01"][0]')"
check "interval pattern 422" "string_pattern_mismatch body/mutate_interval" "$(e422 PUT deckies/web-01/mutate-interval '{"mutate_interval":"5x"}')"
check "interval unknown decky 404" '{"detail":"Decky not found"}' "$(req PUT deckies/ghost/mutate-interval '{"mutate_interval":"5m"}')"

# --- reinit (developer mode): purges logs, bounty, attackers
ri=$(req DELETE config/reinit)
check "reinit" "Data purged ['logs', 'bounties', 'attackers'] True" "$(jpy "$ri" 'd["message"] + " " + str(list(d["deleted"])) + " " + str(d["deleted"]["logs"] > 800)')"
check "reinit empties the reads" "0 0 0" "$(jpy "$(req GET stats)" 'd["total_logs"]') $(jpy "$(req GET attackers)" 'd["total"]') $(jpy "$(req GET bounty)" 'd["total"]')"
rs_stop

# --- without developer mode: reinit refused, plain 422 bodies
rs_start --no-developer --workers 1
U="$RS_URL/api/v1"
tok=$(rs_token)
A="Authorization: Bearer $tok"
check "reinit outside developer mode" '{"detail":"Developer mode is not enabled"}' "$(req DELETE config/reinit)"
check "plain 422" '{"detail":"Invalid request parameters"}' "$(req PUT config/deployment-limit '{"deployment_limit":0}')"
check "plain 422 on deploy" '{"detail":"Invalid INI config"}' "$(req POST deckies/deploy '{"ini_content":')"
rs_stop
rs_done
