# ours-endpoints-2dd86fb.gp — written by analyze report; run `gnuplot ours-endpoints-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.112 4.103 30013.9
"GET /api/v1/attackers" 0.126 4.171 30001.3
"GET /api/v1/logs?limit=50" 0.228 4.379 30015.5
"GET /api/v1/deckies" 0.116 4.069 30001.4
"GET /api/v1/bounty" 0.114 4.107 30014.1
"GET /api/v1/logs/histogram" 0.105 3.779 30004.9
"GET /api/v1/logs?search=ssh&limit=100" 0.316 4.199 30013.8
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.291 5.947 30001.5
"GET /api/v1/logs?limit=*&offset=*" 0.137494 3.97531 14833.4
"GET /api/v1/health" 0.129 2813.95 30001.3
EOD
set title "2dd86fb: p50/p95/p99 of the 10 busiest endpoints"
set ylabel 'ms (log scale)'
set logscale y
set yrange [0.1:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set grid ytics
set key outside right top
set bmargin 6
set rmargin 16
atfloor(x) = x < 0.1 ? 0.1 : x
set xlabel "GET /api/v1/..." font ',9'
set xtics ("stats" 0, "attackers" 1, "logs?limit=5\n0" 2, "deckies" 3, "bounty" 4, "logs/histogr\nam" 5, "logs?search=\nssh&limit=10\n0" 6, "attackers?\nsearch=brute\n&sort_by=..." 7, "logs?limit=*\n&offset=*" 8, "health" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-2dd86fb.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-2dd86fb.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
