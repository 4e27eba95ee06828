# ours-endpoints-255c2e5.gp — written by analyze report; run `gnuplot ours-endpoints-255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.057065 4 30000
"GET /api/v1/attackers" 0.075102 4 30000
"GET /api/v1/deckies" 0.058387 4 30000
"GET /api/v1/logs?limit=50" 0.146267 5 30000
"GET /api/v1/bounty" 0.054852 4 30000
"GET /api/v1/logs?search=ssh&limit=100" 0.191514 4 30000
"GET /api/v1/logs/histogram" 0.057355 4 30000
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.172286 4 30000
"GET /api/v1/logs?limit=*&offset=*" 0.189642 4.18995 30000.7
"GET /api/v1/health" 0.071317 3300 35000
EOD
set title "255c2e5: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-255c2e5.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-255c2e5.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
