# ours-endpoints-1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 24772.6 44498.9 46858.2
"GET /api/v1/stats" 0.2 3.955 4.299
"GET /api/v1/attackers" 0.248 4.167 4.875
"GET /api/v1/logs?limit=50" 0.359 4.215 4.439
"GET /api/v1/deckies" 0.201 3.919 4.315
"GET /api/v1/bounty" 0.171 4.131 4.863
"GET /api/v1/logs/histogram" 0.174 3.871 4.223
"GET /api/v1/logs?search=ssh&limit=100" 0.484 4.319 5.099
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.436 4.119 4.427
"GET /api/v1/logs?limit=*&offset=*" 0.300297 4.08899 4.45728
EOD
set title "1500_notracing_single_core_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("POST /api/\nv1/auth/\nlogin [on..." 0, "GET /api/v1/\nstats" 1, "GET /api/v1/\nattackers" 2, "GET /api/v1/\nlogs?limit=5\n0" 3, "GET /api/v1/\ndeckies" 4, "GET /api/v1/\nbounty" 5, "GET /api/v1/\nlogs/histogr\nam" 6, "GET /api/v1/\nlogs?search=\nssh&limit..." 7, "GET /api/v1/\nattackers?\nsearch=br..." 8, "GET /api/v1/\nlogs?limit=*\n&offset=*" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_single_core_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_single_core_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
