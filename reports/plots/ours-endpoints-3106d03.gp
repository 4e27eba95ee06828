# ours-endpoints-3106d03.gp — written by analyze report; run `gnuplot ours-endpoints-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"GET /api/v1/stats" 1500 9800 17000
"GET /api/v1/attackers" 1 15 39
"GET /api/v1/logs?limit=50" 2 18 41
"GET /api/v1/deckies" 1600 16000 19000
"GET /api/v1/bounty" 1 21 40
"GET /api/v1/logs?search=ssh&limit=100" 2 21 47
"GET /api/v1/logs/histogram" 2 26 46
"GET /api/v1/attackers?search=brute&sort_by=recent" 2 15 42
"GET /api/v1/logs?limit=*&offset=*" 1.59871 15.936 36.0905
"GET /api/v1/health" 1400 6300 17000
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
