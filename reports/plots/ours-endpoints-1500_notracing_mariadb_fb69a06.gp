# ours-endpoints-1500_notracing_mariadb_fb69a06.gp — written by analyze report; run `gnuplot ours-endpoints-1500_notracing_mariadb_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.129 3.629 11.943
"GET /api/v1/attackers" 0.514 5.159 8.107
"GET /api/v1/deckies" 0.131 3.281 6.531
"GET /api/v1/logs?limit=50" 0.842 6.035 12.463
"GET /api/v1/bounty" 0.125 4.279 12.047
"POST /api/v1/auth/login [on_start]" 24477.7 42106.9 43581.4
"GET /api/v1/logs?search=ssh&limit=100" 0.971 9.319 19.375
"GET /api/v1/logs/histogram" 0.121 3.797 7.759
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.699 7.975 24.415
"GET /api/v1/logs?limit=100&offset=*" 0.603 7.371 15.631
EOD
set title "1500_notracing_mariadb_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("GET /api/v1/\nstats" 0, "GET /api/v1/\nattackers" 1, "GET /api/v1/\ndeckies" 2, "GET /api/v1/\nlogs?limit=5\n0" 3, "GET /api/v1/\nbounty" 4, "POST /api/\nv1/auth/\nlogin [on..." 5, "GET /api/v1/\nlogs?search=\nssh&limit..." 6, "GET /api/v1/\nlogs/histogr\nam" 7, "GET /api/v1/\nattackers?\nsearch=br..." 8, "GET /api/v1/\nlogs?limit=1\n00&offset=*" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_mariadb_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-1500_notracing_mariadb_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
