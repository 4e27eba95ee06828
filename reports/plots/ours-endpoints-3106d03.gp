# ours-endpoints-3106d03.gp — written by analyze report; run `gnuplot ours-endpoints-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.037716 1 1000
"GET /api/v1/logs?limit=50" 0.038397 1 2
"GET /api/v1/attackers" 0.038587 1 3
"GET /api/v1/deckies" 0.0404 1 1100
"GET /api/v1/bounty" 0.038828 0 2
"GET /api/v1/logs?search=ssh&limit=100" 0.04031 1 3
"GET /api/v1/logs/histogram" 0.036995 1 3
"GET /api/v1/logs?limit=*&offset=*" 0.099157 1 3.84472
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.041542 1 3
"GET /api/v1/health" 0.038628 1 1100
EOD
set title "3106d03: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-3106d03.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-3106d03.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
