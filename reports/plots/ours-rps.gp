# ours-rps.gp — written by analyze report; run `gnuplot ours-rps.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 83.3963
"2dd86fb" 76.4512
"255c2e5" 76.3515
"e967aaa" 72.6728
"fb69a06" 279.693
"1500_fb69a06" 197.873
"1500_notracing_fb69a06" 208.125
"1500_notracing_12_workers_fb69a06" 12.8508
"1500_notracing_single_core_fb69a06" 27.1008
"profiled_fb69a06" 196.926
"1500_notracing_mariadb_fb69a06" 179.134
EOD
set title "Requests per second per profile"
set ylabel "RPS"
set yrange [0:*]
set xtics ("3106d03" 0, "2dd86fb" 1, "255c2e5" 2, "e967aaa" 3, "fb69a06" 4, "1500_fb69a06" 5, "1500_notraci\nng_fb69a06" 6, "1500_notraci\nng_12_worker\ns_fb69a06" 7, "1500_notraci\nng_single_\ncore_fb69a06" 8, "profiled_\nfb69a06" 9, "1500_notraci\nng_mariadb_\nfb69a06" 10) font ',8' nomirror
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.7
set grid ytics
set offsets 0,0,graph 0.08,0
set bmargin 6
set rmargin 16
set terminal pngcairo noenhanced size 1000,560
set output 'ours-rps.png'
plot $data using 2 notitle lc rgb '#4472c4', '' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 font ',9' notitle
set terminal svg noenhanced size 1000,560
set output 'ours-rps.svg'
plot $data using 2 notitle lc rgb '#4472c4', '' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 font ',9' notitle
set output
