# ours-history-1500_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 6 0 0
1 30 0 0
2 45 0 1300
3 53 0 2000
4 75 2 3200
5 75 2 3200
6 105 3.75 4700
7 112 3.75 4700
8 133 3.75 4700
9 150 4.28571 7000
10 159 3.75 7900
11 180 4 8100
12 188 4 8100
13 210 4.8 11000
14 225 4.7 11000
15 232 4.2 11000
16 255 4.2 12000
17 263 4.2 13000
18 278 3.9 13000
19 300 4 15000
20 300 4.2 16000
21 300 3.9 17000
22 300 3.9 17000
23 300 3.9 17000
24 300 4.2 19000
25 300 4.1 19000
26 300 3.8 20000
27 300 4 20000
28 300 4.2 21000
29 300 4.2 22000
30 300 4.2 23000
31 300 4.2 24000
32 300 4.2 24000
33 300 4.2 24000
34 300 4 25000
35 300 4.5 26000
36 300 4.9 27000
37 300 4.8 27000
38 300 7.3 27000
39 300 12.8 26000
40 300 22 26000
41 300 31.2 27000
42 300 42.6 27000
43 300 43.5 27000
44 300 44.9 27000
45 300 50 28000
46 300 58 29000
47 300 61.2 29000
48 300 58.6 30000
49 300 54.6 30000
50 300 49.6 30000
51 300 47.5 30000
52 300 42.1 30000
53 300 45.6 30000
54 300 52.1 29000
55 300 56.4 28000
56 300 60.7 27000
57 300 77.2 27000
58 300 93 27000
59 300 105.6 27000
60 300 113.7 27000
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
