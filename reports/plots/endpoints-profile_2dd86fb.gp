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
set xtics rotate by -30 left font ',8'
set grid ytics
set key outside right top
set bmargin 9
set rmargin 16
clamp1(x) = x < 1 ? 1 : x
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_2dd86fb.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_2dd86fb.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
