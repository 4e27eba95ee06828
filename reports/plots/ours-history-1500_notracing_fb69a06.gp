# ours-history-1500_notracing_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 15 0 0
1 30 0 720
2 45 0 2000
3 52 0 2100
4 75 6 2800
5 90 6 3700
6 103 6.75 4700
7 115 7.2 4700
8 135 6.16667 5600
9 150 6.28571 6200
10 165 6.625 6400
11 180 7.66667 6400
12 195 12.3 6200
13 210 25 6200
14 225 39.3 6400
15 240 43 6600
16 255 42.7 6900
17 270 46 6600
18 285 53.5 7300
19 300 67 7700
20 300 68.4 7600
21 300 76.5 6900
22 300 76.5 6900
23 300 101.7 6000
24 300 101.7 6100
25 300 128.8 6100
26 300 142.8 6300
27 300 144.1 6100
28 300 143.6 6000
29 300 145.1 6100
30 300 151.3 6200
31 300 144.9 6200
32 300 131.9 6300
33 300 115.7 6100
34 300 100.8 6300
35 300 88.8 6900
36 300 81.2 6600
37 300 82.3 6100
38 300 93.7 5900
39 300 102.6 5200
40 300 117.7 5200
41 300 133 5100
42 300 139.6 5200
43 300 140.6 5200
44 300 137.1 5100
45 300 135.6 4800
46 300 141.3 4800
47 300 147.2 5200
48 300 138.4 5100
49 300 129.6 4800
50 300 121 4700
51 300 123 4800
52 300 125.7 4800
53 300 123 4800
54 300 121.8 4700
55 300 120.3 4700
56 300 114.5 4800
57 300 109.1 4700
58 300 111.3 4500
59 300 116.9 4500
60 300 119.2 4700
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
