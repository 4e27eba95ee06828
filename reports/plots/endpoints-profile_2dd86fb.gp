# endpoints-profile_2dd86fb.gp — written by analyze report; run `gnuplot endpoints-profile_2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 110 93000 178000
"GET /api/v1/logs?limit=50" 220 144000 198000
"GET /api/v1/attackers" 170 141000 197000
"GET /api/v1/deckies" 170 80000 136000
"POST /api/v1/auth/login [on_start]" 3500 171000 233000
"GET /api/v1/bounty" 100 117000 192000
"GET /api/v1/logs/histogram" 130 107000 176000
"GET /api/v1/logs?search=ssh&limit=100" 290 133000 171000
"GET /api/v1/logs?limit=*&offset=*" 170.4 85233 194000
"GET /api/v1/attackers?search=brute&sort_by=recent" 230 124000 190000
EOD
set title "profile_2dd86fb: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("GET /api/v1/\nstats" 0, "GET /api/v1/\nlogs?limit=5\n0" 1, "GET /api/v1/\nattackers" 2, "GET /api/v1/\ndeckies" 3, "POST /api/\nv1/auth/\nlogin [on..." 4, "GET /api/v1/\nbounty" 5, "GET /api/v1/\nlogs/histogr\nam" 6, "GET /api/v1/\nlogs?search=\nssh&limit..." 7, "GET /api/v1/\nlogs?limit=*\n&offset=*" 8, "GET /api/v1/\nattackers?\nsearch=br..." 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_2dd86fb.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_2dd86fb.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
