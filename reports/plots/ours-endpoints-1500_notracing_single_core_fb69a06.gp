# ours-endpoints-1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 25000 44000 47000
"GET /api/v1/stats" 0.059048 4 4
"GET /api/v1/attackers" 0.088792 4 5
"GET /api/v1/logs?limit=50" 0.1948 4 4
"GET /api/v1/deckies" 0.036003 4 4
"GET /api/v1/bounty" 0.063705 4 5
"GET /api/v1/logs/histogram" 0.06081 4 4
"GET /api/v1/logs?search=ssh&limit=100" 0.216973 4 5
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.188851 4 4
"GET /api/v1/logs?limit=*&offset=*" 0.300297 4.08899 4.45728
EOD
set title "1500_notracing_single_core_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-1500_notracing_single_core_fb69a06.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_single_core_fb69a06.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
