#!/usr/bin/env bash
# live_backends_race.sh — concurrent ingest that creates the same new attackers from two
# workers at once (race_client.py: 6 clients, one barrier per round, one new attacker IP
# per round), on SQLite and on MariaDB, per --db-mode. SQLite serialises its writers;
# MariaDB runs the transactions side by side, so two of them can both find the attacker
# missing. Checks: every request answered 201 on both backends, and the attackers that
# result (event and bounty counts, first/last seen, services) are the same on both.
cd "$(dirname "$0")" && source ./lib.sh && source ./mariadb.sh
THREADS=6
ROUNDS=${ROUNDS:-100}
mdb_start

# the race's attackers, one line each, sorted by IP (uuids left out: random per row):
# ip, event_count, first/last seen, services, bounty_count, credential_count, and the
# rows behind those counters: logs and bounty rows stored for that IP
attackers() {
    local h="Authorization: Bearer $1"
    $PY -c 'import sys, json, collections
att, logs, bounty = (json.load(open(f)) for f in sys.argv[1:])
nlogs = collections.Counter(r["attacker_ip"] for r in logs["data"])
nb = collections.Counter(r["attacker_ip"] for r in bounty["data"])
for a in sorted(att["data"], key=lambda a: a["ip"]):
    print(a["ip"], a["event_count"], a["first_seen"], a["last_seen"], a["services"], a["bounty_count"],
          a["credential_count"], "| rows:", nlogs[a["ip"]], nb[a["ip"]])' \
        <(curl -s -H "$h" "$RS_URL/api/v1/attackers?search=10.98.&limit=1000") \
        <(curl -s -H "$h" "$RS_URL/api/v1/logs?search=race-&limit=1000") \
        <(curl -s -H "$h" "$RS_URL/api/v1/bounty?search=10.98.&limit=1000")
}

for mode in pooled batched naive; do
    for backend in sqlite mariadb; do
        if [ "$backend" = mariadb ]; then
            mdb_reset
            RS_DB=$MDB_URL
        else
            RS_DB="$RS_DIR/race-$mode.db"
        fi
        # not --quiet: the server then logs the database error behind a 500
        RS_QUIET= rs_start --dataset decnet-2026-04 --workers 2 --db-mode "$mode"
        tok=$(rs_token)
        out=$($PY ./race_client.py "$RS_PORT" "$tok" "$THREADS" "$ROUNDS" "race-$mode")
        check "$backend $mode: every racing ingest answered 201" "{\"201\": $((THREADS * ROUNDS))}" \
            "$($PY -c 'import sys, json; print(json.dumps(json.loads(sys.argv[1])["statuses"]))' "$out")"
        $PY -c 'import sys, json; [print("   ", e) for e in json.loads(sys.argv[1])["errors"]]' "$out"
        attackers "$tok" >"$RS_DIR/attackers-$backend-$mode.txt"
        rs_stop
        check "$backend $mode: refserver exits 0" 0 "$RS_EXIT"
        grep -a -- 'mariadb: \| -> 5' "$RS_DIR/server.log" | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/UUID/' |
            sort | uniq -c | sort -rn | head -3 | sed "s/^/$backend $mode: server log: /"
        cat "$RS_DIR/server.log" >>"$RS_DIR/server-all.log" && : >"$RS_DIR/server.log"
    done
    check "$mode: one attacker per round" "$ROUNDS" "$(wc -l <"$RS_DIR/attackers-sqlite-$mode.txt")"
    check "$mode: every attacker saw all $THREADS events on SQLite" "" \
        "$(awk -v n="$THREADS" '$2 != n' "$RS_DIR/attackers-sqlite-$mode.txt" | head -3)"
    # the attackers that differ, both sides, the first three and how many
    diff=$($PY -c 'import sys
a, b = ({l.split()[0]: l.rstrip() for l in open(f)} for f in sys.argv[1:])
d = sorted(set(a) | set(b))
d = [ip for ip in d if a.get(ip) != b.get(ip)]
for ip in d[:3]:
    print("\n  sqlite : %s\n  mariadb: %s" % (a.get(ip), b.get(ip)), end="")
if d: print("\n  %d of %d attackers differ" % (len(d), len(set(a) | set(b))), end="")' \
        "$RS_DIR/attackers-sqlite-$mode.txt" "$RS_DIR/attackers-mariadb-$mode.txt")
    check "$mode: same attackers on SQLite and MariaDB (ip events first last services bounties credentials | rows: logs bounty)" "" "$diff"
done
mv "$RS_DIR/server-all.log" "$RS_DIR/server.log"   # rs_done reads it for sanitizer reports
rs_done
