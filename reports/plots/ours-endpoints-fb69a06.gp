# ours-endpoints-fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.149 3.847 5.431
"GET /api/v1/logs?limit=50" 0.309 3.933 5.307
"GET /api/v1/attackers" 0.18 3.715 5.047
"GET /api/v1/deckies" 0.142 3.761 5.503
"GET /api/v1/bounty" 0.15 3.763 5.175
"GET /api/v1/logs/histogram" 0.149 3.711 4.799
"GET /api/v1/logs?search=ssh&limit=100" 0.427 4.063 5.531
"GET /api/v1/logs?limit=*&offset=*" 0.175271 3.37789 4.59386
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.399 3.953 4.887
"GET /api/v1/health" 0.169 3944.45 8249.34
EOD
set title "fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("stats" 0, "logs?limit=5\n0" 1, "attackers" 2, "deckies" 3, "bounty" 4, "logs/histogr\nam" 5, "logs?search=\nssh&limit=10\n0" 6, "logs?limit=*\n&offset=*" 7, "attackers?\nsearch=brute\n&sort_by=..." 8, "health" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
