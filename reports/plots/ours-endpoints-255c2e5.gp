# ours-endpoints-255c2e5.gp — written by analyze report; run `gnuplot ours-endpoints-255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.146 4.077 30001.6
"GET /api/v1/attackers" 0.193 3.989 30015.5
"GET /api/v1/deckies" 0.146 4.175 30002.8
"GET /api/v1/logs?limit=50" 0.318 5.375 30005.1
"GET /api/v1/bounty" 0.144 3.911 30001.5
"GET /api/v1/logs?search=ssh&limit=100" 0.443 4.379 30001.3
"GET /api/v1/logs/histogram" 0.144 4.127 30001.4
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.403 4.419 30001.5
"GET /api/v1/logs?limit=*&offset=*" 0.189642 4.18995 30000.7
"GET /api/v1/health" 0.17 3346.43 35291.1
EOD
set title "255c2e5: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("stats" 0, "attackers" 1, "deckies" 2, "logs?limit=5\n0" 3, "bounty" 4, "logs?search=\nssh&limit=10\n0" 5, "logs/histogr\nam" 6, "attackers?\nsearch=brute\n&sort_by=..." 7, "logs?limit=*\n&offset=*" 8, "health" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-255c2e5.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-255c2e5.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
