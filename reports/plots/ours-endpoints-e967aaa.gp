# ours-endpoints-e967aaa.gp — written by analyze report; run `gnuplot ours-endpoints-e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.050725 11 32
"GET /api/v1/attackers" 0.051727 12 28
"GET /api/v1/logs?limit=50" 0.048463 10 19
"GET /api/v1/deckies" 0.050856 13 39
"GET /api/v1/bounty" 0.051837 10 27
"GET /api/v1/logs/histogram" 0.052057 11 30
"GET /api/v1/logs?search=ssh&limit=100" 1 13 29
"GET /api/v1/attackers?search=brute&sort_by=recent" 1 10 24
"GET /api/v1/logs?limit=*&offset=*" 0.45104 9.78078 17.9211
"GET /api/v1/config" 0.048463 10 22
EOD
set title "e967aaa: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-e967aaa.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-e967aaa.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
