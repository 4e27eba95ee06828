#!/usr/bin/python3
"""trace_check.py — check the spans refserver --tracing exported during
live_tracing.sh: the OTLP JSON shape (through tests/otel/otlp_check.py), one
SERVER span per request, parent links to the caller's span, children under
the server span and inside its time, and the spans each request kind makes.

Reads every *.json POST body in DIR. Exit 0 when all holds, 1 otherwise.
"""
import argparse
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "otel"))
from otlp_check import check, check_doc  # noqa: E402  (shape checks shared with tests/otel)

SLACK_NS = 2_000_000  # wall-clock conversions of two monotonic readings may differ by µs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--requests", type=int, required=True, help="SERVER spans expected")
    ap.add_argument("--remote", required=True, help="TRACEID:SPANID the stats request carried")
    ap.add_argument("--login-remote", required=True, help="TRACEID:SPANID the login carried")
    ap.add_argument("--bad-trace", required=True, help="trace id of a malformed traceparent")
    a = ap.parse_args()

    files = sorted(glob.glob(os.path.join(a.dir, "*.json")))
    check(files, "no POST bodies in " + a.dir)
    spans = []
    for f in files:
        with open(f) as fh:
            spans.extend(check_doc(json.load(fh), os.path.basename(f), "refserver"))
    ids = [s["spanId"] for s in spans]
    check(len(ids) == len(set(ids)), "span ids are not unique")
    by_id = {s["spanId"]: s for s in spans}
    servers = [s for s in spans if s["kind"] == 2]
    check(len(servers) == a.requests,
          "%d SERVER spans, want %d (one per request)" % (len(servers), a.requests))
    for s in servers:
        at = s["_attrs"]
        check(at.get("http.method") in ("GET", "POST", "HEAD"), "%s: http.method %r" % (s["name"], at.get("http.method")))
        check("http.status_code" in at, s["name"] + ": no http.status_code")
        if "http.route" in at:
            check(s["name"] == at["http.method"] + " " + at["http.route"],
                  "span name %r is not METHOD route" % s["name"])

    def root_of(sp):
        seen = 0
        while sp["kind"] != 2:
            check("parentSpanId" in sp, "child span %r without parent" % sp["name"])
            p = by_id.get(sp["parentSpanId"])
            check(p is not None, "span %r: parent %s not exported" % (sp["name"], sp["parentSpanId"]))
            check(p["traceId"] == sp["traceId"], "span %r: parent in another trace" % sp["name"])
            st, en = int(sp["startTimeUnixNano"]), int(sp["endTimeUnixNano"])
            check(int(p["startTimeUnixNano"]) - SLACK_NS <= st and en <= int(p["endTimeUnixNano"]) + SLACK_NS,
                  "span %r [%d,%d] outside its parent %r [%s,%s]" % (sp["name"], st, en, p["name"],
                                                                    p["startTimeUnixNano"], p["endTimeUnixNano"]))
            sp = p
            seen += 1
            check(seen < 10, "parent chain too deep")
        return sp

    children = {}
    for sp in spans:
        if sp["kind"] != 2:
            children.setdefault(root_of(sp)["spanId"], []).append(sp)

    def server(name, trace=None):
        c = [s for s in servers if s["name"] == name and (trace is None or s["traceId"] == trace)]
        check(c, "no SERVER span %r%s" % (name, " in trace " + trace if trace else ""))
        return c[0]

    tid, sid = a.remote.split(":")
    st = server("GET /api/v1/stats", tid)
    check(st.get("parentSpanId") == sid, "stats span parent %r, want the caller's %s" % (st.get("parentSpanId"), sid))
    kids = children.get(st["spanId"], [])
    refresh = [k for k in kids if k["name"] == "cache.refresh"]
    check(refresh and refresh[0]["_attrs"].get("cache.name") == "stats", "stats: no cache.refresh of 'stats'")
    check(any(k["name"] == "sqlite" and k.get("parentSpanId") == refresh[0]["spanId"] for k in kids),
          "stats: no sqlite span under cache.refresh")

    tid, sid = a.login_remote.split(":")
    lg = server("POST /api/v1/auth/login", tid)
    check(lg.get("parentSpanId") == sid, "login span parent %r, want %s" % (lg.get("parentSpanId"), sid))
    check(lg["_attrs"].get("http.status_code") == "200", "login status %r" % lg["_attrs"].get("http.status_code"))
    check(any(k["name"] == "bcrypt.verify" and k["kind"] == 1 for k in children.get(lg["spanId"], [])),
          "login: no INTERNAL bcrypt.verify child")

    logs = server("GET /api/v1/logs")
    check("parentSpanId" not in logs, "logs without traceparent has a parent")
    check(any(k["name"] == "sqlite" and k["kind"] == 3 for k in children.get(logs["spanId"], [])),
          "logs: no CLIENT sqlite child")
    check(all(s["traceId"] != a.bad_trace for s in spans), "a malformed traceparent was honoured")
    nf = [s for s in servers if s["_attrs"].get("http.status_code") == "404"]
    check(nf and nf[0]["name"] == "GET" and "http.route" not in nf[0]["_attrs"],
          "404: want a span named 'GET' without http.route")
    print("trace_check: %d spans in %d bodies: %d SERVER, parents and timings hold"
          % (len(spans), len(files), len(servers)))


if __name__ == "__main__":
    main()
