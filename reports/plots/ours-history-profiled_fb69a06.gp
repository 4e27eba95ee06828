# ours-history-profiled_fb69a06.gp — written by analyze report; run `gnuplot ours-history-profiled_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 8 0 0
1 30 0 0
2 45 0 1600
3 60 0 2900
4 75 3 3900
5 90 3 4200
6 105 3 4800
7 120 3.6 5900
8 135 3.6 6000
9 150 3.6 6000
10 165 3.85714 8300
11 176 3.85714 8300
12 195 3.6 9200
13 202 3.6 10000
14 225 3.9 11000
15 240 3.8 12000
16 255 3.9 13000
17 270 3.4 14000
18 285 3.5 14000
19 292 3.5 14000
20 300 4 16000
21 300 4.4 16000
22 300 4.4 17000
23 300 4.4 17000
24 300 4.6 18000
25 300 4.6 20000
26 300 4 20000
27 300 4.3 21000
28 300 4.3 22000
29 300 4.3 22000
30 300 3.8 24000
31 300 3.8 24000
32 300 3.5 24000
33 300 3.5 25000
34 300 3.8 26000
35 300 3.8 26000
36 300 3.9 27000
37 300 4 29000
38 300 3.4 29000
39 300 3.3 31000
40 300 3.3 31000
41 300 3.9 32000
42 300 3.8 32000
43 300 3.5 33000
44 300 3.5 34000
45 300 3.8 34000
46 300 3.8 34000
47 300 4.4 36000
48 300 4.4 37000
49 300 4.4 37000
50 300 7.4 37000
51 300 16.1 36000
52 300 16.1 35000
53 300 36.9 37000
54 300 42.9 37000
55 300 44.7 37000
56 300 46.5 37000
57 300 54.2 37000
58 300 61.5 37000
59 300 64.1 38000
60 300 62.4 38000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-profiled_fb69a06.png'
set multiplot layout 3,1 title "profiled_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-profiled_fb69a06.svg'
set multiplot layout 3,1 title "profiled_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
