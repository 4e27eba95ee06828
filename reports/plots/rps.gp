# rps.gp — written by analyze report; run `gnuplot rps.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"profile_3106d0313507f016_locust" 5.5
"profile_255c2e5" 2.3
"profile_2dd86fb" 2.4
"profile_e967aaa" 934.3
"profile_fb69a06" 963.6
"profile_1500_fb69a06" 880.4
"profile_1500_notracing_fb69a06" 992.7
"profile_1500_notracing_12_workers_fb69a06" 1585.1
"profile_1500_notracing_single_core_fb69a06" 46.2
EOD
set title "Requests per second per profile"
set ylabel "RPS (log scale)"
set logscale y
set yrange [1:*]
set xtics ("3106d0313507\nf016_locust" 0, "255c2e5" 1, "2dd86fb" 2, "e967aaa" 3, "fb69a06" 4, "1500_fb69a06" 5, "1500_notraci\nng_fb69a06" 6, "1500_notraci\nng_12_worker\ns_fb69a06" 7, "1500_notraci\nng_single_\ncore_fb69a06" 8) font ',8' nomirror
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.7
set grid ytics
set offsets 0,0,graph 0.08,0
set bmargin 6
set rmargin 16
set terminal pngcairo noenhanced size 1000,560
set output 'rps.png'
plot $data using 2 notitle lc rgb '#4472c4', '' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 font ',9' notitle
set terminal svg noenhanced size 1000,560
set output 'rps.svg'
plot $data using 2 notitle lc rgb '#4472c4', '' using 0:2:(sprintf('%g', $2)) with labels offset 0,0.8 font ',9' notitle
set output
