# ours-history-1500_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 700
2 38 0 1500
3 60 0 2700
4 68 3 3000
5 82 4 4000
6 105 3.75 4800
7 120 3.8 5400
8 120 3.8 5400
9 150 5.14286 6500
10 150 5.14286 6500
11 180 5.55556 7600
12 195 5.7 7600
13 210 6.6 7600
14 225 7.1 7500
15 240 14.9 7800
16 255 34.7 7800
17 270 48.3 7800
18 285 50.6 8300
19 292 63.6 8700
20 300 71.2 8800
21 300 74.4 8500
22 300 83.6 7800
23 300 99.2 7600
24 300 127.8 7600
25 300 150.2 7400
26 300 146.9 7400
27 300 150.4 7400
28 300 175.5 7400
29 300 175.4 7300
30 300 177 7200
31 300 195.2 7000
32 300 201 6600
33 300 202 7000
34 300 199.2 7000
35 300 181.3 7000
36 300 170.1 7000
37 300 171.5 6900
38 300 169.5 6900
39 300 179 7000
40 300 190.3 6800
41 300 186.9 6300
42 300 189.5 6000
43 300 199.4 5500
44 300 206.3 5500
45 300 224.6 5300
46 300 240 4600
47 300 251.8 4100
48 300 256.5 4000
49 300 268.4 3200
50 300 272.3 3400
51 300 275.9 3200
52 300 288.1 3000
53 300 278.8 3200
54 300 267.3 2500
55 300 258.1 2200
56 300 261 690
57 300 256 690
58 300 251.2 690
59 300 247.2 690
60 300 243.1 390
61 300 245.9 390
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
