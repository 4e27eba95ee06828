# latency.gp — written by analyze report; run `gnuplot latency.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"profile_3106d0313507f016_locust" 740 87000 187000
"profile_255c2e5" 6700 150000 186000
"profile_2dd86fb" 240 134000 194000
"profile_e967aaa" 300 1600 2200
"profile_fb69a06" 100 1900 2900
"profile_1500_fb69a06" 690 6500 9500
"profile_1500_notracing_fb69a06" 340 5700 8400
"profile_1500_notracing_12_workers_fb69a06" 700 2700 4200
"profile_1500_notracing_single_core_fb69a06" 270 115000 122000
EOD
set title "p50 / p95 / p99 per profile"
set ylabel 'ms (log scale)'
set logscale y
set yrange [1:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set grid ytics
set key outside right top
set bmargin 6
set rmargin 16
atfloor(x) = x < 1 ? 1 : x
set xtics ("3106d0313507\nf016_locust" 0, "255c2e5" 1, "2dd86fb" 2, "e967aaa" 3, "fb69a06" 4, "1500_fb69a06" 5, "1500_notraci\nng_fb69a06" 6, "1500_notraci\nng_12_worker\ns_fb69a06" 7, "1500_notraci\nng_single_\ncore_fb69a06" 8) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'latency.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'latency.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
