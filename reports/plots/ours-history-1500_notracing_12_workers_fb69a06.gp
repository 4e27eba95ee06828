# ours-history-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 8 0 0
1 24 0 0
2 45 0 0
3 60 0 2900
4 75 0 3400
5 86 0 3400
6 105 0 3400
7 113 3.2 6000
8 135 3.2 6100
9 150 3.42857 6900
10 165 3.42857 7200
11 180 3.875 7800
12 195 4 7700
13 210 4.4 7900
14 225 5.9 7900
15 233 6.4 9800
16 255 6.4 9800
17 270 6.7 12000
18 285 6.7 15000
19 300 6.7 15000
20 300 7 15000
21 300 7.2 15000
22 300 8.1 15000
23 300 7.6 16000
24 300 7.6 16000
25 300 6.6 17000
26 300 7.2 18000
27 300 7.2 18000
28 300 7.8 19000
29 300 8.3 19000
30 300 7.9 21000
31 300 7.5 21000
32 300 6.3 21000
33 300 6.7 22000
34 300 6.7 24000
35 300 6.7 24000
36 300 6.1 24000
37 300 7.3 24000
38 300 6.2 25000
39 300 6 25000
40 300 5.5 26000
41 300 5.4 26000
42 300 5.3 27000
43 300 5 28000
44 300 4.9 30000
45 300 5.1 32000
46 300 4.5 32000
47 300 4.1 33000
48 300 4.6 33000
49 300 5.8 33000
50 300 5.9 33000
51 300 5.7 33000
52 300 5.8 34000
53 300 6.2 35000
54 300 5.9 36000
55 300 5.7 36000
56 300 6.1 37000
57 300 5.7 39000
58 300 5 39000
59 300 4 42000
60 300 6.2 42000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_12_workers_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_12_workers_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_12_workers_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_12_workers_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
