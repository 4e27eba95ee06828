# ours-history-1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 8 0 0
1 30 0 0
2 45 0 1200
3 60 0 2500
4 75 3 3700
5 90 2 3900
6 105 2 3900
7 120 3 5100
8 135 3 5100
9 150 4.28571 7300
10 165 3.75 7800
11 180 3.75 7800
12 195 3.33333 9100
13 210 3.6 10000
14 225 4.2 11000
15 240 4.5 12000
16 255 3.9 12000
17 270 3.9 13000
18 285 3.6 14000
19 300 3.6 14000
20 300 4.2 16000
21 300 4.2 16000
22 300 4.2 17000
23 300 3.6 18000
24 300 3.6 18000
25 300 3.9 19000
26 300 3.9 21000
27 300 3.9 21000
28 300 3.9 22000
29 300 3.6 23000
30 300 3.6 23000
31 300 4.2 24000
32 300 4.2 25000
33 300 4.2 25000
34 300 4.2 25000
35 300 3.9 27000
36 300 4.2 28000
37 300 4 29000
38 300 4 29000
39 300 4.2 30000
40 300 4.2 30000
41 300 4.2 31000
42 300 4.8 32000
43 300 4.2 32000
44 300 5.5 31000
45 300 14.4 31000
46 300 24.9 31000
47 300 33.5 31000
48 300 44 32000
49 300 45.3 32000
50 300 45.3 32000
51 300 51.1 33000
52 300 55.9 33000
53 300 59.1 33000
54 300 65.8 32000
55 300 66.4 32000
56 300 67.4 33000
57 300 66.5 33000
58 300 59.2 33000
59 300 59.7 32000
60 300 70.2 31000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_single_core_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_single_core_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_single_core_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_single_core_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
