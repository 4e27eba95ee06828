#!/usr/bin/env python3
"""check_layers.py SRC_ROOT — the include rules of docs/architecture.md, checked from the
`#include "..."` lines of every .c/.h file.

1. Folders: common/ includes no other folder of the project; otel/ only common/; loadgen/ and
   refserver/ only themselves, common/ and otel/; analyze/ only itself and common/.
2. refserver's layers run one way, top to bottom:
       process (refserver/*.c|h) > http/ > api/ > store/ > runtime/ | lens/ > config.h
   A file may include headers of its own layer or of a lower one. runtime/ and lens/ are
   leaves: besides themselves they include only config.h (plain settings data).
3. No two units (a .c and its .h) of a folder include each other in a circle.

Before checking SRC_ROOT it checks two small trees it writes itself, one clean and one with an
upward include, a leaf crossing and a circle, so a checker that stopped finding anything fails.
Exit 0 when clean, 1 with one line per violation."""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
FOLDERS = {"common": {"common"}, "otel": {"otel", "common"},
           "loadgen": {"loadgen", "common", "otel"},
           "refserver": {"refserver", "common", "otel"},
           "analyze": {"analyze", "common"}}
RANK = {"process": 5, "http": 4, "api": 3, "store": 2, "runtime": 1, "lens": 1, "base": 0}
LEAVES = {"runtime", "lens"}


def sources(root):
    for top in FOLDERS:
        for dp, _, fs in os.walk(os.path.join(root, top)):
            for f in sorted(fs):
                if f.endswith((".c", ".h")):
                    yield top, os.path.join(dp, f)


def resolve(root, path, name):
    """The project file a quoted include names (as the compiler's search order finds it:
    the including file's folder, then each folder's include root), or None (system header)."""
    for base in [os.path.dirname(path)] + [os.path.join(root, t) for t in FOLDERS]:
        cand = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(cand):
            return cand
    return None


def layer(root, path):
    rel = os.path.relpath(path, os.path.join(root, "refserver")).split(os.sep)
    if len(rel) == 1:
        return "base" if rel[0] == "config.h" else "process"
    return rel[0]


def cycles(edges):
    """Strongly connected components of more than one unit (Tarjan, iterative-safe depth)."""
    sys.setrecursionlimit(10000)
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def check(root):
    errors, edges = [], {}
    for top, path in sources(root):
        rel = os.path.relpath(path, root)
        unit = os.path.splitext(rel)[0]
        with open(path, errors="replace") as fh:
            names = INCLUDE.findall(fh.read())
        for name in names:
            target = resolve(root, path, name)
            if target is None:
                continue
            trel = os.path.relpath(target, root)
            ttop = trel.split(os.sep)[0]
            if ttop not in FOLDERS[top]:
                errors.append(f"{rel}: includes {trel}: {top}/ may include only "
                              f"{', '.join(sorted(FOLDERS[top]))}")
                continue
            tunit = os.path.splitext(trel)[0]
            if ttop == top and tunit != unit:
                edges.setdefault(unit, set()).add(tunit)
            if top == "refserver" and ttop == "refserver":
                a, b = layer(root, path), layer(root, target)
                if a in LEAVES and b not in (a, "base"):
                    errors.append(f"{rel}: includes {trel}: {a}/ is a leaf layer")
                elif RANK[b] > RANK[a]:
                    errors.append(f"{rel}: includes {trel}: {b} is above {a}")
    for comp in cycles(edges):
        errors.append("include circle: " + " <-> ".join(comp))
    return errors


def write_tree(root, files):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            fh.write(text)


def self_test():
    clean = {"refserver/config.h": "", "refserver/store/db.h": '#include "config.h"\n',
             "refserver/api/h.c": '#include "store/db.h"\n#include "lb.h"\n',
             "refserver/lens/t.h": '#include "config.h"\n', "common/lb.h": "#include <stdio.h>\n"}
    bad = dict(clean)
    bad.update({"refserver/store/db.c": '#include "api/up.h"\n',          # upward
                "refserver/api/up.h": "",
                "refserver/lens/t.c": '#include "runtime/p.h"\n',         # leaf crossing
                "refserver/runtime/p.h": "",
                "loadgen/a.h": '#include "b.h"\n', "loadgen/b.h": '#include "a.h"\n',  # circle
                "common/x.c": '#include "a.h"\n'})                                       # common -> program
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        write_tree(d1, clean)
        write_tree(d2, bad)
        ok = check(d1)
        found = check(d2)
    want = ["store/db.c: includes refserver/api/up.h: api is above store",
            "lens/t.c: includes refserver/runtime/p.h: lens/ is a leaf",
            "include circle: loadgen/a <-> loadgen/b",
            "common/x.c: includes loadgen/a.h: common/ may include only common"]
    missing = [w for w in want if not any(w in e for e in found)]
    if ok or missing or len(found) != len(want):
        print("check_layers.py self-test failed:", ok, missing, found, file=sys.stderr)
        return False
    return True


def main():
    if len(sys.argv) != 2:
        print("usage: check_layers.py SRC_ROOT", file=sys.stderr)
        return 2
    if not self_test():
        return 1
    errors = check(sys.argv[1])
    for e in errors:
        print(e)
    print(f"layering: {len(errors)} violation(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
