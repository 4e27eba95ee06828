# ours-endpoints-1500_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.05404 5 8
"GET /api/v1/deckies" 0.057785 5 8
"GET /api/v1/logs?limit=50" 1 7 14
"GET /api/v1/attackers" 0.085037 5 18
"POST /api/v1/auth/login [on_start]" 25000 45000 47000
"GET /api/v1/bounty" 0.066349 5 9
"GET /api/v1/logs/histogram" 0.061422 6 20
"GET /api/v1/logs?search=ssh&limit=100" 1 6 8
"GET /api/v1/attackers?search=brute&sort_by=recent" 1 4 8
"GET /api/v1/logs?limit=*&offset=*" 0.342209 3.48133 6.47122
EOD
set title "1500_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-1500_fb69a06.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_fb69a06.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
