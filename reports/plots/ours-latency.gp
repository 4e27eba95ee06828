# ours-latency.gp — written by analyze report; run `gnuplot ours-latency.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
"3106d03" 0.634 1569.79 30015.5
"2dd86fb" 0.178 3520.51 30015.5
"255c2e5" 0.244 3774.46 30015.5
"e967aaa" 0.193 3424.26 30015.5
"fb69a06" 0.226 4.767 8634.37
"1500_fb69a06" 0.208 5.675 28491.8
"1500_notracing_fb69a06" 0.214 5.395 28786.7
"1500_notracing_12_workers_fb69a06" 6209.53 37093.4 41287.7
"1500_notracing_single_core_fb69a06" 0.387 31309.8 44204
"profiled_fb69a06" 0.18 5.575 28491.8
"1500_notracing_mariadb_fb69a06" 0.487 11.455 30785.5
EOD
set title "p50 / p95 / p99 per profile"
set ylabel 'ms (log scale)'
set logscale y
set yrange [0.1:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set grid ytics
set key outside right top
set bmargin 6
set rmargin 16
atfloor(x) = x < 0.1 ? 0.1 : x
set xtics ("3106d03" 0, "2dd86fb" 1, "255c2e5" 2, "e967aaa" 3, "fb69a06" 4, "1500_fb69a06" 5, "1500_notraci\nng_fb69a06" 6, "1500_notraci\nng_12_worker\ns_fb69a06" 7, "1500_notraci\nng_single_\ncore_fb69a06" 8, "profiled_\nfb69a06" 9, "1500_notraci\nng_mariadb_\nfb69a06" 10) font ',8' nomirror
set terminal pngcairo noenhanced size 1000,560
set output 'ours-latency.png'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set terminal svg noenhanced size 1000,560
set output 'ours-latency.svg'
plot $data using (atfloor($2)) title 'p50', '' using (atfloor($3)) title 'p95', '' using (atfloor($4)) title 'p99'
set output
