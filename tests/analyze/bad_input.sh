#!/usr/bin/env bash
# bad_input.sh — every kind of bad input exits 2 with a message naming file (and line or
# option), and a failed report never replaces a good one.
source "$(dirname "$0")/lib.sh"
P=$PROFILES
H=$(head -1 "$P/profile_255c2e5.csv")
D=$TMP/bad; mkdir -p "$D"
: >"$D/empty.csv"
printf 'foo,bar\n1,2\n' >"$D/unknown.csv"
{ echo "$H"; printf 'GET\t/a\t1\t0\t5\n'; } >"$D/ragged.csv"
{ echo "$H"; printf 'GET\t/a\tabc\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/nonnum.csv"
{ echo "$H"; printf 'GET\t/a\t-5\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/negative.csv"
{ echo "$H"; printf 'GET\t/a\tN/A\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/na.csv"
{ echo "$H"; printf 'GET\t/a\t5\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/noagg.csv"
# What no Locust file holds (issue 13): more failures than requests, two
# Aggregated rows, a NUL byte, invalid UTF-8; and a directory is no empty file.
{ echo "$H"; printf 'GET\t/a\t5\t6\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/failgt.csv"
{ echo "$H"; for i in 1 2; do printf '\tAggregated\t5\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; done; } >"$D/twoagg.csv"
{ echo "$H"; printf 'GET\t/\0a\t5\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/nul.csv"
{ echo "$H"; printf 'GET\t/\xff\t5\t0\t5\t6\t7\t8\t1\t9\t43\t0\t0\n'; } >"$D/utf8.csv"
mkdir -p "$D/empty file"

for sub in table compare; do
  other=$P/profile_255c2e5.csv
  args() { if [ "$sub" = table ]; then echo "$1"; else echo "$other $1"; fi; }
  # shellcheck disable=SC2046
  expect_rc 2 "$AZ" $sub $(args "$D/missing.csv");  expect_err "$D/missing.csv: No such file"
  expect_rc 2 "$AZ" $sub $(args "$D/empty.csv");    expect_err "$D/empty.csv:1: empty file"
  expect_rc 2 "$AZ" $sub $(args "$D/unknown.csv");  expect_err "$D/unknown.csv:1: unknown header"
  expect_rc 2 "$AZ" $sub $(args "$D/ragged.csv");   expect_err "$D/ragged.csv:2:"
  expect_rc 2 "$AZ" $sub $(args "$D/nonnum.csv");   expect_err "$D/nonnum.csv:2:3:"
  expect_rc 2 "$AZ" $sub $(args "$D/negative.csv"); expect_err "$D/negative.csv:2:3: negative"
  expect_rc 2 "$AZ" $sub $(args "$D/na.csv");       expect_err "$D/na.csv:2:3:"
  expect_rc 2 "$AZ" $sub $(args "$D/noagg.csv");    expect_err "$D/noagg.csv:2: file ends without an Aggregated row"
  expect_rc 2 "$AZ" $sub $(args "$D/failgt.csv");   expect_err "$D/failgt.csv:2: failure count 6 exceeds request count 5"
  expect_rc 2 "$AZ" $sub $(args "$D/twoagg.csv");   expect_err "$D/twoagg.csv:3: second Aggregated row"
  expect_rc 2 "$AZ" $sub $(args "$D/nul.csv");      expect_err "$D/nul.csv:2:6: NUL byte"
  expect_rc 2 "$AZ" $sub $(args "$D/utf8.csv");     expect_err "$D/utf8.csv:2:6: invalid UTF-8"
done
# (outside the loop: args() splits on spaces)
expect_rc 2 "$AZ" table "$D/empty file";   expect_err "$D/empty file: is a directory"

# Usage errors name the option.
expect_rc 2 "$AZ";                                   expect_err 'usage: analyze SUBCOMMAND'
expect_rc 2 "$AZ" frobnicate;                        expect_err "unknown subcommand 'frobnicate'"
expect_rc 2 "$AZ" table --format tsv "$P/profile_255c2e5.csv"; expect_err "option --format: 'tsv' is not md or csv"
expect_rc 2 "$AZ" table --bogus "$P/profile_255c2e5.csv";      expect_err 'see analyze table --help'
expect_rc 2 "$AZ" table;                             expect_err 'no profile files given'
expect_rc 2 "$AZ" compare "$P/profile_255c2e5.csv";  expect_err 'needs exactly two runs'
expect_rc 2 "$AZ" compare --top x "$P/profile_255c2e5.csv" "$P/profile_255c2e5.csv"; expect_err "option --top: 'x'"
expect_rc 2 "$AZ" report --manifest "$SRC/profiles/decnet.manifest"; expect_err '--manifest and --out are required'

# --help on each subcommand documents every option with its default.
expect_rc 0 "$AZ" --help; expect_out 'gate      CI regression gate'
expect_rc 0 "$AZ" table --help;   for o in --manifest --data-dir --format; do expect_out "$o"; done
expect_rc 0 "$AZ" compare --help; for o in --format --group-names '--top N' 'default: 20'; do expect_out "$o"; done
expect_rc 0 "$AZ" gate --help
for o in '--max-rps-drop PCT' '(default: 10)' '(default: 20)' '(default: 30)' '(default: 0.01' '--alpha' '(default: 0.05)' --allow-new-failures; do expect_out "$o"; done
expect_rc 0 "$AZ" report --help;  for o in --manifest --out --data-dir --group-names '(default: 10' --gnuplot; do expect_out "$o"; done

# Manifest errors name file and line.
printf '[profile a]\nfile = a.csv\ncolour = red\n' >"$D/m1.manifest"
expect_rc 2 "$AZ" table --manifest "$D/m1.manifest"; expect_err "$D/m1.manifest:3: unknown key 'colour'"
printf '[profile a]\nfile = noagg.csv\n' >"$D/m2.manifest"
expect_rc 2 "$AZ" table --manifest "$D/m2.manifest"; expect_err "$D/noagg.csv:2: file ends without an Aggregated row"

# A failed report leaves the good one in place, byte for byte.
OUT=$TMP/report
expect_rc 0 "$AZ" report --manifest "$SRC/profiles/decnet.manifest" --data-dir "$P" --out "$OUT" --gnuplot /nonexistent/gnuplot
before=$(cd "$OUT" && find . -type f | sort | xargs md5sum)
cp "$P/profile_255c2e5.csv" "$D/profile_255c2e5.csv"
cp "$D/ragged.csv" "$D/profile_2dd86fb.csv"
printf '[profile good]\nfile = profile_255c2e5.csv\n[profile bad]\nfile = profile_2dd86fb.csv\n' >"$D/m3.manifest"
expect_rc 2 "$AZ" report --manifest "$D/m3.manifest" --out "$OUT"
expect_err "$D/profile_2dd86fb.csv:2:"
after=$(cd "$OUT" && find . -type f | sort | xargs md5sum)
[ "$before" = "$after" ] || fail "a failed report changed $OUT"; ok
ls -d "$TMP"/report.* >/dev/null 2>&1 && fail "temporary report folders left behind"; ok
printf '[profile good]\nfile = profile_255c2e5.csv\n' >"$D/m4.manifest"
expect_rc 2 "$AZ" report --manifest "$D/m4.manifest" --out "$TMP/no/such/parent"
expect_err "$TMP/no/such/parent: cannot create a temporary folder"
done_checks
