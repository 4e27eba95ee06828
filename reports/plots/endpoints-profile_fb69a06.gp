# endpoints-profile_fb69a06.gp — written by analyze report; run `gnuplot endpoints-profile_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/attackers" 570 2200 3000
"GET /api/v1/deckies" 17 99 1100
"GET /api/v1/bounty" 19 1400 2100
"GET /api/v1/logs/histogram" 18 720 1500
"GET /api/v1/attackers?search=brute&sort_by=recent" 830 2600 3600
"GET /api/v1/config" 21 1400 2400
"GET /api/v1/health" 23 1200 2000
"POST /api/v1/auth/login" 200 630 1200
"GET /api/v1/logs?limit=*&offset=*" 586.358 2300 3013.22
"POST /api/v1/auth/login [on_start]" 350 510 730
EOD
set title "profile_fb69a06: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'endpoints-profile_fb69a06.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_fb69a06.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
