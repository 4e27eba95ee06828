# ours-rps.gp — written by analyze report; run `gnuplot ours-rps.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 62.3539
"2dd86fb" 61.6422
"255c2e5" 86.9568
"e967aaa" 66.8636
"fb69a06" 110.054
"1500_fb69a06" 38.916
"1500_notracing_fb69a06" 81.4031
"1500_notracing_12_workers_fb69a06" 6.21714
"1500_notracing_single_core_fb69a06" 2.56473
"profiled_fb69a06" 101.457
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
