# ours-endpoints-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 16000 41000 43000
"POST /api/v1/auth/change-password" 24000 44000 47000
"GET /api/v1/attackers" 7 30 30
"GET /api/v1/logs?limit=50" 12 55 55
"GET /api/v1/attackers?search=brute&sort_by=recent" 20 44 44
"GET /api/v1/logs?search=ssh&limit=100" 4 14 14
"GET /api/v1/deckies" 14 43 43
"GET /api/v1/logs?limit=*&offset=*" 39.0045 48.33 48.33
"GET /api/v1/bounty" 2 13 13
"GET /api/v1/config" 2 7 7
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
