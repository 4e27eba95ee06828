# ours-endpoints-profiled_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-profiled_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.046099 3 5
"GET /api/v1/attackers" 0.06107 4 5
"GET /api/v1/logs?limit=50" 0.139667 4 5
"GET /api/v1/deckies" 0.048872 3 5
"GET /api/v1/bounty" 0.044886 3 4
"GET /api/v1/logs?search=ssh&limit=100" 0.180769 4 5
"GET /api/v1/logs/histogram" 0.048782 3 4
"GET /api/v1/logs?limit=*&offset=*" 0.130024 2.77724 4.18782
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.132367 4 5
"GET /api/v1/health" 0.057205 4 29000
EOD
set title "profiled_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-profiled_fb69a06.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-profiled_fb69a06.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
