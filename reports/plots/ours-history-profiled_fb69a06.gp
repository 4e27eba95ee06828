# ours-history-profiled_fb69a06.gp — written by analyze report; run `gnuplot ours-history-profiled_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 15 0 0
1 30 0 960
2 45 0 1800
3 60 0 2400
4 75 5 3000
5 90 5.33333 3700
6 98 5.33333 3700
7 120 5.75 5000
8 135 6 5400
9 150 6 6200
10 165 6 6700
11 180 6.11111 7800
12 187 5.7 7900
13 210 6.4 8300
14 225 10.6 8300
15 240 14.6 7900
16 255 25.9 7900
17 270 32.3 8300
18 285 38.5 8800
19 300 43.4 8800
20 300 43.4 9700
21 300 59.3 11000
22 300 59.8 11000
23 300 60.7 10000
24 300 60.7 10000
25 300 73.7 11000
26 300 69.1 11000
27 300 65.4 11000
28 300 63.1 11000
29 300 58.9 11000
30 300 69.9 10000
31 300 80.3 9700
32 300 100.5 8800
33 300 100.5 9000
34 300 118.4 10000
35 300 107.4 10000
36 300 106.7 10000
37 300 115.4 11000
38 300 115.4 11000
39 300 123 12000
40 300 108.7 12000
41 300 89.2 12000
42 300 71.6 12000
43 300 61.4 13000
44 300 56.8 12000
45 300 60.2 11000
46 300 75.4 9000
47 300 95.1 7300
48 300 121.3 6700
49 300 152.8 6700
50 300 163.6 7200
51 300 169.9 6200
52 300 174.8 6400
53 300 181.9 6700
54 300 184.1 6700
55 300 187.4 6400
56 300 177.6 5500
57 300 160.8 5000
58 300 154.7 4900
59 300 154.8 4100
60 300 170.7 4100
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
