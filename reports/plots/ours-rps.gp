# ours-rps.gp — written by analyze report; run `gnuplot ours-rps.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 1223.32
"2dd86fb" 39.3703
"255c2e5" 1227.81
"e967aaa" 195.054
"fb69a06" 87.587
"1500_fb69a06" 40.3165
"1500_notracing_fb69a06" 99.3439
"1500_notracing_12_workers_fb69a06" 5.32099
"1500_notracing_single_core_fb69a06" 9.83033
"profiled_fb69a06" 16.9503
EOD
set title "Requests per second per profile"
set ylabel "RPS"
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.7
set xtics rotate by -30 left font ',8'
set grid ytics
set yrange [0:*]
set offsets 0,0,graph 0.08,0
set bmargin 9
set rmargin 16
set terminal pngcairo noenhanced size 1000,560
set output 'ours-rps.png'
plot $data using 2:xtic(1) notitle lc rgb '#4472c4', '' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 font ',9' notitle
set terminal svg noenhanced size 1000,560
set output 'ours-rps.svg'
plot $data using 2:xtic(1) notitle lc rgb '#4472c4', '' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 font ',9' notitle
set output
