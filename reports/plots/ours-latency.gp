# ours-latency.gp — written by analyze report; run `gnuplot ours-latency.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 5 8100 19000
"2dd86fb" 2 13000 23000
"255c2e5" 0.051396 10000 15000
"e967aaa" 0.04754 4800 16000
"fb69a06" 1 26 17000
"1500_fb69a06" 1 27000 43000
"1500_notracing_fb69a06" 0.05434 20000 37000
"1500_notracing_12_workers_fb69a06" 16000 42000 45000
"1500_notracing_single_core_fb69a06" 24000 48000 50000
"profiled_fb69a06" 0.044396 4100 40000
EOD
set title "p50 / p95 / p99 per profile"
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
set output 'ours-latency.png'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-latency.svg'
plot $data using (clamp1($2)):xtic(1) title 'p50', '' using (clamp1($3)) title 'p95', '' using (clamp1($4)) title 'p99'
set output
