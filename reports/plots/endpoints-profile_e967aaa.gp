# endpoints-profile_e967aaa.gp — written by analyze report; run `gnuplot endpoints-profile_e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/attackers" 750 1400 1700
"GET /api/v1/deckies" 2 20 420
"GET /api/v1/bounty" 2 980 1400
"GET /api/v1/logs/histogram" 2 460 710
"GET /api/v1/attackers?search=brute&sort_by=recent" 1400 1900 2300
"GET /api/v1/health" 6 680 910
"GET /api/v1/config" 4 780 1500
"POST /api/v1/auth/login" 170 670 850
"GET /api/v1/logs?limit=*&offset=*" 766.231 1454.51 1956.13
"POST /api/v1/auth/login [on_start]" 280 560 780
EOD
set title "profile_e967aaa: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'endpoints-profile_e967aaa.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_e967aaa.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
