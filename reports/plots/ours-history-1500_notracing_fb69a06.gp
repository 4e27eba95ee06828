# ours-history-1500_notracing_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 8 0 0
1 30 0 0
2 45 0 1300
3 60 0 2500
4 75 0 3400
5 90 3 3800
6 105 4 4900
7 120 4.5 5200
8 135 4.5 5200
9 150 4.5 7400
10 165 4.28571 7700
11 180 4 8900
12 195 4 9000
13 210 4 10000
14 225 4.5 10000
15 240 4.2 12000
16 255 3.9 12000
17 270 3.5 13000
18 285 3.4 14000
19 300 3.4 14000
20 300 3.6 16000
21 300 4.1 17000
22 300 3.6 17000
23 300 4.1 18000
24 300 4.5 18000
25 300 5 19000
26 300 5 19000
27 300 5.7 20000
28 300 6.2 21000
29 300 6.2 21000
30 300 6.5 22000
31 300 6.5 22000
32 300 7.3 23000
33 300 7.2 23000
34 300 9.8 23000
35 300 23.6 22000
36 300 39.5 23000
37 300 55.3 23000
38 300 64.1 23000
39 300 74.3 23000
40 300 81.2 23000
41 300 88.2 22000
42 300 107.2 22000
43 300 130.8 22000
44 300 149.8 22000
45 300 159.3 22000
46 300 160.2 22000
47 300 159.2 21000
48 300 169.4 21000
49 300 185.5 20000
50 300 208.7 20000
51 300 222.9 19000
52 300 228.8 19000
53 300 227.5 19000
54 300 217.9 20000
55 300 207.2 20000
56 300 198.9 19000
57 300 202 20000
58 300 198.4 20000
59 300 176.3 20000
60 300 154.9 20000
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
