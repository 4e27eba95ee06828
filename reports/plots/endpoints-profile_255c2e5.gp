# endpoints-profile_255c2e5.gp — written by analyze report; run `gnuplot endpoints-profile_255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"POST /api/v1/auth/login [on_start]" 132000 150000 185000
"GET /api/v1/stats" 41 3700 48000
"GET /api/v1/deckies" 54 4200 11000
"GET /api/v1/logs?limit=50" 990 197000 201000
"GET /api/v1/attackers" 740 200000 203000
"GET /api/v1/logs?search=ssh&limit=100" 1400 157000 167000
"GET /api/v1/health" 41 1400 141000
"GET /api/v1/bounty" 94 54000 157000
"GET /api/v1/attackers?search=brute&sort_by=recent" 1200 56000 154000
"GET /api/v1/logs/histogram" 70 189000 189000
EOD
set title "profile_255c2e5: p50/p95/p99 of the 10 busiest endpoints"
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
set xtics ("POST /api/\nv1/auth/\nlogin [on..." 0, "GET /api/v1/\nstats" 1, "GET /api/v1/\ndeckies" 2, "GET /api/v1/\nlogs?limit=5\n0" 3, "GET /api/v1/\nattackers" 4, "GET /api/v1/\nlogs?search=\nssh&limit..." 5, "GET /api/v1/\nhealth" 6, "GET /api/v1/\nbounty" 7, "GET /api/v1/\nattackers?\nsearch=br..." 8, "GET /api/v1/\nlogs/histogr\nam" 9) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_255c2e5.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_255c2e5.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
