# ours-history-profiled_fb69a06.gp — written by analyze report; run `gnuplot ours-history-profiled_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 15 0 0
1 30 0 670
2 45 0 1900
3 60 0 2300
4 75 6 2800
5 90 5 3400
6 105 6 4300
7 120 6.8 4900
8 135 6.16667 5500
9 150 6.42857 5600
10 157 6.75 5700
11 180 8.66667 5600
12 195 20.2 5700
13 210 37.5 6200
14 225 45.2 6000
15 240 50.3 6700
16 255 63.1 6800
17 270 70.7 6200
18 285 77.3 6000
19 300 96.7 5700
20 300 123.6 5600
21 300 148.6 5600
22 300 153.2 5500
23 300 155 5500
24 300 171.7 5800
25 300 180 5700
26 300 170.4 6000
27 300 168.6 5700
28 300 179.5 5500
29 300 184.1 5500
30 300 190 4900
31 300 192.7 4900
32 300 202.7 4900
33 300 212.3 4800
34 300 206.5 4900
35 300 209.7 4300
36 300 226.2 4200
37 300 242.2 3300
38 300 256.2 2800
39 300 268.2 3100
40 300 261.5 2700
41 300 253.5 2500
42 300 246.3 2100
43 300 245 1900
44 300 249.5 1300
45 300 258.1 1100
46 300 269.8 1100
47 300 274 670
48 300 266 660
49 300 250.5 670
50 300 254.1 520
51 300 253.3 9
52 300 250.6 9
53 300 253.4 8
54 300 257.1 7
55 300 256.3 7
56 300 258.5 7
57 300 266 7
58 300 266.6 6
59 300 272.7 6
60 300 267.1 6
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
