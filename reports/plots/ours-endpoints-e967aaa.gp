# ours-endpoints-e967aaa.gp — written by analyze report; run `gnuplot ours-endpoints-e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.105 3.811 30001.4
"GET /api/v1/attackers" 0.148 4.147 30001.1
"GET /api/v1/deckies" 0.114 4.107 30003.2
"GET /api/v1/logs?limit=50" 0.261 4.303 30001.9
"GET /api/v1/bounty" 0.108 4.033 30001.2
"GET /api/v1/logs?search=ssh&limit=100" 0.368 3.807 30001
"GET /api/v1/logs/histogram" 0.103 4.347 30001.7
"GET /api/v1/logs?limit=*&offset=*" 0.14804 4.30816 30000.6
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.357 5.059 30006.6
"GET /api/v1/health" 0.121 2834.43 30001.4
EOD
set title "e967aaa: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("stats" 0, "attackers" 1, "deckies" 2, "logs?limit=5\n0" 3, "bounty" 4, "logs?search=\nssh&limit=10\n0" 5, "logs/histogr\nam" 6, "logs?limit=*\n&offset=*" 7, "attackers?\nsearch=brute\n&sort_by=..." 8, "health" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-e967aaa.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-e967aaa.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
