#!/usr/bin/env python3
"""png_bands.py — what a headless-Chromium screenshot shows, for report_html.sh.

Decodes an 8-bit RGB/RGBA PNG (what Chromium writes; zlib only, no PIL), then
prints two numbers: the share of pixels that are not near-white (is the page
blank?) and the number of vertical bands of rows holding chart colours (the
gnuplot palette: bars #4472c4, p50 #9400d3, p95 #009e73, p99 #56b4e9), two
bands being apart when more than GAP rows without such colours lie between them.
One visible chart is one band.

usage: png_bands.py FILE.png
"""
import struct
import sys
import zlib

GAP = 150
PALETTE = [(0x44, 0x72, 0xC4), (0x94, 0x00, 0xD3), (0x00, 0x9E, 0x73), (0x56, 0xB4, 0xE9)]


def decode(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), "need 8-bit RGB or RGBA"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev, o = [], bytearray(stride), 0
    for _ in range(h):
        f, line = raw[o], bytearray(raw[o + 1:o + 1 + stride])
        o += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def main():
    w, h, bpp, rows = decode(sys.argv[1])
    ink, chart_rows = 0, []
    for y, line in enumerate(rows):
        hit = False
        for x in range(0, w * bpp, 3 * bpp):   # every third column: fast enough, same answer
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 235 or g < 235 or b < 235:
                ink += 1
                if not hit:
                    for pr, pg, pb in PALETTE:
                        if abs(r - pr) < 24 and abs(g - pg) < 24 and abs(b - pb) < 24:
                            hit = True
                            break
        if hit:
            chart_rows.append(y)
    bands, last = 0, None
    for y in chart_rows:
        if last is None or y - last > GAP:
            bands += 1
        last = y
    print("%.4f %d" % (ink / float(((w + 2) // 3) * h), bands))


main()
