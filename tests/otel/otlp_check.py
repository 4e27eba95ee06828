#!/usr/bin/python3
"""otlp_check.py — check OTLP/HTTP JSON payloads against the
ExportTraceServiceRequest shape, and the small trace otel-driver makes.

Each FILE is one JSON document (a POST body) or, with --jsonl, JSON lines
(the file exporter). Prints what it checked; exit 0 when everything holds,
1 with the first failure otherwise.
"""
import argparse
import json
import re
import sys
import time

HEX32 = re.compile(r"^[0-9a-f]{32}$")
HEX16 = re.compile(r"^[0-9a-f]{16}$")
DEC = re.compile(r"^-?[0-9]+$")


def fail(msg):
    print("otlp_check: FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def check_attrs(attrs, where):
    check(isinstance(attrs, list), where + ": attributes is not a list")
    for a in attrs:
        check(isinstance(a.get("key"), str) and a["key"], where + ": attribute without key")
        v = a.get("value")
        check(isinstance(v, dict) and len(v) == 1, where + ": attribute %r value %r" % (a["key"], v))
        (kind, val), = v.items()
        check(kind in ("stringValue", "intValue"), where + ": unexpected value kind " + kind)
        if kind == "intValue":
            check(isinstance(val, str) and DEC.match(val), where + ": intValue %r not a decimal string" % val)
        else:
            check(isinstance(val, str), where + ": stringValue not a string")
    return {a["key"]: list(a["value"].values())[0] for a in attrs}


def check_doc(doc, where, service):
    spans = []
    rs = doc.get("resourceSpans")
    check(isinstance(rs, list) and rs, where + ": no resourceSpans")
    for r in rs:
        res = check_attrs(r.get("resource", {}).get("attributes"), where + " resource")
        check(res.get("service.name") == service,
              where + ": service.name %r, want %r" % (res.get("service.name"), service))
        check(res.get("service.version"), where + ": no service.version")
        ss = r.get("scopeSpans")
        check(isinstance(ss, list) and ss, where + ": no scopeSpans")
        for s in ss:
            scope = s.get("scope", {})
            check(isinstance(scope.get("name"), str) and scope["name"], where + ": scope without name")
            check(isinstance(scope.get("version"), str), where + ": scope without version")
            check(isinstance(s.get("spans"), list) and s["spans"], where + ": empty spans")
            spans.extend(s["spans"])
    now = time.time_ns()
    for sp in spans:
        w = "%s span %r" % (where, sp.get("name"))
        check(isinstance(sp.get("name"), str) and sp["name"], where + ": span without name")
        check(HEX32.match(sp.get("traceId", "")), w + ": traceId %r" % sp.get("traceId"))
        check(HEX16.match(sp.get("spanId", "")), w + ": spanId %r" % sp.get("spanId"))
        if "parentSpanId" in sp:
            check(HEX16.match(sp["parentSpanId"]), w + ": parentSpanId %r" % sp["parentSpanId"])
        check(isinstance(sp.get("kind"), int) and 1 <= sp["kind"] <= 5, w + ": kind %r" % sp.get("kind"))
        for k in ("startTimeUnixNano", "endTimeUnixNano"):
            check(isinstance(sp.get(k), str) and DEC.match(sp[k]), w + ": %s %r" % (k, sp.get(k)))
        st, en = int(sp["startTimeUnixNano"]), int(sp["endTimeUnixNano"])
        check(st <= en, w + ": ends before it starts")
        check(abs(now - st) < 3600 * 10**9, w + ": start time not within an hour of now")
        sp["_attrs"] = check_attrs(sp.get("attributes", []), w)
        check(isinstance(sp.get("status"), dict), w + ": no status object")
    return spans


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--jsonl", action="store_true", help="files hold one document per line")
    ap.add_argument("--service", required=True, help="expected service.name")
    ap.add_argument("--spans", type=int, required=True, help="expected number of spans in all")
    ap.add_argument("--min-docs", type=int, default=1, help="at least this many documents (default 1)")
    ap.add_argument("--traceparent", required=True, help="the root span's traceparent (otel-driver prints it)")
    ap.add_argument("--remote-parent", help="span id the root must name as its parent (default: none)")
    args = ap.parse_args()

    spans, docs = [], 0
    for path in args.files:
        with open(path) as f:
            texts = [l for l in f.read().splitlines() if l.strip()] if args.jsonl else [f.read()]
        for i, text in enumerate(texts):
            try:
                doc = json.loads(text)
            except ValueError as e:
                fail("%s:%d: not JSON: %s" % (path, i + 1, e))
            docs += 1
            spans += check_doc(doc, "%s:%d" % (path, i + 1), args.service)
    check(docs >= args.min_docs, "%d documents, want at least %d" % (docs, args.min_docs))
    check(len(spans) == args.spans, "%d spans, want %d" % (len(spans), args.spans))

    _, tid, root_id, _ = args.traceparent.split("-")
    by_id = {}
    for sp in spans:
        check(sp["traceId"] == tid, "span %r in trace %s, want %s" % (sp["name"], sp["traceId"], tid))
        check(sp["spanId"] not in by_id, "duplicate spanId " + sp["spanId"])
        by_id[sp["spanId"]] = sp
    root = by_id.get(root_id)
    check(root is not None, "no span with the root's id " + root_id)
    check(root["name"] == "POST /api/v1/auth/login" and root["kind"] == 2, "root is %r kind %r" % (root["name"], root["kind"]))
    check(root["_attrs"].get("http.status_code") == "200", "root http.status_code %r" % root["_attrs"].get("http.status_code"))
    if args.remote_parent:
        check(root.get("parentSpanId") == args.remote_parent,
              "root parentSpanId %r, want the remote %s" % (root.get("parentSpanId"), args.remote_parent))
    else:
        check("parentSpanId" not in root, "a new trace's root has parentSpanId")
    for sp in spans:
        if sp is root:
            continue
        parent = by_id.get(sp.get("parentSpanId"))
        check(parent is not None, "span %r has no parent in the trace" % sp["name"])
        check(int(sp["startTimeUnixNano"]) >= int(parent["startTimeUnixNano"]) and
              int(sp["endTimeUnixNano"]) <= int(parent["endTimeUnixNano"]),
              "span %r is not inside its parent %r in time" % (sp["name"], parent["name"]))
    named = {sp["name"]: sp for sp in spans}
    for name, kind, parent in (("db.get_user_by_username", 3, root["name"]),
                               ("db.step", 1, "db.get_user_by_username"),
                               ("bcrypt.verify", 1, root["name"]),
                               ("cache.refresh", 1, root["name"])):
        sp = named.get(name)
        check(sp is not None, "no span named " + name)
        check(sp["kind"] == kind, "%s kind %r, want %d" % (name, sp["kind"], kind))
        check(by_id[sp["parentSpanId"]]["name"] == parent, "%s is not a child of %s" % (name, parent))
    check(named["cache.refresh"]["status"] == {"code": 2, "message": "stale"},
          "cache.refresh status %r" % named["cache.refresh"]["status"])
    check(named["bcrypt.verify"]["_attrs"].get("bcrypt.cost") == "12", "bcrypt.verify lacks bcrypt.cost=12")
    print("otlp_check: ok: %d documents, %d spans in trace %s, root %s, every parent link resolves"
          % (docs, len(spans), tid, root_id))


if __name__ == "__main__":
    main()
