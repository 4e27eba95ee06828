# ours-history-1500_notracing_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 640
2 45 0 1800
3 60 0 1800
4 68 3 2700
5 90 5 3300
6 90 5 3300
7 120 6 4800
8 135 6 5500
9 150 6 5600
10 165 6.375 5600
11 180 7.77778 5600
12 195 14.1 5600
13 210 34.2 6100
14 225 43.6 6200
15 240 50.3 6800
16 255 58.6 7500
17 270 62.5 6700
18 285 64.9 5800
19 300 81.3 5400
20 300 110 4900
21 300 145 5300
22 300 169.9 4800
23 300 178.3 5300
24 300 184.2 5400
25 300 192.8 5500
26 300 191.6 5400
27 300 190.3 5300
28 300 209.3 4800
29 300 218.4 4300
30 300 213.7 4200
31 300 207.9 3200
32 300 201 2700
33 300 202.6 2600
34 300 219.6 2700
35 300 229.9 2600
36 300 245.7 2400
37 300 261.5 2100
38 300 260.2 1800
39 300 258.5 2100
40 300 264.9 1800
41 300 253.6 1800
42 300 245.8 620
43 300 234.4 12
44 300 233.7 9
45 300 242.4 9
46 300 253.1 8
47 300 262.3 8
48 300 270 8
49 300 272.1 7
50 300 262 7
51 300 269.7 7
52 300 279.7 6
53 300 287.1 6
54 300 285.4 6
55 300 285.1 6
56 300 281.5 6
57 300 282.7 6
58 300 283.4 5
59 300 291 5
60 300 299.1 5
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
