# endpoints-profile_1500_fb69a06.gp — written by analyze report; run `gnuplot endpoints-profile_1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/attackers" 2200 7300 10000
"GET /api/v1/deckies" 14 370 5400
"GET /api/v1/bounty" 38 4800 6500
"GET /api/v1/logs/histogram" 22 4400 7000
"GET /api/v1/attackers?search=brute&sort_by=recent" 2700 8400 12000
"GET /api/v1/health" 850 4900 7200
"GET /api/v1/config" 890 6200 9500
"POST /api/v1/auth/login" 340 3500 6600
"GET /api/v1/logs?limit=*&offset=*" 2309.31 8110.79 10797.3
"POST /api/v1/auth/login [on_start]" 680 1800 2900
EOD
set title "profile_1500_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("GET /api/v1/\nattackers" 0, "GET /api/v1/\ndeckies" 1, "GET /api/v1/\nbounty" 2, "GET /api/v1/\nlogs/histogr\nam" 3, "GET /api/v1/\nattackers?\nsearch=br..." 4, "GET /api/v1/\nhealth" 5, "GET /api/v1/\nconfig" 6, "POST /api/\nv1/auth/\nlogin" 7, "GET /api/v1/\nlogs?limit=*\n&offset=*" 8, "POST /api/\nv1/auth/\nlogin [on..." 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_1500_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_1500_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
