# ours-latency.gp — written by analyze report; run `gnuplot ours-latency.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 0.036995 1 590
"2dd86fb" 0.035182 1 4
"255c2e5" 0.036604 1 6
"e967aaa" 0.036114 1 4
"fb69a06" 0.043284 9 9600
"1500_fb69a06" 0.041892 390 31000
"1500_notracing_fb69a06" 0.046369 28 30000
"1500_notracing_12_workers_fb69a06" 16000 43000 46000
"1500_notracing_single_core_fb69a06" 2 36000 45000
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
