# ours-latency.gp — written by analyze report; run `gnuplot ours-latency.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 1 1600 30000
"2dd86fb" 0.054241 3500 30000
"255c2e5" 0.054852 3800 30000
"e967aaa" 0.045949 3400 30000
"fb69a06" 0.049994 5 8600
"1500_fb69a06" 0.044847 6 28000
"1500_notracing_fb69a06" 0.039519 5 29000
"1500_notracing_12_workers_fb69a06" 6200 37000 41000
"1500_notracing_single_core_fb69a06" 0.036003 31000 44000
"profiled_fb69a06" 0.044886 6 28000
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
