# endpoints-profile_1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot endpoints-profile_1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 64000 121000 124000
"GET /api/v1/logs?limit=50" 110 3200 4400
"GET /api/v1/attackers" 93 2800 3700
"GET /api/v1/bounty" 36 2100 3100
"GET /api/v1/logs?search=ssh&limit=100" 210 3000 4300
"GET /api/v1/logs/histogram" 37 1200 2900
"GET /api/v1/attackers?search=brute&sort_by=recent" 170 3400 4500
"GET /api/v1/logs?limit=*&offset=*" 104.013 3423.03 4518.84
"GET /api/v1/stats" 8800 121000 123000
"GET /api/v1/deckies" 12000 119000 120000
EOD
set title "profile_1500_notracing_single_core_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
set ylabel 'ms (log scale)'
set logscale y
set yrange [1:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set grid ytics
set key outside right top
set bmargin 6
set rmargin 16
atfloor(x) = x < 1 ? 1 : x
set xtics ("POST /api/\nv1/auth/\nlogin [on..." 0, "GET /api/v1/\nlogs?limit=5\n0" 1, "GET /api/v1/\nattackers" 2, "GET /api/v1/\nbounty" 3, "GET /api/v1/\nlogs?search=\nssh&limit..." 4, "GET /api/v1/\nlogs/histogr\nam" 5, "GET /api/v1/\nattackers?\nsearch=br..." 6, "GET /api/v1/\nlogs?limit=*\n&offset=*" 7, "GET /api/v1/\nstats" 8, "GET /api/v1/\ndeckies" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_1500_notracing_single_core_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_1500_notracing_single_core_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
