# ours-endpoints-3106d03.gp — written by analyze report; run `gnuplot ours-endpoints-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.041581 860 2200
"GET /api/v1/attackers" 0.041011 4 12
"GET /api/v1/logs?limit=50" 0.042864 4 12
"GET /api/v1/deckies" 0.04045 990 2300
"GET /api/v1/bounty" 0.038527 4 11
"GET /api/v1/logs/histogram" 0.042072 4 10
"GET /api/v1/logs?search=ssh&limit=100" 0.042594 4 10
"GET /api/v1/logs?limit=*&offset=*" 0.14157 5.12912 14.159
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.043174 4 11
"GET /api/v1/config" 0.044607 4 10
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
