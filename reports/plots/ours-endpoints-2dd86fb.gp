# ours-endpoints-2dd86fb.gp — written by analyze report; run `gnuplot ours-endpoints-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 2 17 15000
"GET /api/v1/attackers" 2 16 52
"GET /api/v1/deckies" 2 16 19000
"GET /api/v1/logs?limit=50" 2 16 25
"GET /api/v1/bounty" 1 17 50
"GET /api/v1/logs?search=ssh&limit=100" 2 14 30
"GET /api/v1/logs/histogram" 2 13 28
"GET /api/v1/attackers?search=brute&sort_by=recent" 3 13 28
"GET /api/v1/logs?limit=*&offset=*" 1.9028 16.227 54.9388
"GET /api/v1/health" 2 21000 22000
EOD
set title "2dd86fb: p50/p95/p99 of the 10 busiest endpoints"
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
set output 'ours-endpoints-2dd86fb.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-endpoints-2dd86fb.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
