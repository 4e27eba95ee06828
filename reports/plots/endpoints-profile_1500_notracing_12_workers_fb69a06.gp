# endpoints-profile_1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot endpoints-profile_1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/attackers" 860 2800 3800
"GET /api/v1/deckies" 440 1000 2900
"GET /api/v1/bounty" 490 1600 3000
"GET /api/v1/logs/histogram" 470 1200 2300
"GET /api/v1/attackers?search=brute&sort_by=recent" 1000 3100 4100
"GET /api/v1/config" 540 2000 3600
"GET /api/v1/health" 610 2100 4200
"POST /api/v1/auth/login" 1200 3200 6300
"GET /api/v1/logs?limit=*&offset=*" 919.211 3185.22 4189.93
"POST /api/v1/auth/login [on_start]" 4400 12000 15000
EOD
set title "profile_1500_notracing_12_workers_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("GET /api/v1/\nattackers" 0, "GET /api/v1/\ndeckies" 1, "GET /api/v1/\nbounty" 2, "GET /api/v1/\nlogs/histogr\nam" 3, "GET /api/v1/\nattackers?\nsearch=br..." 4, "GET /api/v1/\nconfig" 5, "GET /api/v1/\nhealth" 6, "POST /api/\nv1/auth/\nlogin" 7, "GET /api/v1/\nlogs?limit=*\n&offset=*" 8, "POST /api/\nv1/auth/\nlogin [on..." 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_1500_notracing_12_workers_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_1500_notracing_12_workers_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
