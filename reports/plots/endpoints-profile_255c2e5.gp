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
set xtics rotate by -30 left font ',8'
set grid ytics
set key outside right top
set bmargin 9
set rmargin 16
clamp1(x) = x < 1 ? 1 : x
set terminal pngcairo noenhanced size 1000,560
set output 'endpoints-profile_255c2e5.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'endpoints-profile_255c2e5.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
