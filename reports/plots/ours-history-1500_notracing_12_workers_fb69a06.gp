# ours-history-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 0
2 45 0 0
3 53 0 0
4 75 0 3600
5 75 0 3600
6 105 0 4400
7 120 0 4400
8 135 2.5 6900
9 150 2.14286 7400
10 165 2.125 7900
11 180 3.22222 8200
12 195 3 8700
13 210 4.4 8800
14 217 5.1 9600
15 240 5.1 9700
16 255 5.4 10000
17 270 5.6 11000
18 278 5.9 11000
19 297 6.1 14000
20 300 6.3 15000
21 300 5.5 16000
22 300 5.8 16000
23 300 5 17000
24 300 4.6 18000
25 300 4.7 18000
26 300 4.9 20000
27 300 4.7 21000
28 300 4.9 21000
29 300 4.9 22000
30 300 5.4 22000
31 300 5.7 23000
32 300 5.7 23000
33 300 5.4 24000
34 300 5.9 25000
35 300 6 25000
36 300 6.2 26000
37 300 6.2 26000
38 300 6.6 26000
39 300 6.7 27000
40 300 6.4 28000
41 300 6.2 29000
42 300 6.1 29000
43 300 6.1 30000
44 300 6.1 32000
45 300 5.5 32000
46 300 5.5 32000
47 300 5 33000
48 300 4.5 33000
49 300 4.5 33000
50 300 4.8 33000
51 300 4.8 33000
52 300 4.2 33000
53 300 4.2 34000
54 300 3.4 36000
55 300 3.8 39000
56 300 2.9 40000
57 300 2.9 40000
58 300 2.8 41000
59 300 2.7 42000
60 300 2.1 44000
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
