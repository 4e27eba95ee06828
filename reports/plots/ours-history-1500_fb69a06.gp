# ours-history-1500_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 680
2 45 0 1900
3 45 0 1900
4 75 6 2800
5 90 6 3400
6 97 6 4300
7 120 7.2 5000
8 135 7.2 5500
9 150 6.42857 5800
10 165 7.125 5800
11 180 10.5556 5700
12 195 24.8 5700
13 210 44.4 6100
14 225 53.5 6300
15 240 59.3 6500
16 255 65.5 7100
17 270 69.7 6900
18 285 73.3 6300
19 300 93 5800
20 300 122 5600
21 300 151.7 5600
22 300 167.8 5600
23 300 163.9 5500
24 300 167 5700
25 300 177 5700
26 300 177 5500
27 300 192 5000
28 300 215.6 4400
29 300 221.7 4300
30 300 221.8 4300
31 300 212.3 3400
32 300 206.8 3300
33 300 218 3400
34 300 230.7 3400
35 300 233.8 3400
36 300 241.5 3300
37 300 243.9 2700
38 300 239.5 2400
39 300 240.1 2200
40 300 241.1 2200
41 300 241.9 1800
42 300 235 1200
43 300 241 670
44 300 246.5 610
45 300 251.7 600
46 300 263.9 14
47 300 262.3 8
48 300 260.4 8
49 300 258.2 8
50 300 248 8
51 300 244.7 8
52 300 255.6 8
53 300 249.1 8
54 300 236.6 7
55 300 237.7 7
56 300 240.9 7
57 300 244.6 6
58 300 255.2 6
59 300 267.4 6
60 300 277.4 6
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_fb69a06.png'
set multiplot layout 3,1 title "1500_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_fb69a06.svg'
set multiplot layout 3,1 title "1500_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
