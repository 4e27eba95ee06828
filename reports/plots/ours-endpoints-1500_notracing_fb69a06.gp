# ours-endpoints-1500_notracing_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.128 3.947 5.247
"GET /api/v1/attackers" 0.166 3.725 4.919
"GET /api/v1/logs?limit=50" 0.298 3.883 4.759
"GET /api/v1/deckies" 0.131 3.957 5.435
"GET /api/v1/bounty" 0.133 3.799 5.047
"GET /api/v1/logs/histogram" 0.127 3.699 4.975
"GET /api/v1/logs?search=ssh&limit=100" 0.412 3.959 5.179
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.391 4.263 5.999
"GET /api/v1/logs?limit=*&offset=*" 0.158335 3.21565 4.80585
"GET /api/v1/health" 0.161 4.395 28868.6
EOD
set title "1500_notracing_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-1500_notracing_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
