# ours-endpoints-1500_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.125 3.547 5.151
"GET /api/v1/attackers" 0.165 3.511 4.667
"GET /api/v1/logs?limit=50" 0.303 3.795 4.871
"GET /api/v1/deckies" 0.127 3.877 5.379
"GET /api/v1/bounty" 0.121 3.493 4.743
"GET /api/v1/logs/histogram" 0.121 3.351 4.327
"GET /api/v1/logs?search=ssh&limit=100" 0.426 3.601 5.059
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.395 3.899 5.363
"GET /api/v1/logs?limit=*&offset=*" 0.158206 3.26317 4.47031
"GET /api/v1/health" 0.154 5.551 28868.6
EOD
set title "1500_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-1500_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
