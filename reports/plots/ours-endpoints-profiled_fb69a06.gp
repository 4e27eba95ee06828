# ours-endpoints-profiled_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-profiled_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.052078 9 23
"GET /api/v1/attackers" 0.057786 8 18
"GET /api/v1/logs?limit=50" 0.135712 8 19
"GET /api/v1/deckies" 0.04727 7 28
"GET /api/v1/bounty" 0.044396 8 20
"GET /api/v1/logs?search=ssh&limit=100" 0.199647 8 25
"GET /api/v1/logs/histogram" 0.04736 9 42
"GET /api/v1/logs?limit=*&offset=*" 0.256972 8.0982 42.894
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.172817 9 28
"GET /api/v1/health" 0.061421 9 41000
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
