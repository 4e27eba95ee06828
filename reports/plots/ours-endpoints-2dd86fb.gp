# ours-endpoints-2dd86fb.gp — written by analyze report; run `gnuplot ours-endpoints-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 0.062383 4 30000
"GET /api/v1/attackers" 0.067661 4 30000
"GET /api/v1/logs?limit=50" 0.134931 4 30000
"GET /api/v1/deckies" 0.061221 4 30000
"GET /api/v1/bounty" 0.054241 4 30000
"GET /api/v1/logs/histogram" 0.058056 4 30000
"GET /api/v1/logs?search=ssh&limit=100" 0.186637 4 30000
"GET /api/v1/attackers?search=brute&sort_by=recent" 0.163273 6 30000
"GET /api/v1/logs?limit=*&offset=*" 0.137494 3.97531 14833.4
"GET /api/v1/health" 0.072538 3300 30000
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
