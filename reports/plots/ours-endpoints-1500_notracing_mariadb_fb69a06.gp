# ours-endpoints-1500_notracing_mariadb_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_mariadb_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.164 3.827 7.579
"GET /api/v1/logs?limit=50" 0.813 4.971 8.399
"GET /api/v1/attackers" 0.525 4.567 7.371
"GET /api/v1/deckies" 0.156 3.709 6.987
"GET /api/v1/bounty" 0.154 3.711 5.851
"GET /api/v1/logs?search=ssh&limit=100" 1.159 6.999 9.839
"GET /api/v1/logs/histogram" 0.155 3.759 7.623
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.72 5.683 9.575
"GET /api/v1/logs?limit=100&offset=*" 0.642 4.783 8.087
"GET /api/v1/config" 0.148 3.475 5.055
EOD
set title "1500_notracing_mariadb_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("stats" 0, "logs?limit=5\n0" 1, "attackers" 2, "deckies" 3, "bounty" 4, "logs?search=\nssh&limit=10\n0" 5, "logs/histogr\nam" 6, "attackers?\nsearch=brute\n&sort_by=..." 7, "logs?limit=1\n00&offset=*" 8, "config" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_mariadb_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_mariadb_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
