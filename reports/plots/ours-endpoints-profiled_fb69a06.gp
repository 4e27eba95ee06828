# ours-endpoints-profiled_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-profiled_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.103 3.327 5.023
"GET /api/v1/attackers" 0.133 3.539 4.739
"GET /api/v1/logs?limit=50" 0.258 3.559 4.595
"GET /api/v1/deckies" 0.103 3.311 5.175
"GET /api/v1/bounty" 0.104 3.295 4.403
"GET /api/v1/logs?search=ssh&limit=100" 0.366 3.691 4.795
"GET /api/v1/logs/histogram" 0.1 3.151 4.471
"GET /api/v1/logs?limit=*&offset=*" 0.130024 2.77724 4.18782
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.344 3.765 4.951
"GET /api/v1/health" 0.124 4.255 28819.5
EOD
set title "profiled_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("stats" 0, "attackers" 1, "logs?limit=5\n0" 2, "deckies" 3, "bounty" 4, "logs?search=\nssh&limit=10\n0" 5, "logs/histogr\nam" 6, "logs?limit=*\n&offset=*" 7, "attackers?\nsearch=brute\n&sort_by=..." 8, "health" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-profiled_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-profiled_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
