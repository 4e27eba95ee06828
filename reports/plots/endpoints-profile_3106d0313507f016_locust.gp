# endpoints-profile_3106d0313507f016_locust.gp — written by analyze report; run `gnuplot endpoints-profile_3106d0313507f016_locust.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 400 92000 201000
"GET /api/v1/attackers" 870 121000 194000
"GET /api/v1/logs?limit=50" 520 101000 195000
"GET /api/v1/deckies" 420 52000 119000
"GET /api/v1/bounty" 1100 97000 177000
"GET /api/v1/logs/histogram" 920 78000 159000
"POST /api/v1/auth/login [on_start]" 1400 18000 25000
"GET /api/v1/logs?search=ssh&limit=100" 810 84000 183000
"GET /api/v1/attackers?search=brute&sort_by=recent" 700 135000 194000
"GET /api/v1/logs?limit=*&offset=*" 868.663 88841 190690
EOD
set title "profile_3106d0313507f016_locust: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("GET /api/v1/\nstats" 0, "GET /api/v1/\nattackers" 1, "GET /api/v1/\nlogs?limit=5\n0" 2, "GET /api/v1/\ndeckies" 3, "GET /api/v1/\nbounty" 4, "GET /api/v1/\nlogs/histogr\nam" 5, "POST /api/\nv1/auth/\nlogin [on..." 6, "GET /api/v1/\nlogs?search=\nssh&limit..." 7, "GET /api/v1/\nattackers?\nsearch=br..." 8, "GET /api/v1/\nlogs?limit=*\n&offset=*" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_3106d0313507f016_locust.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_3106d0313507f016_locust.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
