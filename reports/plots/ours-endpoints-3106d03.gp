# ours-endpoints-3106d03.gp — written by analyze report; run `gnuplot ours-endpoints-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 912.383 1545.21 30009
"GET /api/v1/deckies" 879.615 1612.8 30014.8
"GET /api/v1/attackers" 0.185 4.115 30015.5
"GET /api/v1/logs?limit=50" 0.334 3.759 30015.5
"GET /api/v1/bounty" 0.205 4.031 30015.5
"GET /api/v1/logs?search=ssh&limit=100" 0.391 4.081 30013.1
"GET /api/v1/logs/histogram" 0.262 3.905 30002.5
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.371 4.751 30015.5
"GET /api/v1/logs?limit=*&offset=*" 0.216011 4.70779 30001.1
"GET /api/v1/health" 897.535 1662.97 30001.3
EOD
set title "3106d03: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("stats" 0, "deckies" 1, "attackers" 2, "logs?limit=5\n0" 3, "bounty" 4, "logs?search=\nssh&limit=10\n0" 5, "logs/histogr\nam" 6, "attackers?\nsearch=brute\n&sort_by=..." 7, "logs?limit=*\n&offset=*" 8, "health" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-3106d03.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-3106d03.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
