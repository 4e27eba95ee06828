# ours-endpoints-fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.06049 13 44
"GET /api/v1/attackers" 0.073299 10 19
"GET /api/v1/logs?limit=50" 1 9 19
"GET /api/v1/deckies" 0.059559 12 10000
"GET /api/v1/bounty" 0.064606 11 23
"GET /api/v1/logs/histogram" 0.056083 10 16
"GET /api/v1/logs?search=ssh&limit=100" 1 15 23
"GET /api/v1/attackers?search=brute&sort_by=recent" 1 10 18
"GET /api/v1/logs?limit=*&offset=*" 0.454095 9.75469 25.9251
"GET /api/v1/health" 1 15000 18000
EOD
set title "fb69a06: p50/p95/p99 of the 10 busiest endpoints"
set ylabel 'ms (log scale)'
set logscale y
set yrange [1:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set xtics rotate by -30 left font ',8'
set grid ytics
set key outside right top
set bmargin 9
set rmargin 16
clamp1(x) = x < 1 ? 1 : x
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-fb69a06.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-fb69a06.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
