#!/usr/bin/env bash
# stats_fuzz.sh — our stats core + CSV writer vs Locust 2.12.1's own code (label fuzz).
#
# For each of $ROUNDS seeded random scenarios, Python drives Locust's RequestStats and
# StatsCSVFileWriter (time.time mocked) through random requests — ties at .5 and at
# multiples of 5/50/500, None response times, > 10 s times, failures with a few error
# kinds, resets, gaps of several seconds — emitting the script and Locust's CSV bytes
# (_stats.csv, _failures.csv, history rows with and without full history) at random
# points. Even rounds are distributed: requests go to two worker RequestStats whose
# reports (serialize + reset) the master merges as Locust's on_worker_report does; then
# _stats.csv and plain history rows of the master are compared (failures are not: the
# master re-repr()s worker error strings, see docs/locust-compat.md; full-history rows
# are not: a new master entry's first snapshot second depends on when the report
# arrives, which our merge API does not take).
# stats_replay replays the script through common/; the bytes must be equal.
set -euo pipefail
BIN=${LB_BIN_DIR:?LB_BIN_DIR not set}
ROUNDS=${ROUNDS:-40}
SEED=${SEED:-1}
work=$(mktemp -d /tmp/lb-stats-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
fails=0
checked=0
for r in $(seq 1 "$ROUNDS"); do
    /usr/bin/python3 - "$((SEED * 1000 + r))" "$work/script" "$work/want" <<'PYEOF'
import csv, io, random, sys
from unittest import mock
import locust.stats as S
from locust.env import Environment
from locust import User
rnd = random.Random(int(sys.argv[1]))
distributed = int(sys.argv[1]) % 2 == 0
script = open(sys.argv[2], "w")
want = open(sys.argv[3], "w", newline="")
class HTTPError(Exception):
    pass
now = [1700000000.0 + rnd.random()]
with mock.patch.object(S.time, "time", lambda: now[0]):
    env = Environment(user_classes=[User])
    env.create_local_runner()
    st = env.stats
    st.reset_all()
    script.write("X\t%r\n" % now[0])
    workers = [S.RequestStats(), S.RequestStats()]
    def report():
        for ws in workers:
            data = {"stats": ws.serialize_stats(), "stats_total": ws.total.get_stripped_report(),
                    "errors": ws.serialize_errors()}
            ws.errors = {}
            for stats_data in data["stats"]:
                entry = S.StatsEntry.unserialize(stats_data)
                key = (entry.name, entry.method)
                if key not in st.entries:
                    st.entries[key] = S.StatsEntry(st, entry.name, entry.method, use_response_times_cache=True)
                st.entries[key].extend(entry)
            st.total.extend(S.StatsEntry.unserialize(data["stats_total"]))
        script.write("M\t%r\n" % now[0])
    w = {f: S.StatsCSVFileWriter(env, S.PERCENTILES_TO_REPORT, sys.argv[3] + ".locust%d" % f, full_history=f)
         for f in (False, True)}
    names = ["/a", "/b?x=1,2", '/q"uote', "/api/v1/logs?offset=%d", "/\u00e9t\u00e9"]
    for step in range(rnd.randint(50, 1500)):
        now[0] += rnd.choice([0.0, 0.001, 0.01, 0.05, 0.3, 1.0, 1.7, 4.0])
        k = rnd.random()
        if k < 0.85:
            name = rnd.choice(names)
            if "%d" in name:
                name = name % rnd.randint(0, 30)
            method = rnd.choice(["GET", "GET", "POST", "DELETE"])
            c = rnd.random()
            if c < 0.05:
                rt = None
            elif c < 0.25:
                rt = rnd.randint(0, 2000) * 0.5          # ties at .5
            elif c < 0.4:
                rt = float(rnd.choice([5, 50, 500]) * rnd.randint(0, 41))
            elif c < 0.5:
                rt = rnd.uniform(10000, 250000)          # > 10 s
            else:
                rt = rnd.uniform(0, 3000)
            length = rnd.randint(0, 5000)
            err = None
            if rnd.random() < 0.15:
                err = HTTPError(rnd.choice(["500 Server Error", "404 Client Error: x", "it's"]))
            target, prefix = st, "R"
            if distributed:
                k = rnd.randint(1, 2)
                target, prefix = workers[k - 1], "W\t%d" % k
            target.log_request(method, name, rt, length)
            if err is not None:
                target.log_error(method, name, err)
            script.write("%s\t%r\t%s\t%s\t%s\t%d\t%s\n" % (prefix, now[0], method, name,
                         "None" if rt is None else repr(rt), length, "" if err is None else repr(err)))
        elif distributed and k < 0.90:
            report()
        elif k < 0.87:
            st.reset_all()
            script.write("X\t%r\n" % now[0])
        elif k < 0.95:
            full = rnd.random() < 0.5 and not distributed
            f = io.StringIO()
            w[full]._stats_history_data_rows(csv.writer(f), now[0])
            want.write(f.getvalue())
            script.write("H\t%r\t%d\n" % (now[0], full))
        else:
            for kind in ("S",) if distributed else ("S", "F"):
                f = io.StringIO()
                (w[False].requests_csv if kind == "S" else w[False].failures_csv)(csv.writer(f))
                want.write(f.getvalue())
                script.write(kind + "\n")
    if distributed:
        report()
    for kind in ("S",) if distributed else ("S", "F"):
        f = io.StringIO()
        (w[False].requests_csv if kind == "S" else w[False].failures_csv)(csv.writer(f))
        want.write(f.getvalue())
        script.write(kind + "\n")
PYEOF
    "$BIN/stats_replay" < "$work/script" > "$work/got"
    checked=$((checked + $(wc -l < "$work/want")))
    if ! cmp -s "$work/want" "$work/got"; then
        echo "round $r (seed $((SEED * 1000 + r))): output differs from Locust:"
        diff "$work/want" "$work/got" | head -6 || true
        fails=$((fails + 1))
    fi
done
echo "$ROUNDS scenarios ($checked CSV lines compared), $fails differ from Locust 2.12.1"
[ "$fails" -eq 0 ]
