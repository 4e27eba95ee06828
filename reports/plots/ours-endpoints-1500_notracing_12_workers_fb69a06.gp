# ours-endpoints-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 17000 39000 42000
"POST /api/v1/auth/change-password" 26000 40000 42000
"GET /api/v1/attackers" 1 25 31
"GET /api/v1/logs?limit=50" 2 21 23
"GET /api/v1/logs?search=ssh&limit=100" 1 36 170
"GET /api/v1/deckies" 0.076844 27 22000
"GET /api/v1/bounty" 0.072628 27 44
"GET /api/v1/logs?limit=*&offset=*" 0.270231 26.1713 27.9698
"GET /api/v1/logs/histogram" 3 30 37
"GET /api/v1/attackers?search=brute&sort_by=recent" 2 21 39
EOD
set title "1500_notracing_12_workers_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-1500_notracing_12_workers_fb69a06.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_12_workers_fb69a06.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
