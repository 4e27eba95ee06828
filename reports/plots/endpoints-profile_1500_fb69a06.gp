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
set xtics rotate by -30 left font ',8'
set grid ytics
set key outside right top
set bmargin 9
set rmargin 16
clamp1(x) = x < 1 ? 1 : x
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_1500_fb69a06.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_1500_fb69a06.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
