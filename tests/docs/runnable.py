#!/usr/bin/env python3
"""runnable.py — run every fenced shell block of README.md and docs/*.md that
is marked runnable, as written, so the docs stay true.

The marker is an HTML comment on the line right before the opening fence:

    <!-- runnable -->
    ```sh
    build/bin/loadgen --version
    ```

Each block runs as one `bash -euo pipefail` script, from a scratch folder
that looks like the source tree (every top-level entry linked, `build`
linked to the build folder under test), so relative paths work and files a
command writes land in the scratch folder. A block fails the test when it
exits non-zero or runs past 120 s. A marker not followed by a ```sh or
```bash fence is an error too, and so is finding no runnable block at all.

usage: runnable.py SOURCE_DIR BUILD_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

MARKER = "<!-- runnable -->"
FENCE = re.compile(r"^```(sh|bash)\s*$")


def blocks(path):
    """(line of the fence, text) for each marked block of path; errors too."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found, errors = [], []
    i = 0
    while i < len(lines):
        if lines[i].strip() != MARKER:
            i += 1
            continue
        if i + 1 >= len(lines) or not FENCE.match(lines[i + 1].strip()):
            errors.append("%s:%d: %s is not followed by a ```sh fence" % (path, i + 1, MARKER))
            i += 1
            continue
        start = i + 2
        end = start
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        if end == len(lines):
            errors.append("%s:%d: unclosed fence" % (path, i + 2))
            break
        found.append((i + 2, "\n".join(lines[start:end]) + "\n"))
        i = end + 1
    return found, errors


def scratch(src, build):
    """A folder whose entries link to the source tree's, with build -> build."""
    d = tempfile.mkdtemp(prefix="lb-docs.")
    for name in os.listdir(src):
        if name == ".git" or name.startswith("build"):
            continue
        os.symlink(os.path.join(src, name), os.path.join(d, name))
    os.symlink(build, os.path.join(d, "build"))
    return d


def main():
    src, build = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    files = [os.path.join(src, "README.md")]
    docs = os.path.join(src, "docs")
    files += sorted(os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".md"))
    failed, ran = [], 0
    for path in files:
        found, errors = blocks(path)
        rel = os.path.relpath(path, src)
        failed += [e.replace(path, rel) for e in errors]
        for line, text in found:
            ran += 1
            work = scratch(src, build)
            try:
                p = subprocess.run(["bash", "-euo", "pipefail", "-c", text], cwd=work,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   timeout=120)
                out, rc = p.stdout.decode(errors="replace"), p.returncode
            except subprocess.TimeoutExpired as e:
                out, rc = (e.stdout or b"").decode(errors="replace"), "timeout (120 s)"
            subprocess.run(["rm", "-rf", work])
            where = "%s:%d" % (rel, line)
            if rc != 0:
                failed.append("%s: exit %s\n%s\n--- output ---\n%s" % (where, rc, text, out[-2000:]))
                print("FAIL: %s" % where)
            else:
                print("ok: %s (%d line%s)" % (where, text.count("\n"), "s" if text.count("\n") > 1 else ""))
    if ran == 0:
        failed.append("no runnable block found (mark one with %s)" % MARKER)
    for f in failed:
        print("FAIL: " + f, file=sys.stderr)
    print("%d runnable block(s), %d failed" % (ran, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
