# ours-history-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 0
2 45 0 0
3 45 0 0
4 68 0 3400
5 83 0 4500
6 105 0.25 6000
7 105 0.25 6000
8 135 0.833333 6500
9 150 1.85714 7800
10 165 1.875 8800
11 172 1.77778 9000
12 195 1.9 9000
13 202 3.2 9000
14 225 4.4 9600
15 240 5.8 9700
16 248 6.5 9800
17 270 7.5 12000
18 270 7.5 12000
19 300 7.1 13000
20 300 7.7 13000
21 300 7.7 13000
22 300 8.6 14000
23 300 8.9 15000
24 300 8.6 15000
25 300 8.1 16000
26 300 7.5 16000
27 300 6.8 17000
28 300 6.8 17000
29 300 7.2 17000
30 300 7.1 20000
31 300 6.3 20000
32 300 6.3 21000
33 300 5.1 22000
34 300 5.1 22000
35 300 4.4 24000
36 300 4.4 24000
37 300 4.4 24000
38 300 5 25000
39 300 5.6 25000
40 300 4.7 26000
41 300 4.7 26000
42 300 4.3 26000
43 300 4.3 27000
44 300 4 29000
45 300 3.8 32000
46 300 3.6 32000
47 300 3.4 33000
48 300 3.1 33000
49 300 3.1 33000
50 300 3.4 34000
51 300 3.4 34000
52 300 3.5 35000
53 300 3.8 35000
54 300 3.9 37000
55 300 4 38000
56 300 3.9 38000
57 300 3.7 39000
58 300 3.7 39000
59 300 3.1 39000
60 300 3.1 41000
60 300 3.1 43000
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
