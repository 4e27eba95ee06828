# ours-endpoints-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 16990.2 38993.9 41615.4
"POST /api/v1/auth/change-password" 26296.3 39682 42434.6
"GET /api/v1/attackers" 0.693 24.639 30.993
"GET /api/v1/logs?limit=50" 2.053 20.511 22.6
"GET /api/v1/logs?search=ssh&limit=100" 0.591 36.031 168.15
"GET /api/v1/deckies" 0.438 27.375 22129.7
"GET /api/v1/bounty" 0.294 26.863 43.979
"GET /api/v1/logs?limit=*&offset=*" 0.270231 26.1713 27.9698
"GET /api/v1/logs/histogram" 2.577 30.079 37.012
"GET /api/v1/attackers?search=brute&sort_by=recent" 1.909 20.879 38.604
EOD
set title "1500_notracing_12_workers_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("POST /api/\nv1/auth/\nlogin [on..." 0, "POST /api/\nv1/auth/\nchange-pa..." 1, "GET /api/v1/\nattackers" 2, "GET /api/v1/\nlogs?limit=5\n0" 3, "GET /api/v1/\nlogs?search=\nssh&limit..." 4, "GET /api/v1/\ndeckies" 5, "GET /api/v1/\nbounty" 6, "GET /api/v1/\nlogs?limit=*\n&offset=*" 7, "GET /api/v1/\nlogs/histogr\nam" 8, "GET /api/v1/\nattackers?\nsearch=br..." 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_12_workers_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_12_workers_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
