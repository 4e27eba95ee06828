#!/usr/bin/env bash
# report_html.sh (live) — `analyze report --html` rendered by headless Chromium: the page is
# not blank, every chart of the Markdown is an inline SVG in the rendered DOM with drawing in
# it and shows up on screen in the chart colours, the tables carry the runs' numbers, and
# nothing is fetched (no script, no external URL). Two of the committed runs (with _hdr.csv
# and history) make a six-chart report.
source "$(dirname "$0")/lib.sh"
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || fail "chromium not installed (scripts/install-deps)"
cat >"$TMP/m.manifest" <<'M'
[profile tracing-on]
file   = 1500_fb69a06_stats.csv
users  = 300
config = tracing ON
[profile tracing-off]
file   = 1500_notracing_fb69a06_stats.csv
users  = 300
config = tracing OFF
[compare tracing]
a = tracing-on
b = tracing-off
M
expect_rc 0 "$AZ" report --manifest "$TMP/m.manifest" --data-dir "$SRC/profiles/runs" --out "$TMP/r" --html
page=$TMP/r/Performance-Story.html
[ -s "$page" ] || fail "no Performance-Story.html"; ok
# self-contained: no script, no URL but the SVG namespaces, no <img>/<link> to fetch
grep -qi '<script' "$page" && fail "the page has a script"; ok
grep -oE '(src|href)="[a-z]+:[^"]*' "$page" | grep -v 'href="#' && fail "the page points outside itself"; ok
grep -oE 'https?://[^"<> ]*' "$page" | grep -vE '^http://www.w3.org/(2000/svg|1999/xlink)$' &&
    fail "the page names a URL"; ok

run_chrome() {   # run_chrome ARGS...: headless, its own profile folder, at most 90 s
    timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$TMP/chrome" "$@" 2>>"$TMP/chrome.log"
}
run_chrome --dump-dom "file://$page" >"$TMP/dom.html" || fail "chromium --dump-dom failed"
charts=$(grep -c '^!\[' "$TMP/r/Performance-Story.md")
[ "$charts" -eq 6 ] || fail "expected 6 charts in the Markdown, got $charts"; ok
python3 - "$TMP/dom.html" "$charts" "$AZ" "$SRC/profiles/runs" <<'PY' || fail "rendered DOM"
import html.parser, subprocess, sys
dom, want, az, runs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.figs, self.cur, self.cells, self.in_td, self.text = [], None, [], False, []
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "figure":
            self.cur = {"id": a.get("id"), "svg": None, "paths": 0}
            self.figs.append(self.cur)
        elif tag == "svg" and self.cur is not None and self.cur["svg"] is None:
            self.cur["svg"] = (a.get("width"), a.get("height"))
        elif tag in ("path", "rect", "polyline") and self.cur is not None:
            self.cur["paths"] += 1
        elif tag == "td":
            self.in_td, self.text = True, []
    def handle_endtag(self, tag):
        if tag == "figure":
            self.cur = None
        elif tag == "td":
            self.cells.append("".join(self.text).strip())
            self.in_td = False
    def handle_data(self, d):
        if self.in_td:
            self.text.append(d)

p = P()
p.feed(open(dom, encoding="utf-8").read())
assert len(p.figs) == want, "%d figures in the DOM, want %d" % (len(p.figs), want)
for f in p.figs:
    w, h = f["svg"] or (None, None)
    assert w and h and float(w) > 100 and float(h) > 100, "figure %s: no sized <svg>" % f["id"]
    assert f["paths"] >= 10, "figure %s: only %d drawn elements" % (f["id"], f["paths"])
# the headline numbers of both runs, as analyze table computes them, are in table cells
for run in ("1500_fb69a06", "1500_notracing_fb69a06"):
    row = subprocess.run([az, "table", "--format", "csv", "%s/%s_stats.csv" % (runs, run)],
                         capture_output=True, text=True, check=True).stdout.splitlines()[1].split(",")
    req = "{:,}".format(int(row[3]))
    assert req in p.cells, "requests %s of %s not in a table cell" % (req, run)
nums = [c for c in p.cells if c.replace(",", "").replace(".", "").replace("%", "").lstrip("+-").isdigit()]
assert len(nums) > 50, "only %d numeric cells" % len(nums)
print("dom: %d figures, %d numeric cells" % (len(p.figs), len(nums)))
PY
ok
# on screen: not blank, and at least one band of chart colours per chart
run_chrome --window-size=1000,12000 --screenshot="$TMP/page.png" "file://$page" >/dev/null ||
    fail "chromium --screenshot failed"
read -r ink bands < <(python3 "$SRC/tests/analyze/png_bands.py" "$TMP/page.png")
echo "screenshot: ink share $ink, chart bands $bands"
awk -v i="$ink" 'BEGIN { exit !(i > 0.01) }' || fail "the page looks blank (ink $ink)"; ok
[ "$bands" -ge "$charts" ] || fail "$bands chart bands on screen for $charts charts"; ok

# loadgen --html FILE: one run's page
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$TMP" >/dev/null 2>&1 &
srv=$!
trap 'kill $srv 2>/dev/null; wait $srv 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
lrc=0
"$LB_BIN_DIR/loadgen" -u 2 -t 2s --only-summary --csv "$TMP/lg" --html "$TMP/lg.html" \
    "http://127.0.0.1:$port/" "http://127.0.0.1:$port/missing" >/dev/null 2>&1 || lrc=$?
[ "$lrc" -eq 1 ] || fail "loadgen exit $lrc (want 1: /missing fails)"; ok
grep -qi '<script' "$TMP/lg.html" && fail "loadgen's page has a script"; ok
run_chrome --dump-dom "file://$TMP/lg.html" >"$TMP/lgdom.html" || fail "chromium on loadgen's page"
python3 - "$TMP/lgdom.html" "$TMP/lg_stats.csv" <<'PY' || fail "loadgen's rendered page"
import csv, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
figs = re.findall(r'<figure id="([^"]+)">\s*<svg[^>]*width="(\d+)"', dom)
assert [f for f, _ in figs] == ["fig-latency", "fig-requests"], figs
assert all(int(w) > 100 for _, w in figs)
assert dom.count("<rect") > 10, "charts without bars"
for row in csv.DictReader(open(sys.argv[2])):
    cell = '<td>%s</td><td class="n">%s</td>' % (row["Name"], row["Request Count"])
    assert cell in dom, "no row %s" % cell
print("loadgen page: 2 charts, every _stats.csv row's request count")
PY
ok
done_checks
